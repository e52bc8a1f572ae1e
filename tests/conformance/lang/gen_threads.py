# A generator made in one thread and consumed in another.
import threading


def numbers():
    for i in range(5):
        yield i * i


g = numbers()
print(next(g))
out = []
t = threading.Thread(target=lambda: out.extend(g))
t.start()
t.join()
print(out)
squares = (n * n for n in range(4))
res = []
t = threading.Thread(target=lambda: res.append(sum(squares)))
t.start()
t.join()
print(res)
