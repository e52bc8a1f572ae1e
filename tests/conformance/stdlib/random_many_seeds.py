# The same seed gives the same numbers as CPython: many seeds, many draws each.
import random

total = 0
for seed in range(200):
    random.seed(seed)
    draws = [random.random() for i in range(5)]
    ints = [random.randint(1, 1000) for i in range(5)]
    bits = random.getrandbits(100)
    total += sum(ints)
    if seed % 20 == 0:
        print(seed, draws, ints, bits)
print("sum of the ints:", total)

for seed in [2**31 - 1, 2**32, 2**63, -(2**70), 10**40, "daytime", "", b"\x00" * 40]:
    r = random.Random(seed)
    print(repr(seed)[:30], r.random(), r.randrange(1000000), r.sample(range(50), 5))

# A state saved and restored gives the same stream again.
r = random.Random(2026)
state = r.getstate()
first = [r.gauss(0, 1) for i in range(7)]
r.setstate(state)
print(first == [r.gauss(0, 1) for i in range(7)], first[:2])

# Module functions share one generator; instances have their own.
random.seed(1)
a = random.random()
other = random.Random(1)
print(a == other.random(), random.random() == other.random())

# A dice game: the kind of program a tutorial writes.
random.seed(12)
rolls = [random.randint(1, 6) for i in range(30)]
print(rolls, rolls.count(6))
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:5], random.choice(deck), random.sample(deck, 3))
