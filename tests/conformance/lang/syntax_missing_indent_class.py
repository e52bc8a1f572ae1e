class Server:
x = 1
