# A generator function driven by a for loop: one suspension and one resumption of the
# generator's frame per item, a million times.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


total = 0
for x in count(1_000_000):
    total += x
print(total)
