"""socklab's types: SimpleNamespace, and the types of built-in objects for isinstance."""

import sys as _sys


def _f():
    pass


def _g():
    yield 1


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = None
GeneratorType = type(_g())
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
del CodeType


class SimpleNamespace:
    """A simple attribute-based namespace.

    SimpleNamespace(**kwargs)"""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        for name in kwargs:
            setattr(self, name, kwargs[name])

    def __repr__(self):
        if id(self) in _repr_running:
            return "namespace(...)"
        _repr_running.append(id(self))
        try:
            items = vars(self)
            parts = []
            for name in items:
                parts.append("%s=%r" % (name, items[name]))
            return "namespace(" + ", ".join(parts) + ")"
        finally:
            _repr_running.remove(id(self))

    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return vars(self) == vars(other)
        return NotImplemented

    # CPython's type is written in C and named 'types.SimpleNamespace' in messages.
    def __hash__(self):
        raise TypeError("unhashable type: 'types.SimpleNamespace'")

    def __getattr__(self, name):
        raise AttributeError(
            "'types.SimpleNamespace' object has no attribute '%s'" % name)


_repr_running = []
del _f, _g, _C
