# time.time and time.monotonic: types and ordering only (values differ per run).
import time
t1 = time.time()
m1 = time.monotonic()
time.sleep(0.05)
t2 = time.time()
m2 = time.monotonic()
print(type(t1).__name__, type(m1).__name__)
print(t2 >= t1, m2 >= m1, m2 - m1 >= 0.04, m2 - m1 < 5)
print(t1 > 1600000000, t1 < 4102444800)
start = time.monotonic()
time.sleep(0)
time.sleep(0.01)
time.sleep(1 / 100)
print(time.monotonic() - start >= 0.02)
print(time.sleep(0.001))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
