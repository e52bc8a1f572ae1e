# A syntax error in an imported module ends the program with its report.
print("before")
import _broken
print("never")
