import random
tests = [
    lambda: random.randrange(5, 5),
    lambda: random.randrange(0),
    lambda: random.randrange(1, 10, 0),
    lambda: random.randrange(10, 1),
    lambda: random.randrange(1.5),
    lambda: random.randrange(1, 2.5),
    lambda: random.randrange(1, 5, 1.5),
    lambda: random.randrange(5, step=2),
    lambda: random.choice([]),
    lambda: random.choice(''),
    lambda: random.sample({1, 2}, 1),
    lambda: random.sample([1, 2], 3),
    lambda: random.sample([1, 2], -1),
    lambda: random.choices([1, 2], [1]),
    lambda: random.choices([1, 2], 3),
    lambda: random.choices([1, 2], [1, 2], cum_weights=[1, 2]),
    lambda: random.choices([1, 2], [0, 0]),
    lambda: random.getrandbits(-1),
    lambda: random.getrandbits(1.5),
    lambda: random.seed([1]),
    lambda: random.gammavariate(0, 1),
    lambda: random.Random().setstate((1, (), None)),
    lambda: random.Random().setstate((3, (1, 2), None)),
    lambda: random.SystemRandom().getstate(),
    lambda: random.randint(1, 'a'),
    lambda: random.randint('a', 3),
    lambda: random.randbytes(-1),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
random.seed(5)
print(random.randint(1, 10), random.choice([1, 2, 3]), random.random())
random.choice([])
