# list[int], dict[str, int]: generic aliases of the built-in classes.
print(list[int], dict[str, int], tuple[int, ...], type[int])
def f(x: list[str]) -> dict[str, list[int]]: pass
print(f.__annotations__)
print(list[int](), list[int]((1, 2)), dict[str, int].__origin__, tuple[int, str].__args__)
print(type(list[int]), list[int].__name__, list[tuple[int, str], None])
