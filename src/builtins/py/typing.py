"""typing, for socklab: the names type hints use, so that a program annotated with them
runs as under CPython (which does not check them either), and prints them as CPython
does (`typing.List[int]`, `typing.Optional[str]`, `~T`).

Written for socklab: CPython's typing.py rests on metaclasses and `__class_getitem__`,
which socklab does not have. `Generic[T]` and `Protocol[T]` are the classes themselves,
so a class can name them among its bases.
"""

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    return repr(obj)


def _arg(a):
    # None in a type stands for its type, as CPython's typing converts it.
    return type(None) if a is None else a


class _Alias:
    """`List[int]`, `Optional[str]`: a special form with its arguments."""

    def __init__(self, form, args):
        self.__origin__ = form._origin
        self.__args__ = args
        self._form = form

    def __repr__(self):
        name = self._form._name
        args = self.__args__
        if name == "Union" and len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return f"typing.Optional[{_type_repr(other)}]"
        if name == "Callable" and args and args[0] is not ...:
            params = ", ".join(_type_repr(a) for a in args[0])
            return f"typing.Callable[[{params}], {_type_repr(args[1])}]"
        if name == "Tuple" and args == ((),):
            return "typing.Tuple[()]"
        return f"typing.{name}[{', '.join(_type_repr(a) for a in args)}]"

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        return self._form is other._form and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._form._name, self.__args__))

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f"Type {self._form._name} cannot be instantiated")
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return self


class _Form:
    """A name of `typing` that takes arguments: `List`, `Optional`, `Callable` ..."""

    def __init__(self, name, origin=None):
        self._name = name
        self._origin = origin

    def __repr__(self):
        return f"typing.{self._name}"

    def __call__(self, *args, **kwargs):
        if self._origin is None:
            raise TypeError(f"Cannot instantiate typing.{self._name}")
        return self._origin(*args, **kwargs)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Tuple" and params == ():
            return _Alias(self, ((),))
        if self._name == "Optional":
            return Union[params[0], None]
        if self._name == "Union":
            flat = []
            for p in params:
                p = _arg(p)
                parts = p.__args__ if isinstance(p, _Alias) and p._form is Union else (p,)
                for q in parts:
                    if q not in flat:
                        flat.append(q)
            if len(flat) == 1:
                return flat[0]
            return _Alias(self, tuple(flat))
        if self._name == "Callable" and len(params) == 2 and isinstance(params[0], list):
            return _Alias(self, (tuple(_arg(a) for a in params[0]), _arg(params[1])))
        if self._name == "Literal":
            return _Alias(self, params)
        return _Alias(self, tuple(_arg(p) for p in params))


class _AnyType:
    def __repr__(self):
        return "typing.Any"


Any = _AnyType()
Union = _Form("Union")
Optional = _Form("Optional")
List = _Form("List", list)
Dict = _Form("Dict", dict)
Set = _Form("Set", set)
FrozenSet = _Form("FrozenSet", frozenset)
Tuple = _Form("Tuple", tuple)
Type = _Form("Type", type)
Callable = _Form("Callable")
Iterable = _Form("Iterable")
Iterator = _Form("Iterator")
Generator = _Form("Generator")
Sequence = _Form("Sequence")
MutableSequence = _Form("MutableSequence")
Mapping = _Form("Mapping")
MutableMapping = _Form("MutableMapping")
Collection = _Form("Collection")
Container = _Form("Container")
AbstractSet = _Form("AbstractSet")
Awaitable = _Form("Awaitable")
Coroutine = _Form("Coroutine")
AsyncIterator = _Form("AsyncIterator")
AsyncIterable = _Form("AsyncIterable")
Deque = _Form("Deque")
DefaultDict = _Form("DefaultDict")
OrderedDict = _Form("OrderedDict")
Counter = _Form("Counter")
ClassVar = _Form("ClassVar")
Final = _Form("Final")
Literal = _Form("Literal")
Annotated = _Form("Annotated")
IO = _Form("IO")
NoReturn = _Form("NoReturn")
Never = _Form("Never")
Hashable = _Form("Hashable")
Sized = _Form("Sized")
Text = str
AnyStr = None  # set below, once TypeVar exists


class TypeVar:
    """`T = TypeVar('T')`: a name for a type, shown as `~T`."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return "+" + self.__name__
        if self.__contravariant__:
            return "-" + self.__name__
        return "~" + self.__name__


AnyStr = TypeVar("AnyStr", bytes, str)


class Generic:
    """A base for generic classes; `Generic[T]` is the class itself here."""

    def __class_getitem__(cls, params):
        return cls


class Protocol:
    """A base for structural types; `Protocol[T]` is the class itself here."""

    def __class_getitem__(cls, params):
        return cls


class TextIO:
    pass


class BinaryIO:
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, "__annotations__", {}))


def NamedTuple(typename, fields=None, /, **kwargs):
    """`NamedTuple('Peer', [('host', str), ('port', int)])`: a namedtuple with its
    fields' types in `__annotations__`. (The class form, `class Peer(NamedTuple)`,
    needs a metaclass, which socklab does not have.)"""
    import collections
    if fields is None:
        fields = list(kwargs.items())
    cls = collections.namedtuple(typename, [name for name, _ in fields])
    try:
        cls.__annotations__ = dict(fields)
    except TypeError:
        pass  # socklab's namedtuple classes are built in, and keep no annotations
    return cls


def NewType(name, tp):
    def new_type(x):
        return x

    new_type.__name__ = name
    return new_type
