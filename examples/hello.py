# The first program of the lecture's client/server notes, before any socket.
print("Hello, network!")
