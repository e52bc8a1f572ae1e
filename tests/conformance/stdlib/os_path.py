# os.path: joining and splitting names, normalising, what exists; CPython's errors.
import os
import os.path
from os.path import join, splitext

print(join("a", "b", "c"), join("a", "/b", "c"), join("a/", "b"), join("", "x"), join("a", ""), join(b"a", b"b"))
print(os.path.split("/a/b"), os.path.split("a"), os.path.split("/"), os.path.split("//"), os.path.split("a/b/"))
print(splitext("x.tar.gz"), splitext(".bashrc"), splitext("a/b.c/d"), splitext("..."), splitext("a.b/"), splitext(b"f.py"))
print(os.path.basename("/a/b/"), os.path.basename("/a/b"), os.path.basename(""), os.path.basename(b"/x/y"))
print(os.path.dirname("/a/b"), os.path.dirname("//a"), os.path.dirname("a"), os.path.dirname("/a/b/"))
print(os.path.normpath("/a//b/./c/../d"), os.path.normpath(""), os.path.normpath("//x"), os.path.normpath("///x"),
      os.path.normpath("../..//a"), os.path.normpath("a/../.."), os.path.normpath(b"x/./y"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.isabs(""))
here = os.getcwd()
print(os.path.abspath("x/../y") == here + "/y", os.path.abspath("/a/../b"), os.path.abspath(".") == here)
print(os.path.realpath("/a/../b/c"), os.path.realpath(".") == os.path.realpath(here))
print(os.path.expanduser("~/z") == os.environ["HOME"] + "/z", os.path.expanduser("x/~"), os.path.expanduser("~nosuchuserhere/x"))
print(os.path.exists("os_path.py"), os.path.isfile("os_path.py"), os.path.isdir("os_path.py"))
print(os.path.exists("."), os.path.isfile("."), os.path.isdir("."), os.path.exists(""), os.path.exists("nope.txt"))
print(os.path.getsize("os_path.py") > 100, os.path.getsize(b"os_path.py") == os.path.getsize("os_path.py"))
print(os.path.exists("bad\0name"), os.path.isdir(b"."))
tests = [
    ("join int", lambda: join(1)),
    ("join str and int", lambda: join("a", 1)),
    ("join nothing", lambda: join()),
    ("join str and bytes", lambda: join("a", b"b")),
    ("exists float", lambda: os.path.exists(1.5)),
    ("basename int", lambda: os.path.basename(5)),
    ("split None", lambda: os.path.split(None)),
    ("getsize missing", lambda: os.path.getsize("nope.txt")),
]
for name, f in tests:
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
os.path.getsize("nope.txt")
