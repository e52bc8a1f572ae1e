# Event: starts clear; set() wakes waiters; wait() returns the flag; clear() resets.
import threading

e = threading.Event()
print(type(e).__name__, e.is_set())
print(e.wait(0))
print(e.set(), e.is_set(), e.wait(), e.wait(0), e.wait(1))
e.set()
print(e.is_set())
print(e.clear(), e.is_set(), e.wait(0))
