#!/usr/bin/env python3
"""Write the conformance programs that are awkward or impossible to keep as hand-edited text.

They are big (a 1 MB line, 100 000 lines, 5000 nested parentheses) or contain bytes an
editor would "fix" (a NUL byte, invalid UTF-8, tabs mixed with spaces, CRLF line ends, a
BOM). The generated files are committed; rerun this after changing it, then run regen.sh:

    python3 tests/conformance/gen_big.py && tests/conformance/regen.sh

Every file is written byte for byte, so the output is the same on every run.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
LANG = os.path.join(HERE, "lang")
MB = 1024 * 1024


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) <= 1536 * 1024, (name, len(data))
    with open(os.path.join(LANG, name), "wb") as f:
        f.write(data)


def main():
    # A NUL byte anywhere in the source: the whole file is rejected before anything runs.
    write("syntax_null_byte.py",
          b'print("never printed")\nx = 1\x00\nprint(x)\n')

    # Invalid UTF-8 (a Latin-1 e-acute) with no coding declaration. CPython's message names
    # the file by its absolute path; regen.sh stores that directory as {DIR}.
    write("syntax_invalid_utf8.py",
          b'print("never printed")\ns = "caf\xe9"\nprint(s)\n')

    # Invalid UTF-8 at the very first byte.
    write("syntax_invalid_utf8_first_byte.py",
          b'\xff\xfeprint("never printed")\n')

    # The same bytes with an explicit utf-8 declaration give a different message.
    write("syntax_invalid_utf8_declared.py",
          b'# -*- coding: utf-8 -*-\nprint("never printed")\ns = "caf\xe9"\n')

    # A tab where the block was indented with four spaces.
    write("syntax_tab_error.py",
          b'def serve():\n    conn = 1\n\tif conn:\n\t\treturn conn\nprint(serve())\n')

    # Eight spaces then a tab: equal at tab size 8, but Python also checks tab size 1.
    write("syntax_tab_error_eight_spaces.py",
          b'if True:\n        x = 1\n\ty = 2\nprint(x, y)\n')

    # Indentation by tabs only is fine.
    write("stmt_tabs_indentation.py",
          b'# Indented with tabs only: valid.\n'
          b'def classify(n):\n\tif n < 0:\n\t\treturn "negative"\n\telif n == 0:\n\t\treturn "zero"\n'
          b'\tfor i in range(2):\n\t\tif i == n:\n\t\t\treturn "tiny"\n\treturn "big"\n'
          b'for v in [-1, 0, 1, 5]:\n\tprint(v, classify(v))\n')

    # Windows line ends are accepted, including inside a triple-quoted string (they become \n).
    write("stmt_crlf_line_endings.py",
          b'# CRLF line endings.\r\nx = 1\r\nif x:\r\n    print("crlf ok", x)\r\n'
          b's = """a\r\nb"""\r\nprint(repr(s), len(s))\r\n')

    # A UTF-8 byte order mark before the first line is allowed.
    write("stmt_utf8_bom.py",
          b'\xef\xbb\xbf# Starts with a UTF-8 BOM.\nprint("bom ok", "caf\xc3\xa9")\n')

    # The last line has no newline.
    write("stmt_no_trailing_newline.py",
          b'# No newline at the end of the file.\nx = 41\nprint(x + 1)')

    # 200 nested parentheses are the most the tokenizer accepts; 201 is an error.
    write("syntax_nested_parens_200_ok.py",
          "# 200 nested parentheses: the deepest nesting CPython accepts.\n"
          "x = " + "(" * 200 + "1" + ")" * 200 + "\nprint(x)\n"
          "y = " + "[" * 200 + "]" * 200 + "\nprint(len(y), y[0][0][0])\n")
    write("syntax_nested_parens_201.py",
          "x = " + "(" * 201 + "1" + ")" * 201 + "\nprint(x)\n")
    write("syntax_nested_parens_5000.py",
          "x = " + "(" * 5000 + "1" + ")" * 5000 + "\nprint(x)\n")

    # A 1 MB line holding one string literal.
    body = "0123456789abcdef" * (MB // 16)
    write("syntax_long_line_1mb_string.py",
          '# One line of about 1 MB: a single string literal.\n'
          's = "' + body + '"\n'
          'print(len(s), s[:20], s[-20:], s.count("f"))\n')

    # A 1 MB line holding a flat list literal.
    items = ",".join(str(i % 1000) for i in range(MB // 4))
    write("syntax_long_line_1mb_list.py",
          '# One line of about 1 MB: a flat list literal.\n'
          'x = [' + items + ']\n'
          'print(len(x), sum(x), x[:5], x[-3:])\n')

    # A 1 MB line of 1+1+...: CPython's compiler gives up on the deep left-nested tree.
    write("syntax_long_line_1mb_sum.py",
          'x = ' + '1+' * (MB // 2) + '1\nprint(x)\n')

    # 2000 additions still compile.
    write("syntax_long_sum_2000.py",
          '# 2000 chained additions compile and run.\n'
          'x = ' + '1+' * 2000 + '1\nprint(x)\n')

    # 100 000 short lines.
    lines = ["# 100 000 short lines.", "n = 0", "total = 0"]
    while len(lines) < 100000 - 1:
        i = len(lines)
        if i % 10000 == 0:
            lines.append("print(n, total)")
        elif i % 2:
            lines.append("n += 1")
        else:
            lines.append("total += n")
    lines.append("print('done', n, total)")
    assert len(lines) == 100000
    write("syntax_many_lines_100k.py", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
