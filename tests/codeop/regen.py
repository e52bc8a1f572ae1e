#!/usr/bin/env python3
"""Regenerate tests/codeop/expected.tsv: how CPython's REPL judges each entry.

Python's REPL (and code.InteractiveConsole) asks codeop.compile_command(source,
symbol="single") after every line: None means "show ... and read more", a SyntaxError
means "report it now", a code object means "run it". socklab's REPL must decide the
same (src/syntax/interactive.rs; the test there reads this file).

Each snippet below is typed line by line, so every prefix of its lines is an entry the
REPL judges (`class H:` alone, then `class H:` + `    def m(self):`, ...); all of them
are written out. Each output line is

    VERDICT<TAB>SOURCE

VERDICT is complete, incomplete or error; SOURCE has `\\` as `\\\\`, newlines as `\\n`
and tabs as `\\t`. Usage: python3 tests/codeop/regen.py (CPython 3.11).
"""
import codeop
import os
import sys
import warnings

SNIPPETS = [
    # simple statements
    "x = 1",
    "print('hi')",
    "s.bind(('127.0.0.1', 0))",
    "# a comment",
    "",
    "   ",
    "x = 1 +",
    "print x",
    "print 'a', b",
    "x = )",
    "1/0",
    "pass",
    "return",
    "import socket",
    "from socket import *",
    "x = 1; y = 2",
    "del x",
    "x +=",
    "lambda: (",
    # brackets and strings left open
    "s.bind(('127.0.0.1',\n0))",
    "d = {\n'a': 1,\n\n'b': 2}",
    "x = [1,\n2,\n3]",
    "msg = '''first line\nsecond\nthird'''",
    'msg = """first\n\nlast"""',
    "x = 1 + \\\n2",
    "x = 1 + \\\n\n",
    "'unterminated",
    "s = 'abc\n'",
    "f(a,\nb)\n",
    "x = (1 +\n",
    "print(')')",
    "print('(')",
    "x = [\n# a comment\n1]",
    # one-level blocks
    "if x:\n    pass\n",
    "if x:\n    pass\nelse:\n    pass\n",
    "if x:\n    pass\nelif y:\n    pass\nelse:\n    pass\n",
    "while True:\n    break\n",
    "while x:\n    x -= 1\nelse:\n    print('done')\n",
    "for i in range(3):\n    print(i)\n",
    "for i in range(3):\n    print(i)\nelse:\n    print('end')\n",
    "for i in range(3): print(i)\n",
    "def f():\n    return 1\n",
    "def f(a,\n      b):\n    return a + b\n",
    "class H:\n    pass\n",
    "with open('f') as f:\n    data = f.read()\n",
    "with a, b:\n    pass\n",
    "try:\n    1/0\nexcept ZeroDivisionError:\n    print('no')\n",
    "try:\n    1/0\nexcept ZeroDivisionError as e:\n    print(e)\nelse:\n    pass\nfinally:\n    print('end')\n",
    "try:\n    pass\nfinally:\n    pass\n",
    "try:\n    1/0\n\n",
    "try:\n    1/0\nprint('x')\n",
    "while True:\n\n",
    "if x:\n",
    "if x:\npass\n",
    "def f():\n    return )\n",
    "if x:\n  a = 1\n    b = 2\n",
    "if x:\n    a = 1\n  b = 2\n",
    "if x:\n    pass\nelse\n",
    "if x:\n    pass\n  else:\n",
    "if x\n",
    "def f()\n",
    "def f():\n    '''doc\n    string'''\n    return 1\n",
    "def f():\n    x = [1,\n2]\n    return x\n",
    "def f():\n    return 1 + \\\n        2\n",
    "def f():\n    # only a comment\n",
    "def f():\n    # a comment\n    pass\n",
    "def f():\n    pass\n    # a comment\n",
    "if x:\n    pass\n# a comment\n",
    # decorators
    "@decorator\ndef f():\n    pass\n",
    "@a\n@b(1)\nclass C:\n    pass\n",
    "@decorator\n\n",
    "@decorator\nx = 1\n",
    # blocks in blocks
    "class H:\n    def m(self):\n        return 1\n",
    "class H:\n    def m(self):\n        return 1\n    def n(self):\n        pass\n",
    "class H:\n    def m(self):\n        return 1\n\n    def n(self):\n        pass\n",
    "class Handler(socketserver.BaseRequestHandler):\n    def handle(self):\n        data = self.request.recv(1024)\n        self.request.sendall(data.upper())\n",
    "def f(x):\n    if x:\n        return 1\n    else:\n        return 2\n",
    "def f(x):\n    if x:\n        return 1\n    return 2\n",
    "def serve(conn):\n    for i in range(3):\n        conn.send(b'x')\n    conn.close()\n",
    "def worker(n):\n    while True:\n        data = conn.recv(1024)\n        if not data:\n            break\n        conn.sendall(data)\n",
    "def f():\n    try:\n        1/0\n    except ZeroDivisionError:\n        pass\n",
    "def f():\n    try:\n        1/0\n    finally:\n        pass\n    return 1\n",
    "def outer():\n    def inner():\n        return 1\n    return inner\n",
    "def outer():\n    @decorator\n    def inner():\n        pass\n",
    "for i in range(3):\n    for j in range(3):\n        print(i, j)\n",
    "for i in range(3):\n    for j in range(3):\n        print(i, j)\n    print(i)\n",
    "with a:\n    with b:\n        pass\n",
    "while True:\n    try:\n        conn, addr = s.accept()\n    except KeyboardInterrupt:\n        break\n",
    "if x:\n    if y:\n        pass\n    else:\n        pass\nelse:\n    pass\n",
    "if x:\n    if y:\n        pass\n  else:\n",
    "class H:\n    def m(self):\n\n",
    "class H:\n    def m(self):\n    pass\n",
    "def f():\n    if x:\n        pass\n        return\n   y = 1\n",
    "try:\n    try:\n        pass\n    except E:\n        pass\nexcept F:\n    pass\n",
    "def f():\n\tif x:\n\t\treturn 1\n",
    "def f():\n    x = 1\n\n    return x\n",
    "class C:\n    x = 1\n\n",
    "lambda x: x\n",
    "async def f():\n    await g()\n",
    "match x:\n    case 1:\n        pass\n",
    "if True:\n    x = (1,\n2)\n    print(x)\n",
    "if x:\n    s = '''a\n\nb'''\n",
    # odd corners
    "print x (",
    "for i in range(3):\n    print i\n",
    "    x = 1",
    "def f(): return 1\n",
    "class C: pass\n",
    "if x: pass\nelse: pass\n",
    "x = [1,\n    2\n",
    "else:",
    "except:",
    "elif x:",
    "(\n)",
    "raise",
    "while True:\n    pass\n\n",
    "if x:\n\tpass\n        pass\n",
    "def f(\n",
    "def f(a, b):\n    return a +\n",
    "x = 1 if y\n",
    "f'{x'",
    "s = b'abc' 'def'",
    "for x in :\n",
    "with open('f') as f, open('g') as g:\n    pass\n",
    "try:\n    pass\nexcept (A, B) as e:\n    pass\n",
    "try:\n    pass\nexcept:\n    pass\nelse:\n    pass\n",
    "if x:\n    def f():\n        pass\n    f()\n",
    "def f():\n    global x\n    x = 1\n",
    "def f():\n    yield 1\n",
    "def g():\n    x = yield\n    yield from range(x)\n    return x\n",
    "yield 1",
    "s = sum(len(c)\n        for c in chunks)\n",
    "x = lambda: (\n1)\n",
    "class C(\n    object):\n    pass\n",
    "'''a\nb''' + \\\n'c'",
    "if x:\n    y = 1 + \\\n",
    "x = 1\n",
    "x = 1\n\n",
]

def verdict(src):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            code = codeop.compile_command(src, "<stdin>", "single")
        except (SyntaxError, OverflowError, ValueError):
            return "error"
    return "incomplete" if code is None else "complete"

def escape(src):
    return src.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")

def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("regen.py: the expectations must come from CPython 3.11")
    seen = set()
    out = []
    for snippet in SNIPPETS:
        lines = snippet.split("\n")
        for n in range(1, len(lines) + 1):
            src = "\n".join(lines[:n])
            if src in seen:
                continue
            seen.add(src)
            out.append(f"{verdict(src)}\t{escape(src)}\n")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(out)

if __name__ == "__main__":
    main()
