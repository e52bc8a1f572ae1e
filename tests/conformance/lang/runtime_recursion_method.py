# RecursionError from a method calling itself through self.
class Node:
    def __init__(self):
        self.calls = 0
    def visit(self):
        self.calls += 1
        return self.visit()
n = Node()
try:
    n.visit()
except RecursionError as e:
    print(type(e).__name__, e)
    print(n.calls > 100)
