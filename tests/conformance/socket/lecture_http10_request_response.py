# An HTTP/1.0 exchange over loopback in one program: the lecture's request/response cycle.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
host, port = srv.getsockname()

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.settimeout(5)
s.connect((host, port))
s.sendall(b"GET /index.html HTTP/1.0\r\n\r\n")

conn, _ = srv.accept()
conn.settimeout(5)
request = b""
while b"\r\n\r\n" not in request:
    chunk = conn.recv(1024)
    if not chunk:
        break
    request += chunk
request_line = request.split(b"\r\n")[0]
method, path, version = request_line.decode().split()
print("server saw:", method, path, version)
body = b"<html><body>Hello from " + path.encode() + b"</body></html>\n"
conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n"
             + ("Content-Length: %d\r\n\r\n" % len(body)).encode() + body)
conn.close()

data = b""
while True:
    chunk = s.recv(10000)
    if not chunk:
        break
    data += chunk
s.close()
srv.close()
head, _, content = data.partition(b"\r\n\r\n")
lines = head.decode().split("\r\n")
print(lines[0])
for line in lines[1:]:
    name, _, value = line.partition(": ")
    print(repr(name), repr(value))
print(content)
print(len(content) == int(lines[2].split(": ")[1]))
