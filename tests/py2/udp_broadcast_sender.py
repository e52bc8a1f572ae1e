#sender
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)
s.bind((“”,40000))
s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
s.sendto(“Hello there”,(“<broadcast>”,40000))
