# errno: the names socket code compares e.errno with, and errno.errorcode.
import errno, socket, os
print(errno.ECONNREFUSED, errno.EADDRINUSE, errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[111], errno.errorcode[errno.EWOULDBLOCK])
print(len(errno.errorcode), sorted(errno.errorcode)[:5], errno)
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except OSError as e:
    print(e.errno == errno.ECONNREFUSED, errno.errorcode[e.errno], os.strerror(e.errno))
c.close()
a = socket.socket(); a.bind(("127.0.0.1", 0)); a.listen()
b = socket.socket()
try:
    b.bind(a.getsockname())
except OSError as e:
    print(e.errno == errno.EADDRINUSE, errno.errorcode[e.errno])
from errno import ENOENT, EINTR
print(ENOENT, EINTR, [n for n in dir(errno) if n.startswith("ECONN")])
