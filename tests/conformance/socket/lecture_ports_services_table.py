# The lecture's table of common services, checked against the services database.
import socket

table = [(21, "ftp"), (22, "ssh"), (23, "telnet"), (25, "smtp"), (79, "finger"),
         (80, "http"), (110, "pop3"), (443, "https")]
for port, name in table:
    found = socket.getservbyport(port, "tcp")
    back = socket.getservbyname(name, "tcp")
    print("%-4d %-7s %s %s" % (port, name, found == name, back == port))
print(socket.getservbyport(123, "udp"), socket.getservbyname("ntp", "udp"))
print(socket.getservbyname("www", "tcp"), socket.getservbyname("mail", "tcp"))
