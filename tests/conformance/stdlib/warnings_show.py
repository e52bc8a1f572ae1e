# Warnings as CPython prints them: file:line: Category: message, then the source line;
# the default filters show a DeprecationWarning only when __main__ triggers it. Every
# warning is also sent to standard output (file names shortened) by a showwarning hook.
import sys
import threading
import warnings

import _warnings_helper

original = warnings.showwarning


def to_stdout(message, category, filename, lineno, file=None, line=None):
    short = filename.rsplit('/', 1)[-1]
    sys.stdout.write(warnings.formatwarning(message, category, short, lineno, line))
    original(message, category, filename, lineno, file, line)


warnings.showwarning = to_stdout

print(warnings.filters)
t = threading.currentThread()
print(t.name, threading.activeCount())
worker = threading.Thread(target=print, args=('in a thread',))
print(worker.getName().startswith('Thread-'), worker.isDaemon())
worker.setName('renamed')
worker.setDaemon(True)
print(worker.name, worker.daemon)
print(threading.Event().isSet())
print(_warnings_helper.old_api())
_warnings_helper.caller_warns()
for i in range(3):
    warnings.warn('in a loop: shown once (the default action)')
warnings.warn('explicit', UserWarning)
warnings.warn('runtime', RuntimeWarning)
warnings.warn('future', FutureWarning)
warnings.warn('pending', PendingDeprecationWarning)
warnings.warn(UserWarning('a warning instance'))
warnings.warn(DeprecationWarning('a deprecation instance'))


def inner():
    warnings.warn('stacklevel 1 points here')
    warnings.warn('stacklevel 2 points at the call', stacklevel=2)


inner()
inner()
warnings.warn('beyond the stack', stacklevel=20)
print(warnings.formatwarning('message', UserWarning, 'x.py', 3, '  the line  '), end='')
print(repr(warnings.formatwarning('message', RuntimeWarning, 'x.py', 3, '')))
try:
    warnings.warn('x', int)
except TypeError as e:
    print('TypeError:', e)
threading.currentThread()
