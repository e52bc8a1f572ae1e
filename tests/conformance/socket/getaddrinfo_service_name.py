# getaddrinfo() resolves service names from the services database.
import socket

for service in ["http", "ftp", "ssh", "https", "www"]:
    info = socket.getaddrinfo("localhost", service, socket.AF_INET, socket.SOCK_STREAM)
    print(service, len(info), info[0][4])
print(socket.getaddrinfo("127.0.0.1", "domain", socket.AF_INET, socket.SOCK_DGRAM))
print(socket.getaddrinfo("127.0.0.1", "http", socket.AF_INET, socket.SOCK_STREAM,
                         socket.IPPROTO_TCP))
print(socket.getaddrinfo("127.0.0.1", "http", family=socket.AF_INET, type=socket.SOCK_STREAM,
                         proto=0, flags=socket.AI_NUMERICHOST))
addr = socket.getaddrinfo("localhost", "http", socket.AF_INET, socket.SOCK_STREAM)[0][4]
print(type(addr).__name__, addr[1] == socket.getservbyname("http", "tcp"))
