print("never")
x = yield 1
