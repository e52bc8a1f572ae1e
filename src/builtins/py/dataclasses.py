"""dataclasses, for socklab: `@dataclass` makes `__init__`, `__repr__`, `__eq__` (and
the orderings, `frozen`, `__hash__`) from the class's annotated names, with CPython's
errors and reprs; `field`, `fields`, `asdict`, `astuple`, `replace`, `is_dataclass`.

CPython's dataclasses.py writes each method's source and runs it with `exec`, which
socklab does not have; here the methods are closures over the list of fields.
"""

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELDS = '__dataclass_fields__'


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                '_field_type=_FIELD)')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def fields(class_or_instance):
    try:
        found = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(found.values())


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _is_classvar(annotation):
    return repr(annotation).startswith('typing.ClassVar')


def _process_class(cls, init, repr_, eq, order, unsafe_hash, frozen, kw_only):
    all_fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            for f in base_fields.values():
                all_fields[f.name] = f
    annotations = cls.__dict__.get('__annotations__', {})
    kw_only_from_here = kw_only
    for name, type_ in annotations.items():
        if type_ is KW_ONLY or isinstance(type_, _KW_ONLY_TYPE):
            kw_only_from_here = True
            continue
        if _is_classvar(type_):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = type_
        if f.kw_only is MISSING:
            f.kw_only = kw_only_from_here
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f'mutable default {type(f.default)} for field {name} '
                             'is not allowed: use default_factory')
        # The class attribute is the default (or goes, for a field() without one).
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        all_fields[name] = f
    setattr(cls, _FIELDS, all_fields)

    field_list = list(all_fields.values())
    init_fields = [f for f in field_list if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    keyword = [f for f in init_fields if f.kw_only]
    seen_default = False
    for f in positional:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')

    if init:
        def __init__(self, *args, **kwargs):
            if len(args) > len(positional):
                most = len(positional) + 1
                least = most - len([f for f in positional if f.default is not MISSING
                                    or f.default_factory is not MISSING])
                takes = f'from {least} to {most}' if least < most else f'{most}'
                raise TypeError(f'{type(self).__qualname__}.__init__() takes {takes} '
                                f'positional argument{"" if most == 1 else "s"} but '
                                f'{len(args) + 1} were given')
            values = {}
            for f, v in zip(positional, args):
                values[f.name] = v
            names = [f.name for f in init_fields]
            for k, v in kwargs.items():
                if k not in names:
                    raise TypeError(f'{type(self).__qualname__}.__init__() got an '
                                    f'unexpected keyword argument {k!r}')
                if k in values:
                    raise TypeError(f'{type(self).__qualname__}.__init__() got multiple '
                                    f'values for argument {k!r}')
                values[k] = v
            missing_pos = [f.name for f in positional if f.name not in values
                           and f.default is MISSING and f.default_factory is MISSING]
            if missing_pos:
                raise TypeError(_missing(type(self), missing_pos, 'positional'))
            missing_kw = [f.name for f in keyword if f.name not in values
                          and f.default is MISSING and f.default_factory is MISSING]
            if missing_kw:
                raise TypeError(_missing(type(self), missing_kw, 'keyword-only'))
            for f in field_list:
                if f.name in values:
                    value = values[f.name]
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                elif f.default is not MISSING:
                    value = f.default
                else:
                    continue
                object.__setattr__(self, f.name, value)
            post = getattr(self, '__post_init__', None)
            if post is not None:
                post()

        cls.__init__ = __init__

    if repr_:
        def __repr__(self):
            shown = ', '.join(f'{f.name}={getattr(self, f.name)!r}'
                              for f in field_list if f.repr)
            return f'{type(self).__qualname__}({shown})'

        cls.__repr__ = __repr__

    compared = [f for f in field_list if f.compare]

    def as_tuple(obj):
        return tuple(getattr(obj, f.name) for f in compared)

    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return as_tuple(self) == as_tuple(other)
            return NotImplemented

        cls.__eq__ = __eq__

    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')

        def comparison(op):
            def compare(self, other):
                if other.__class__ is self.__class__:
                    return op(as_tuple(self), as_tuple(other))
                return NotImplemented
            return compare

        cls.__lt__ = comparison(lambda a, b: a < b)
        cls.__le__ = comparison(lambda a, b: a <= b)
        cls.__gt__ = comparison(lambda a, b: a > b)
        cls.__ge__ = comparison(lambda a, b: a >= b)

    if frozen:
        def __setattr__(self, name, value):
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError(f'cannot assign to field {name!r}')
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError(f'cannot delete field {name!r}')
            object.__delattr__(self, name)

        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__

    has_own_hash = '__hash__' in cls.__dict__
    if unsafe_hash or (eq and frozen):
        hashed = [f for f in field_list if (f.compare if f.hash is None else f.hash)]

        def __hash__(self):
            return hash(tuple(getattr(self, f.name) for f in hashed))

        cls.__hash__ = __hash__
    elif eq and not has_own_hash:
        # As CPython: a class that compares by value and can change is unhashable.
        cls.__hash__ = None
    return cls


def _missing(cls, names, kind):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        listed = quoted[0]
    else:
        listed = ', '.join(quoted[:-1]) + ' and ' + quoted[-1]
    plural = 's' if len(names) > 1 else ''
    return (f'{cls.__qualname__}.__init__() missing {len(names)} required '
            f'{kind} argument{plural}: {listed}')


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)

    if cls is None:
        return wrap
    return wrap(cls)


def _asdict_inner(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return obj


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj, tuple_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def replace(obj, /, **changes):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('replace() should be called on dataclass instances')
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, '
                                 'it cannot be specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **options):
    raise NotImplementedError('socklab does not support make_dataclass(); '
                              'write the class with @dataclass')
