# An HTTP/1.0 GET to a tiny server running in a thread.
import socket
import threading

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
srv.settimeout(10)

def http_server():
    conn, _ = srv.accept()
    f = conn.makefile("rb")
    request_line = f.readline().decode().rstrip("\r\n")
    while f.readline() not in (b"\r\n", b"\n", b""):
        pass
    method, path, version = request_line.split()
    body = ("You asked for %s with %s\n" % (path, method)).encode()
    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n"
                 + ("Content-Length: %d\r\n\r\n" % len(body)).encode() + body)
    f.close()
    conn.close()

t = threading.Thread(target=http_server)
t.start()
s = socket.create_connection(srv.getsockname(), timeout=5)
s.sendall(b"GET /index.html HTTP/1.0\r\nHost: localhost\r\n\r\n")
response = b""
while True:
    chunk = s.recv(10000)
    if not chunk:
        break
    response += chunk
t.join(5)
head, _, body = response.partition(b"\r\n\r\n")
for line in head.split(b"\r\n"):
    print(line)
print(body)
s.close()
srv.close()
