print("ok")
greeting = "Hello there
print(greeting)
