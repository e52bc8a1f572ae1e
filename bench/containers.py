# Container work a server does: a set of client descriptors and a dict of connections
# keyed by peer address, 40 000 clients joining, half of them leaving, more joining,
# then everyone leaving through set.pop(). Run by bench/containers.sh under socklab and
# CPython; prints a checksum (which must agree) and the milliseconds the work took.
#
#   python3 bench/containers.py [N] [ROUNDS]
import sys
import time

n = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def serve(n):
    clients = set()
    conns = {}
    for fd in range(3, n + 3):
        clients.add(fd)
        conns[("127.0.0.1", 10000 + fd)] = fd
    for fd in range(3, n + 3, 2):
        clients.discard(fd)
        del conns[("127.0.0.1", 10000 + fd)]
    for fd in range(n + 3, n + 3 + n // 2):
        clients.add(fd)
        conns[("127.0.0.1", 10000 + fd)] = fd
    first = list(conns)[:3]
    total = 0
    while clients:
        fd = clients.pop()
        total += conns.pop(("127.0.0.1", 10000 + fd))
    return total, first, len(conns)


start = time.perf_counter()
for _ in range(rounds):
    result = serve(n)
elapsed = time.perf_counter() - start
print(result)
print(f"ms {elapsed * 1000 / rounds:.1f}")
