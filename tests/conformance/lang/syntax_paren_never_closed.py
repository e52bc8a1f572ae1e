print("start")
addr = ("127.0.0.1", 8080
print(addr)
