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


class _Environ:
    """The environment socklab was started with, as a mapping of str to str. Changes
    stay in this mapping (there are no child processes to hand them to)."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        for v in (key, value):
            if not isinstance(v, str):
                raise TypeError("str expected, not %s" % type(v).__name__)
        self._data[key] = value

    def __delitem__(self, key):
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data:
            return self._data.pop(key)
        if default:
            return default[0]
        raise KeyError(key)

    def __repr__(self):
        formatted_items = ", ".join(
            f"{key!r}: {value!r}" for key, value in self._data.items())
        return f"environ({{{formatted_items}}})"


environ = _Environ(posix.environ)


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
