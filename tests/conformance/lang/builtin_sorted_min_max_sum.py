# sorted, min, max, sum with keys, reverse, start values, and stability.
nums = [5, -2, 9, 0, -7, 3]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs), sorted(nums, key=abs, reverse=True))
print(nums, sorted("hello"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}), sorted([]))
records = [("bob", 25), ("alice", 30), ("carl", 25), ("dana", 30)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records), sorted(["b", "B", "a", "A"]), sorted([2.5, 1, True, 0]))
print(min(nums), max(nums), min(3, 1, 2), max("a", "B"), min([[2], [1, 5]]), max((1, 2), (1, 3)))
print(min(nums, key=abs), max(nums, key=abs), max(["aa", "b", "cc"], key=len), min(["aa", "b", "c"], key=len))
print(max([1, 1.0]), max([1.0, 1]), min(True, 1), max(0, False))
print(sum(nums), sum([]), sum([1.5, 2.5]), sum(range(10), 100), sum([0.1] * 3), sum([[1], [2]], []))
print(sum([True, False, True]), sum((2 ** 64, 2 ** 64)), sum([1, 2.0]))
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    max()
except TypeError as e:
    print("TypeError:", e)
try:
    min(5)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([3, None, 1])
except TypeError as e:
    print("TypeError:", e)
