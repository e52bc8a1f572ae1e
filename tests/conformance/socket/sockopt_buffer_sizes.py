# SO_RCVBUF / SO_SNDBUF: positive; Linux reports at least what was asked for.
import socket

for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
    s = socket.socket(socket.AF_INET, kind)
    for opt in (socket.SO_RCVBUF, socket.SO_SNDBUF):
        before = s.getsockopt(socket.SOL_SOCKET, opt)
        s.setsockopt(socket.SOL_SOCKET, opt, 32768)
        after = s.getsockopt(socket.SOL_SOCKET, opt)
        print(repr(kind), opt, before > 0, type(before).__name__, after >= 32768)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1)
    print("tiny request still positive:", s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF) > 1)
    s.close()
