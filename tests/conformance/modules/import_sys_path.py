# sys.path: the program's folder first; a folder appended is searched too.
import sys
print(sys.path[0] == __file__.rsplit("/", 1)[0])
sys.path.append(sys.path[0] + "/_pkg")
import inner
print(inner.greet("path"), inner.__name__)
