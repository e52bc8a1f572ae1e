#receiver
import socket
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)
s.bind(("",40000))
while (1): print s.recv(256)   # or s.recvfrom(256)
