import _cycle_a
B = "b"
def half_made():
    return hasattr(_cycle_a, "A")
