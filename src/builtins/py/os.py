"""os for socklab: the parts network programs use (the process, the environment, the
working folder, os.path). Files stay outside the lab, and fork() is refused: a forked
child would be a copy of the whole lab; use threads. Modelled on CPython's os.py."""

import posix
import posixpath as path
from posix import getpid, getppid, getcwd, listdir, strerror, cpu_count, urandom

name = 'posix'
linesep = '\n'
sep = path.sep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
altsep = path.altsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull
environ = posix.environ


def getenv(key, default=None):
    if not isinstance(key, str):
        raise TypeError("str expected, not %s" % type(key).__name__)
    return environ.get(key, default)


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    raise TypeError("expected str, bytes or os.PathLike object, not "
                    + type(path).__name__)


def fork():
    raise NotImplementedError(
        "socklab does not support os.fork() (it would fork the lab itself); "
        "use threading: one thread per client")


def forkpty():
    raise NotImplementedError(
        "socklab does not support os.forkpty() (it would fork the lab itself); "
        "use threading: one thread per client")
