# os: the process, the environment, the working folder, strerror, urandom; CPython's
# errors. (Values that differ from run to run are compared, not printed.)
import os

print(os.name, repr(os.sep), repr(os.linesep), repr(os.pathsep), os.curdir, os.pardir, os.devnull)
print(os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid(), type(os.getpid()))
print(os.getcwd() == os.path.abspath("."), os.path.isabs(os.getcwd()))
print(type(os.cpu_count()), os.cpu_count() >= 1)
print(os.strerror(2), "|", os.strerror(111), "|", os.strerror(98), "|", os.strerror(99999))
print(len(os.urandom(16)), type(os.urandom(0)), os.urandom(0))
print(os.getenv("SOCKLAB_SURELY_UNSET"), os.getenv("SOCKLAB_SURELY_UNSET", "default"))
print("PATH" in os.environ, os.environ.get("SOCKLAB_SURELY_UNSET", 42), os.getenv("PATH") == os.environ["PATH"])
print(isinstance(os.environ["PATH"], str), os.fspath("x"), os.fspath(b"y"))
print("conformance" not in os.listdir("."), "os_basic.py" in os.listdir("."), "os_basic.py" in os.listdir())
print(sorted(n for n in os.listdir(b".") if n.startswith(b"os_basic.p")))
tests = [
    ("strerror str", lambda: os.strerror("x")),
    ("urandom negative", lambda: os.urandom(-1)),
    ("getenv int", lambda: os.getenv(1)),
    ("listdir missing", lambda: os.listdir("/surely/not/here")),
    ("listdir a file", lambda: os.listdir("os_basic.py")),
    ("listdir float", lambda: os.listdir(1.5)),
    ("environ missing", lambda: os.environ["SOCKLAB_SURELY_UNSET"]),
    ("fspath int", lambda: os.fspath(3)),
]
for name, f in tests:
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
import os.path
print(os.path is os.path, os.path.join("a", "b"))
os.listdir("/surely/not/here")
