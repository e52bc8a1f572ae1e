"""threading, for socklab: real OS threads (see src/builtins/thread.rs for the design).

Written in the lecture's Python on top of the small `_thread` core: a thread's body
runs on its own OS thread; `Lock`, `RLock` and `Event` come from the core, and every
wait in them can be interrupted by Ctrl-C in the main thread.
"""

import _thread

Lock = _thread.allocate_lock
RLock = _thread.RLock
Event = _thread.Event
get_ident = _thread.get_ident
TIMEOUT_MAX = _thread.TIMEOUT_MAX

_counter = 0
_active = {}
_active_lock = _thread.allocate_lock()


def _newname(template="Thread-%d"):
    global _counter
    _counter += 1
    return template % _counter


class Thread:
    """A thread of control: `Thread(target=f, args=(...)).start()`."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._started = Event()
        self._is_stopped = False
        self._done = Event()

    def __repr__(self):
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)

    def start(self):
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        _thread.start_thread(self)
        self._started.wait()

    def _bootstrap_inner(self):
        self._ident = _thread.get_ident()
        with _active_lock:
            _active[self._ident] = self
        self._started.set()
        self.run()

    def _finish(self):
        with _active_lock:
            _active.pop(self._ident, None)
        self._is_stopped = True
        self._done.set()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is not None and timeout < 0:
            timeout = 0
        self._done.wait(timeout)

    def is_alive(self):
        return self._started.is_set() and not self._is_stopped

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self._name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = _thread.get_ident()
        _active[self._ident] = self


class _DummyThread(Thread):
    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = _thread.get_ident()


def current_thread():
    try:
        return _active[_thread.get_ident()]
    except KeyError:
        return _DummyThread()


currentThread = current_thread


def active_count():
    with _active_lock:
        return len(_active)


activeCount = active_count


def enumerate():
    with _active_lock:
        return list(_active.values())


def main_thread():
    return _main_thread


class Timer(Thread):
    """Call a function after a number of seconds, unless cancelled."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


def _shutdown():
    # The program ends when its non-daemon threads end (new ones may start meanwhile).
    while True:
        waiting = [t for t in enumerate() if t is not _main_thread and not t.daemon and t.is_alive()]
        if not waiting:
            return
        for t in waiting:
            t.join()


_main_thread = _MainThread()
