"""socklab's io: the in-memory files BytesIO and StringIO, with CPython's behaviour
and messages (positions, padding when writing past the end, closed-file errors)."""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

def _size(size, what="size"):
    if size is None:
        return -1
    if type(size) is not int and type(size) is not bool:
        raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
    return size


def _bytes_like(b):
    if not isinstance(b, (bytes, bytearray, memoryview)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
    return bytes(b)


class _Memory:
    """What BytesIO and StringIO share: a buffer, a position, closing."""

    def _check(self):
        if self._closed:
            raise ValueError(self._closed_message)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def flush(self):
        self._check()

    def tell(self):
        self._check()
        return self._pos

    def getvalue(self):
        self._check()
        return self._buf

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def read(self, size=-1):
        self._check()
        size = _size(size)
        end = len(self._buf) if size < 0 else min(len(self._buf), self._pos + size)
        if self._pos >= end:
            return self._buf[:0]
        data = self._buf[self._pos:end]
        self._pos = end
        return data

    def readline(self, size=-1):
        self._check()
        size = _size(size)
        nl = self._buf.find(self._newline, self._pos)
        end = len(self._buf) if nl < 0 else nl + 1
        if size >= 0:
            end = min(end, self._pos + size)
        if self._pos >= end:
            return self._buf[:0]
        data = self._buf[self._pos:end]
        self._pos = end
        return data

    def readlines(self, hint=-1):
        self._check()
        hint = _size(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        else:
            size = _size(size)
            if size < 0:
                raise ValueError("negative size value %d" % size)
        self._buf = self._buf[:size]
        return size

    def _put(self, data):
        pad = self._pos - len(self._buf)
        if pad > 0:
            self._buf = self._buf + self._zero * pad
        self._buf = self._buf[:self._pos] + data + self._buf[self._pos + len(data):]
        self._pos += len(data)
        return len(data)


class BytesIO(_Memory):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    def __init__(self, initial_bytes=b""):
        self._closed = False
        self._closed_message = "I/O operation on closed file."
        self._newline = b"\n"
        self._zero = b"\x00"
        self._buf = b"" if initial_bytes is None else _bytes_like(initial_bytes)
        self._pos = 0

    def write(self, b):
        self._check()
        data = _bytes_like(b)
        if not data:
            return 0
        return self._put(data)

    def read1(self, size=-1):
        return self.read(size)

    def getbuffer(self):
        self._check()
        return memoryview(self._buf)

    def seek(self, pos, whence=0):
        self._check()
        pos = _size(pos)
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError(
                "invalid whence (%d, should be 0, 1 or 2)" % whence)
        self._pos = pos
        return pos


class StringIO(_Memory):
    """Text I/O implementation using an in-memory buffer."""

    def __init__(self, initial_value="", newline="\n"):
        self._closed = False
        self._closed_message = "I/O operation on closed file"
        self._newline = "\n"
        self._zero = "\x00"
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError(
                "initial_value must be str or None, not %s" % type(initial_value).__name__)
        self._buf = initial_value
        self._pos = 0

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        if not s:
            return 0
        return self._put(s)

    def readlines(self, hint=-1):
        # IOBase's rule (StringIO has no readlines of its own): a line is kept, then
        # reading stops once the lines so far pass the hint.
        self._check()
        hint = _size(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            if hint > 0 and len(line) > hint - total:
                break
            total += len(line)
        return lines

    def seek(self, pos, whence=0):
        self._check()
        pos = _size(pos)
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            pos = self._pos
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            pos = len(self._buf)
        else:
            raise ValueError(
                "Invalid whence (%d, should be 0, 1 or 2)" % whence)
        self._pos = pos
        return pos
