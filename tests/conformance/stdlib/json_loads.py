import json

print(json.loads('{"a": 1, "b": [1, 2.5, null, true, false], "c": "hi"}'))
print(json.loads("  [1, -2, 3.0e2, 1E-2, 0, -0.5, 12345678901234567890123]  "))
print(json.loads('"\\u00e9\\u2603\\ud83d\\ude00 \\n\\t\\"\\\\\\/"'))
print(json.loads(b'{"bytes": "ok"}'))
print(json.loads(bytearray(b"[1]")))
print(json.loads("NaN"), json.loads("Infinity"), json.loads("-Infinity"))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads("{}"), json.loads("[]"), json.loads('""'))
print(type(json.loads("1")).__name__, type(json.loads("1.0")).__name__, type(json.loads("1e5")).__name__)
print(json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"x": 1, "y": 2}', object_pairs_hook=lambda p: p))
print(json.loads("[1.5, 2]", parse_float=str, parse_int=float))
print(json.loads('"tab\there"', strict=False))
print(json.loads(json.dumps({"round": [1, "two", 3.0, None]})))

print(issubclass(json.JSONDecodeError, ValueError))
bad_docs = [
    "",
    "   ",
    "{",
    "[",
    "[1,]",
    "[1 2]",
    '{"a" 1}',
    '{"a": 1,}',
    "{'a': 1}",
    '{"a": }',
    '{"a": 1 "b": 2}',
    '{"a": 1}x',
    "[1]\n\n  [2]",
    '"abc',
    '"bad \\x escape"',
    '"bad \\u12 escape"',
    '"ctl \x01 char"',
    "tru",
    "1.",
    "-",
    "\n\n  @",
    "\ufeff[]",
]
for doc in bad_docs:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e)
        print("   ", e.msg, e.pos, e.lineno, e.colno, e.doc == doc)
try:
    json.loads(12)
except TypeError as e:
    print("TypeError:", e)
try:
    json.loads("[1, 2")
except ValueError as e:
    print(type(e).__name__, e.args)
json.loads('{"unterminated": ')
