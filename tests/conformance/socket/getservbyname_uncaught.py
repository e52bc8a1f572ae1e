# An unknown service name ends the program with "OSError: service/proto not found".
import socket

print(socket.getservbyname("http"))
try:
    socket.getservbyport(9, "no-such-proto")
except OSError as e:
    print("caught:", e)
print("looking up a service that does not exist")
print(socket.getservbyname("gopher-over-carrier-pigeon", "tcp"))
print("not reached")
