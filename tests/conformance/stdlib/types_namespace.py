import types
from types import SimpleNamespace

ns = SimpleNamespace(host="127.0.0.1", port=8080)
print(ns, repr(ns), ns.host, ns.port)
ns.timeout = 2.5
del ns.port
print(ns, vars(ns), hasattr(ns, "port"))
print(SimpleNamespace(), SimpleNamespace(a=1) == SimpleNamespace(a=1), SimpleNamespace(a=1) == SimpleNamespace(a=2))
print(SimpleNamespace(a=1) != SimpleNamespace(a=1), SimpleNamespace(a=1) == {"a": 1})
print(type(ns).__name__, isinstance(ns, types.SimpleNamespace))
config = SimpleNamespace(**{"verbose": True, "count": 3})
config.count += 1
print(config, SimpleNamespace(inner=SimpleNamespace(x=[1, 2])))


def f():
    pass


class C:
    def m(self):
        pass


print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(len, types.FunctionType))
print(isinstance(len, types.BuiltinFunctionType), isinstance(C().m, types.MethodType), isinstance(types, types.ModuleType))
print(isinstance(None, types.NoneType), types.FunctionType.__name__, types.ModuleType.__name__)


def attempt(fn):
    try:
        fn()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: SimpleNamespace(1))
attempt(lambda: {SimpleNamespace(): 1})
ns.missing
