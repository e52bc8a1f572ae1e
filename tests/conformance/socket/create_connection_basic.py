# create_connection(address, timeout, source_address): a connected TCP socket.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]
c = socket.create_connection(("127.0.0.1", port))
print(type(c).__name__, repr(c.family), repr(c.type), c.proto, c.gettimeout())
print(c.getpeername() == ("127.0.0.1", port))
conn, _ = srv.accept()
conn.close()
c.close()
d = socket.create_connection(("localhost", port), 2.5)
print(d.gettimeout(), d.getpeername()[0])
srv.accept()[0].close()
d.close()
e = socket.create_connection(("127.0.0.1", port), timeout=None, source_address=("127.0.0.1", 0))
print(e.gettimeout(), e.getsockname()[0])
srv.accept()[0].close()
e.close()
srv.close()
try:
    socket.create_connection(("127.0.0.1", port), timeout=5)
except ConnectionRefusedError as err:
    print(type(err).__name__, err)
for bad in [("127.0.0.1",), "127.0.0.1:80"]:
    try:
        socket.create_connection(bad)
    except ValueError as err:
        print(repr(bad), type(err).__name__, err)
try:
    socket.create_connection(("127.0.0.1", "no-such-service"))
except socket.gaierror as err:
    print(type(err).__name__, err.errno, err)
