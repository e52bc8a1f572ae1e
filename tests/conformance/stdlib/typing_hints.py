# typing: the names type hints use, printed as CPython prints them; PEP 604 unions.
import socket
from typing import List, Dict, Optional, Tuple, Union, Callable, Any, TypeVar, Generic, Iterable, cast, TYPE_CHECKING
import typing
print(typing.List, List[int], Optional[int], Union[int, str], Union[int, None], Callable[[int, str], bool], Callable[..., None])
print(Tuple[int, ...], Dict[str, List[int]], Any, TypeVar("T"), typing.Literal["a", 1], typing.Iterable[int], Optional[List[int]])
print(List[int].__origin__, typing.Generator[int, None, None], typing.Type[int], Union[int], typing.Tuple[()], typing.ClassVar[int])
print(List[int] == List[int], typing.Sequence[str], typing.Mapping[str, int], typing.IO[bytes], TYPE_CHECKING, cast(int, "x"))
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s: Stack[int] = Stack()
s.push(3)
print(s.pop(), Stack.__mro__[1].__name__)
Address = Tuple[str, int]
def serve(addr: Address, handler: Callable[[socket.socket], None], backlog: Optional[int] = None) -> Dict[str, Any]:
    return {"addr": addr, "backlog": backlog}
print(serve(("127.0.0.1", 0), print), serve.__annotations__)
def handle(conn: socket.socket, peer: tuple[str, int]) -> bytes | None:
    return None
print(handle.__annotations__)
try:
    class A: pass
    A[int]
except TypeError as e:
    print(e)
print(int | None, int | str | None, (int | str).__args__, list[int] | None, int | int, type(int | str).__name__)
print(isinstance(1, int | str), isinstance(None, int | None), isinstance(b"", int | str), issubclass(bool, int | str))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
from typing import NamedTuple
Peer = NamedTuple('Peer', [('host', str), ('port', int)])
p = Peer('127.0.0.1', 80)
print(p, p.port, p._asdict())
