# int/float comparisons are exact, even where converting the int to float would round.
big = 2 ** 53
print(big == float(big), big + 1 == float(big + 1), float(big + 1) == big)
print(big + 1 > float(big), big + 1 > 9007199254740992.0, 9007199254740993 == 9007199254740992.0)
print(10 ** 16 == 1e16, 10 ** 16 + 1 == 1e16, 10 ** 16 + 1 > 1e16)
print(2 ** 1000 > 1e300, 2 ** 1100 < float("inf"), -(2 ** 1100) > float("-inf"))
print(1 == 1.0, 0 == -0.0, 3 < 3.5, -3 > -3.5, 10 ** 20 == 1e20)
print(0.1 * 3 == 0.3, 0.5 * 2 == 1, int(0.1 * 3 * 10))
print(2 ** 63 == 9.223372036854776e18, 2 ** 63 - 1 == 9.223372036854776e18)
print(max(2 ** 53 + 1, float(2 ** 53)), min(1, 1.0), max(1.0, 1))
print(sorted([3, 2.5, 2 ** 60, 1e18, -1, -1.5]))
print(float("nan") == 0, float("nan") < 0, float("nan") > 0, 0 < float("inf"))
