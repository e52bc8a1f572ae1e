# Parsing an HTTP request with str methods.
raw = "GET /index.html?q=1 HTTP/1.1\r\nHost: example.com\r\nUser-Agent: test/1.0\r\nAccept: */*\r\n\r\nbody text"
head, sep, body = raw.partition("\r\n\r\n")
lines = head.split("\r\n")
method, path, version = lines[0].split(" ")
print(repr(method), repr(path), repr(version))
headers = {}
for line in lines[1:]:
    name, _, value = line.partition(":")
    headers[name.strip().lower()] = value.strip()
print(headers)
print(repr(body), len(sep))
route, _, query = path.partition("?")
print(route, query, route.startswith("/"), route.endswith(".html"), route.count("/"))
status = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n"
print(status.splitlines())
print([l for l in status.splitlines() if l])
reply = "\r\n".join(["HTTP/1.1 404 Not Found", "Content-Length: 0", "", ""])
print(repr(reply), reply.encode())
print(raw.find("Host"), raw.count("\r\n"), raw.replace("\r\n", "|")[:40])
