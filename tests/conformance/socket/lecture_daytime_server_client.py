# A daytime-style service on port 0: the server sends the time as soon as a client
# connects and closes; the client reads to EOF. Only the line's format is printed.
import socket
import time

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
cli = socket.socket()
cli.settimeout(5)
cli.connect(srv.getsockname())
conn, addr = srv.accept()
now = time.strftime("%d-%m-%y %H:%M:%S", time.gmtime())
conn.sendall(("\n" + now + " UTC(socklab) *\n").encode())
conn.close()
data = b""
while True:
    chunk = cli.recv(16)
    if not chunk:
        break
    data += chunk
cli.close()
srv.close()
line = data.decode()
print(repr(line[0]), repr(line[-1]), len(line))
fields = line.split()
print(len(fields), [len(f) for f in fields])
day, clock = fields[0], fields[1]
print(day.count("-"), clock.count(":"), fields[2], fields[3])
print(all([part.isdigit() for part in day.split("-") + clock.split(":")]))
