# find, count, replace, startswith, endswith.
s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.find("xyz"), s.find(""), s.find("o", 5, 8), s.find("d", -20))
print(s.count("hello"), s.count("l"), s.count(""), s.count("o", 10), "aaaa".count("aa"))
print(s.replace("hello", "bye"), s.replace("hello", "bye", 1), s.replace("x", "y"))
print("aaa".replace("a", "bb"), "abc".replace("", "-"), "abc".replace("b", ""))
print(s.startswith("hello"), s.startswith("world"), s.startswith("world", 6), s.startswith(("x", "he")))
print(s.endswith("python"), s.endswith("hello"), s.endswith(("on", "x")), s.endswith("hello", 0, 18))
print("".startswith(""), "abc".endswith(""), "abc".startswith("abcd"))
print("GET / HTTP/1.0".startswith("GET "), "file.txt".endswith((".txt", ".md")))
data = "line1\r\nline2\r\n"
print(repr(data.replace("\r\n", "\n")))
try:
    s.startswith(["hello"])
except TypeError as e:
    print("TypeError:", e)
try:
    s.find(5)
except TypeError as e:
    print("TypeError:", e)
