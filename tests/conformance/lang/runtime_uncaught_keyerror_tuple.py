# Uncaught KeyError shows the key's repr, even for tuple keys.
routes = {("127.0.0.1", 80): "web"}
print(routes[("127.0.0.1", 80)])
print(routes[("127.0.0.1", 8080)])
