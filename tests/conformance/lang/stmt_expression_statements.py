"""A module docstring is just an expression statement."""
# In a program (unlike the REPL) an expression statement's value is not echoed.
42
"a string"
x = [1, 2]
x
x[0]
None
1 + 2
len(x)
(lambda: "unused")()
x.append(3)
x.pop
def documented():
    """Function docstring."""
    "another discarded string"
    return "doc ok"
class Documented:
    """Class docstring."""
    3.14
print(documented(), x)
x == [1, 2, 3]
print("only print output appears")
