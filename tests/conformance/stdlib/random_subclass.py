# A Random subclass with its own random() draws integers from it (CPython's
# _randbelow_without_getrandbits); one with its own getrandbits() from that.
import random


class Counter(random.Random):
    """A 'generator' a test would write: a simple congruential sequence."""

    def __init__(self, x=0):
        self.state = x
        random.Random.__init__(self, x)

    def seed(self, a=None, version=2):
        self.state = a or 0

    def random(self):
        self.state = (self.state * 1103515245 + 12345) % 2**31
        return self.state / 2**31


c = Counter(7)
print([c.randrange(10) for i in range(8)], c.randint(1, 6), c.choice('abcdef'))
deck = list(range(10))
c.shuffle(deck)
print(deck, c.sample(range(100), 4), c.uniform(0, 1))


class Bits(random.Random):
    def getrandbits(self, k):
        return 1 if k > 1 else 0


b = Bits()
print([b.randrange(10) for i in range(3)], b.choice('xyz'))


class Plain(random.Random):
    pass


p = Plain(5)
q = random.Random(5)
print(p.randrange(1000) == q.randrange(1000), p.sample(range(50), 3) == q.sample(range(50), 3))
