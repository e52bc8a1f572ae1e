# KeyError with an empty-string key: the last traceback line is "KeyError: ''".
d = {"a": 1}
print(d["a"])
print(d[""])
