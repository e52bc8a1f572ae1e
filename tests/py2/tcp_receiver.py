# Receiver/server
import socket
sock=socket.socket()   # default is to make a normal internet socket
sock.bind((“”,40000))
sock.listen(1)
sock2=sock.accept()
print sock2[0].recv(256)
