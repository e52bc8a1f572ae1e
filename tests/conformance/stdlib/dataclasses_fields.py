# dataclasses: @dataclass from annotations (init, repr, eq, order, frozen, hash), field, asdict, replace.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, is_dataclass, FrozenInstanceError
from typing import List, ClassVar

@dataclass
class Peer:
    host: str
    port: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

p = Peer("127.0.0.1", 8080)
print(p, p == Peer("127.0.0.1", 8080), p != Peer("localhost"), Peer("x").tags is not Peer("y").tags)
print(asdict(p), astuple(p), replace(p, port=9), [f.name for f in fields(p)], is_dataclass(p), is_dataclass(Peer), Peer.count)
try:
    hash(p)
except TypeError as e:
    print(e)
for args, kw in [((), {}), (("a", 1, [], 5), {}), (("a",), {"bogus": 1}), (("a",), {"host": "b"})]:
    try:
        Peer(*args, **kw)
    except TypeError as e:
        print(e)

@dataclass(frozen=True, order=True)
class Address:
    host: str
    port: int
    def __post_init__(self):
        if not 0 <= self.port < 65536:
            raise ValueError(f"bad port {self.port}")

a = Address("127.0.0.1", 80)
print(a, a < Address("127.0.0.1", 81), sorted([Address("b", 1), Address("a", 2)]), hash(a) == hash(Address("127.0.0.1", 80)))
try:
    a.port = 1
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    Address("x", 70000)
except ValueError as e:
    print(e)
{a: 1}

@dataclass
class Message:
    kind: str
    body: bytes = b""
    peers: List[Peer] = field(default_factory=list)

m = Message("hello", peers=[Peer("a", 1)])
print(m, asdict(m))
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        items: list = []
except ValueError as e:
    print(e)

@dataclass
class Child(Peer):
    secure: bool = False
print(Child("h", 1, [], True), [f.name for f in fields(Child)])

@dataclass(eq=False)
class Plain:
    x: int
print(Plain(1) == Plain(1), hash(Plain(1)) is not None)
