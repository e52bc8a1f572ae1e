# f-string expressions: subscripts with other quotes, calls, conditionals, nested specs, dicts.
conn = {"host": "localhost", "port": 8080, "tags": ["a", "b"]}
print(f"{conn['host']}:{conn['port']}")
print(f'{conn["host"]}:{conn["port"]}')
print(f"{conn['tags'][-1]} {len(conn['tags'])} {', '.join(conn['tags'])}")
print(f"{'yes' if conn['port'] > 1024 else 'no'}")
print(f"{conn['host'].upper():>12}|{conn['port'] + 1:<6}|")
width, digits = 12, 3
value = 2 / 3
print(f"[{value:{width}.{digits}f}] [{value:<{width}}] [{'s':^{width}}]")
print(f"{[n * n for n in range(4)]} {sum([1, 2, 3])} {max(conn['port'], 9000)}")
print(f"{(1, 2)} {{'literal': 1}} {conn.get('missing', 'dflt')}")
print(f"{3}{'4'}{5.0}{None}{True}")
print(f"{'a' + 'b'!r} {repr('q')} {str(1) * 3}")
name = "x"
print(f"{name!r:>6}|{name:>{len(name) + 5}}|")
print(f"{'%s-%d' % ('fmt', 7)} {'{}!'.format('str.format')}")
print(f"{bytes([0, 65])}")
print(f"{-1:+} {1:+} {0:+} {-0.0:+}")
