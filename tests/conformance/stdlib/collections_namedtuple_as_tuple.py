from collections import namedtuple, deque, Counter, defaultdict, OrderedDict

Addr = namedtuple("Addr", "host port")
peers = {Addr("127.0.0.1", 5000): "alice", ("127.0.0.1", 5001): "bob"}
print(peers[Addr("127.0.0.1", 5000)], peers[("127.0.0.1", 5000)], peers[Addr("127.0.0.1", 5001)])
print(Addr("h", 1) in {("h", 1)}, len({Addr("a", 1), ("a", 1), Addr("a", 2)}), hash(Addr(1, 2)) == hash((1, 2)))
print("%s:%d" % Addr("localhost", 8080), "{}:{}".format(*Addr("x", 1)))
print(sorted([Addr("b", 2), Addr("a", 9), Addr("a", 1)]), Addr("a", 1) < ("a", 2), ("z", 0) > Addr("a", 1))
print(max([Addr("a", 1), Addr("a", 3)]), min(Addr(4, 2)), Addr(1, 2) <= Addr(1, 2))


def attempt(fn):
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)


for mutable in [deque(), Counter(), defaultdict(int), OrderedDict()]:
    attempt(lambda: {mutable: 1})
attempt(lambda: {Addr([1], 2): 0})
attempt(lambda: Addr(1, 2) < 3)
