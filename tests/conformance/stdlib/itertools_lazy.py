# itertools: lazy building blocks (count for ids, islice, groupby, product ...).
import itertools as it
from itertools import count, islice, cycle, chain, groupby, product, permutations, combinations, zip_longest, accumulate, repeat, tee, starmap, takewhile, dropwhile, pairwise, compress, filterfalse, combinations_with_replacement
ids = count(1)
print(next(ids), next(ids), list(islice(count(10, 5), 3)), list(islice(cycle("ab"), 5)))
print(list(chain([1, 2], "ab")), list(chain.from_iterable([[1], [2, 3]])), list(repeat("x", 3)))
print([(k, list(g)) for k, g in groupby("aaabccdd")], [(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print(list(product("ab", repeat=2)), list(product([1, 2], "xy")), len(list(permutations(range(4)))), list(permutations("abc", 2))[:4])
print(list(combinations("abcd", 2)), list(combinations_with_replacement("ab", 2)), list(zip_longest("abc", [1], fillvalue=0)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=10)))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b), list(starmap(pow, [(2, 3), (3, 2)])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(pairwise("abcd")), list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(filterfalse(lambda x: x % 2, range(6))))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 0, None, 2)), list(islice(range(3), 5)))
try:
    islice("abc", -1)
except ValueError as e:
    print(e)
for n, line in zip(count(1), ["GET / HTTP/1.0", "Host: localhost"]):
    print(n, line)
