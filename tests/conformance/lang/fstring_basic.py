# f-strings with plain expressions.
host = "127.0.0.1"
port = 40000
print(f"{host}:{port}")
print(f"connected to {(host, port)}")
print(f"{port + 1} {port * 2} {port // 1000} {port / 3}")
print(f"{'nested quotes'} {len(host)} {host.upper()} {host.split('.')}")
items = [1, 2, 3]
d = {"k": "v"}
print(f"{items} {items[0]} {items[-1]} {d} {d['k']}")
print(f"{None} {True} {1.5} {1e16} {-0.0} {b'raw'}")
print(f"{{braces}} {{{port}}} {{}}")
print(f"" == "", f"plain", F"capital F")
print(f"{'a' if port > 0 else 'b'}")
print(f"{[x * 2 for x in items]}")
print(f"{(lambda v: v + 1)(1)}")
name = "world"
print(f"hello, {name}!" f" and {name.upper()}" " and plain")
print(rf"raw \n {name}", fr"{name}\t")
msg = f"""multi
{name}
line"""
print(msg)
print(f"{3 + 4}")
x = 5
print(f"{x}{x}{x}", f"{x!s}{x!r}")
