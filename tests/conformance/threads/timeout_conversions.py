# Time-outs of Lock.acquire, Event.wait and Thread.join as CPython reads them: whole
# nanoseconds, CPython's limits and messages, and what each answers at once.
import threading
import time

lock = threading.Lock()
held = threading.Lock()
held.acquire()
ev = threading.Event()
values = [10**30, 1e300, -1, -2, -1e-10, float("nan"), float("inf"), "x", None, 0, 1e-10,
          2**63, 9.3e9, 9223372036.0, 1/3, True, False]
for v in values:
    for name, f in [("acquire free", lambda v: threading.Lock().acquire(timeout=v)),
                    ("acquire held", lambda v: held.acquire(True, v) if v != -1 and v is not None and v != float("inf") and v != 9223372036.0 else "skip"),
                    ("acquire nonblocking", lambda v: threading.Lock().acquire(False, v)),
                    ("wait unset", lambda v: ev.wait(v) if v is not None and not (isinstance(v, float) and v > 1) and v != 10**30 and v != 2**63 else "skip")]:
        try:
            r = f(v)
            print(name, repr(v), r)
        except Exception as e:
            print(name, repr(v), type(e).__name__, e)
for b in [2**31, -2**31 - 1, 2**70, 2, 0, 0.0, "", None]:
    try:
        r = lock.acquire(b)
        print("blocking", repr(b), r)
        if r:
            lock.release()
    except Exception as e:
        print("blocking", repr(b), type(e).__name__, e)

ev.set()
for v in ["x", float("nan"), 1e300, -5, None]:
    print("wait set", repr(v), ev.wait(v))

# join: a running thread, a fresh one for each bad time-out (after an exception CPython
# counts the thread as stopped: bpo-45274's clean-up, not worth copying).
stop = threading.Event()
for v in [10**30, 1e300, float("inf"), "x"]:
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        t.join(v)
    except Exception as e:
        print("join running", repr(v), type(e).__name__, e)
t = threading.Thread(target=stop.wait)
t.start()
for v in [-1, 0, 0.01, False]:
    print("join running", repr(v), t.join(v), t.is_alive())
stop.set()
t.join()
for v in [10**30, 1e300, "x", -1, None]:
    try:
        print("join finished", repr(v), t.join(v), t.is_alive())
    except Exception as e:
        print("join finished", repr(v), type(e).__name__, e)
print(threading.TIMEOUT_MAX)

# Condition and Semaphore hand their time-outs to a lock; socketserver waits as
# CPython's selectors do (whole milliseconds, rounded up).
import socketserver
c = threading.Condition()
sem = threading.Semaphore(0)
for v in [1e300, 10**30, float("nan"), -1, float("inf")]:
    for name, f in [("cond.wait", lambda v: c.__enter__() and False or c.wait(v)),
                    ("sem.acquire", lambda v: sem.acquire(timeout=v))]:
        try:
            print(name, repr(v), "skip" if name == "sem.acquire" and v != v else f(v), flush=True)
        except Exception as e:
            print(name, repr(v), type(e).__name__, e)
        finally:
            if name == "cond.wait":
                try:
                    c.__exit__(None, None, None)
                except Exception as e:
                    print("exit", type(e).__name__, e)

class H(socketserver.BaseRequestHandler):
    def handle(self):
        pass

srv = socketserver.TCPServer(("127.0.0.1", 0), H)
for v in [1e300, 10**30, float("nan"), -1]:
    srv.timeout = v
    try:
        print("handle_request", repr(v), srv.handle_request())
    except Exception as e:
        print("handle_request", repr(v), type(e).__name__, e)
srv.server_close()
