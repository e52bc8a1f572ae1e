import _cycle_b
A = "a"
def from_b():
    return _cycle_b.B
