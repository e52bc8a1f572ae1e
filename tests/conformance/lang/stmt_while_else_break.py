# while loops with break, continue and else.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i =", i)
else:
    print("while finished without break")

n = 0
while True:
    n += 1
    if n >= 3:
        break
print("n =", n)

i = 0
while i < 10:
    if i == 4:
        print("breaking at", i)
        break
    i += 1
else:
    print("not printed")

count = 0
while count < 0:
    print("never")
else:
    print("else runs when the condition is false at first")

# Nested loops: break only leaves the inner one.
outer = 0
while outer < 3:
    inner = 0
    while True:
        inner += 1
        if inner > outer:
            break
    print("outer", outer, "inner", inner)
    outer += 1

buf = b"line1\nline2\nrest"
while b"\n" in buf:
    i = buf.find(b"\n")
    line, buf = buf[:i], buf[i + 1:]
    print(line)
print("leftover", buf)
