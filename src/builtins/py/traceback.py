"""Extract, format and print information about Python stack traces.

socklab's traceback: the part of CPython 3.11's Lib/traceback.py that programs use,
with CPython's text. socklab keeps no frame objects: an exception's frames come from
_socklab.exception (an exception being handled, or the last one handled) and its
traceback object (tb_lineno, tb_next), the running frames from _socklab.stack(). The lines are the ones socklab
prints for an uncaught exception (without 3.11's ^^^ marks under a part of a line).
"""

import sys
import _socklab

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'walk_stack', 'walk_tb']

_cause_message = (
    "\nThe above exception was the direct cause "
    "of the following exception:\n\n")

_context_message = (
    "\nDuring handling of the above exception, "
    "another exception occurred:\n\n")


class _Sentinel:
    def __repr__(self):
        return "<implicit>"


_sentinel = _Sentinel()


class FrameSummary:
    """Information about a single frame from a traceback."""

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = None
        if locals:
            self.locals = {}
            for k in locals:
                self.locals[k] = repr(locals[k])
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _socklab.getline(self.filename, self.lineno)
        return self._line.strip()


def _limited(rows, limit, from_start):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return rows
    if limit >= 0:
        if from_start:
            return rows[:limit]
        return rows[len(rows) - limit:] if limit else []
    if from_start:
        return rows[len(rows) + limit:] if -limit < len(rows) else rows
    return rows[:-limit]


class StackSummary:
    """A list of FrameSummary objects, ready for formatting."""

    def __init__(self, frames=None):
        self._frames = list(frames or [])

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def append(self, frame):
        self._frames.append(frame)

    def __iter__(self):
        return iter(self._frames)

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, i):
        return self._frames[i]

    def __eq__(self, other):
        if isinstance(other, StackSummary):
            return self._frames == other._frames
        return self._frames == other

    def __repr__(self):
        return repr(self._frames)

    def format_frame_summary(self, frame_summary):
        row = '  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)
        if frame_summary.line:
            row += '    {}\n'.format(frame_summary.line.strip())
        if frame_summary.locals:
            for name in sorted(frame_summary.locals):
                row += '    {name} = {value}\n'.format(
                    name=name, value=frame_summary.locals[name])
        return row

    def format(self):
        result = []
        last_file = None
        last_line = None
        last_name = None
        count = 0
        for frame_summary in self._frames:
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > 3:
                    count -= 3
                    result.append(
                        f'  [Previous line repeated {count} more '
                        f'time{"s" if count > 1 else ""}]\n')
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > 3:
                continue
            result.append(self.format_frame_summary(frame_summary))
        if count > 3:
            count -= 3
            result.append(
                f'  [Previous line repeated {count} more '
                f'time{"s" if count > 1 else ""}]\n')
        return result


def _summary(rows):
    return StackSummary([FrameSummary(r[0], r[1], r[2], line=r[3]) for r in rows])


# -- Printing and formatting exceptions

def _value_of(exc, value):
    if value is _sentinel:
        return exc
    return value


def _format_chain(parts, limit, chain, out):
    rows, last, cause, context, suppress = parts
    if chain:
        if cause is not None:
            _format_chain(cause, limit, chain, out)
            out.append(_cause_message)
        elif context is not None and not suppress:
            _format_chain(context, limit, chain, out)
            out.append(_context_message)
    rows = _limited(rows, limit, True)
    if rows:
        out.append('Traceback (most recent call last):\n')
        out.extend(_summary(rows).format())
    out.extend(_last_lines(last))


def _last_lines(text):
    lines = text.split('\n')
    return [line + '\n' for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """Format a stack trace and the exception information, as a list of strings
    ending in newlines (the lines print_exception prints)."""
    value = _value_of(exc, value)
    if value is None:
        return ['NoneType: None\n']
    out = []
    _format_chain(_socklab.exception(value), limit, chain, out)
    return out


def format_exception_only(exc, /, value=_sentinel):
    """Format the exception part of a traceback: a list of strings, normally one."""
    value = _value_of(exc, value)
    if value is None:
        return ['NoneType: None\n']
    if isinstance(value, SyntaxError):
        return _last_lines(_socklab.exception(value)[1])
    return [_socklab.exception_line(value) + '\n']


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Print an exception and its traceback to file (sys.stderr by default)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for print_exception(*sys.exc_info(), limit, file)."""
    print_exception(_socklab.handling(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(_socklab.handling(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """This is a shorthand for 'print_exception(sys.last_type, sys.last_value,
    sys.last_traceback, limit, file)'."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


# -- Tracebacks (socklab's have no frame objects: tb_lineno and tb_next only)

def extract_tb(tb, limit=None):
    """The frames of a traceback object, outermost first, as a StackSummary."""
    return _summary(_limited(_socklab.tb_rows(tb), limit, True))


def format_tb(tb, limit=None):
    """A shorthand for 'format_list(extract_tb(tb, limit))'."""
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    """Print up to 'limit' stack trace entries from the traceback 'tb'."""
    print_list(extract_tb(tb, limit=limit), file=file)


def walk_tb(tb):
    """(frame, lineno) for each frame of a traceback: socklab has no frame objects."""
    if tb is not None:
        raise NotImplementedError("socklab does not support frame objects: "
                                  "use extract_tb(tb)")
    return iter([])


def clear_frames(tb):
    """Clear all references to local variables in the frames of a traceback."""
    pass


# -- The running stack

# This module's own frames, which the stack functions leave out: its source's name.
_srcfile = _socklab.stack()[-1][0]


def extract_stack(f=None, limit=None):
    """The running frames, outermost first, up to the caller of the traceback
    function called."""
    if f is not None:
        raise NotImplementedError("socklab does not support frame objects: "
                                  "call extract_stack() without f")
    rows = _socklab.stack()
    while rows and rows[-1][0] == _srcfile:
        rows = rows[:-1]
    return _summary(_limited(rows, limit, False))


def format_stack(f=None, limit=None):
    """Shorthand for 'format_list(extract_stack(f, limit))'."""
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    """Print a stack trace from its invocation point."""
    print_list(extract_stack(f, limit=limit), file=file)


def walk_stack(f):
    if f is not None:
        raise NotImplementedError("socklab does not support frame objects")
    return iter([])


def format_list(extracted_list):
    """Format a list of FrameSummary objects or (filename, lineno, name, line)
    tuples for printing."""
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    """Print the list of tuples as returned by extract_tb() or extract_stack()."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")
