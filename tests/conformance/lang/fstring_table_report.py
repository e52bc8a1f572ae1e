# A formatted report, the way a server prints a connection table.
rows = [("127.0.0.1", 40000, "ESTABLISHED", 1532, 0.25),
        ("10.0.0.15", 22, "LISTEN", 0, 12.5),
        ("192.168.100.200", 8080, "TIME_WAIT", 98765432, 3.14159)]
print(f"{'address':<16}{'port':>6}  {'state':<12}{'bytes':>12}{'secs':>8}")
print("-" * 54)
for host, port, state, nbytes, secs in rows:
    print(f"{host:<16}{port:>6}  {state:<12}{nbytes:>12,}{secs:>8.2f}")
print("=" * 54)
total = sum([r[3] for r in rows])
print(f"{'total':<34}{total:>12,}")
for i in range(len(rows)):
    host, port = rows[i][0], rows[i][1]
    print(f"[{i:02d}] {host}:{port} -> {port:#06x} {port:016b}")
pct = 0.4567
print(f"progress {pct:.1%} {pct * 100:5.1f}% {int(pct * 100):3d}%")
print(f"{'left':<10}|{'right':>10}|{'center':^10}|")
print(f"{'x':-<10}|{'y':=>10}|{'z':.^10}|")
