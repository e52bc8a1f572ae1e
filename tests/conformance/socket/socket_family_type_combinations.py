# Every family x type combination the subset allows: attributes and a first bind.
import socket

families = [socket.AF_INET, socket.AF_INET6, socket.AF_UNIX]
types = [socket.SOCK_STREAM, socket.SOCK_DGRAM]
for fam in families:
    for typ in types:
        s = socket.socket(fam, typ)
        print(fam.name, typ.name, "->", repr(s.family), repr(s.type), s.proto)
        if fam == socket.AF_INET:
            s.bind(("127.0.0.1", 0))
            print("  bound to", s.getsockname()[0], s.getsockname()[1] > 0)
        elif fam == socket.AF_INET6:
            s.bind(("::1", 0))
            name = s.getsockname()
            print("  bound to", name[0], name[1] > 0, name[2:], len(name))
        else:
            print("  unbound name", repr(s.getsockname()))
        s.close()
        print("  closed", s.fileno())
