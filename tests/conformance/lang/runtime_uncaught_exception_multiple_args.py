# Several arguments: the last line shows the args tuple.
print("raising with two args")
raise ValueError("bad value", 42)
