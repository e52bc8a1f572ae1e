# A generator expression consumed by sum(): lazy, so nothing of a million items is
# ever held at once.
print(sum(x * x for x in range(1_000_000)))
