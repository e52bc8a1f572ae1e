# Parsing a line-based protocol from received chunks, using bytes methods only.
chunks = [b"HELO cli", b"ent.example\r\nMAIL FROM:<a@b>\r", b"\nQUIT\r\n", b"partial"]
buffer = b""
commands = []
for chunk in chunks:
    buffer += chunk
    while True:
        i = buffer.find(b"\r\n")
        if i < 0:
            break
        line = buffer[:i]
        buffer = buffer[i + 2:]
        commands.append(line)
print(commands)
print("left in buffer:", buffer)
for line in commands:
    parts = line.split(b" ", 1)
    verb = parts[0].upper()
    arg = parts[1] if len(parts) > 1 else b""
    print(verb.decode(), repr(arg), verb.startswith(b"MA"), arg.endswith(b">"))
reply = b"\r\n".join([b"250 " + c.split(b" ")[0].lower() for c in commands]) + b"\r\n"
print(reply)
print(reply.hex()[:20], len(reply))
header = b"Content-Length: 42"
name_end = header.find(b":")
print(header[:name_end].lower(), int(header[name_end + 1:].strip()))
