from socket import socket
s = socket()
s.connect(('mathcs.slu.edu', 80))
# will raise error if can't connect
print s.recv(1024)
s.close()
# also s.send(data)
