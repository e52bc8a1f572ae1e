# Server attributes: server_address, socket, class defaults, fileno().
import socket
import socketserver

class H(socketserver.BaseRequestHandler):
    pass

tcp = socketserver.TCPServer(("127.0.0.1", 0), H)
host, port = tcp.server_address
print(type(tcp.server_address).__name__, host, port > 0)
print(tcp.server_address == tcp.socket.getsockname())
print(type(tcp.socket).__name__, repr(tcp.socket.family), repr(tcp.socket.type))
print(tcp.fileno() == tcp.socket.fileno(), tcp.RequestHandlerClass is H)
print(repr(tcp.address_family), repr(tcp.socket_type))
print(tcp.allow_reuse_address, tcp.request_queue_size, tcp.timeout)
print(socketserver.UDPServer.allow_reuse_address, socketserver.UDPServer.max_packet_size)
print(socketserver.ThreadingMixIn.daemon_threads, socketserver.ThreadingMixIn.block_on_close)
print(socketserver.ThreadingTCPServer.daemon_threads)
print(tcp.socket.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
tcp.server_close()
udp = socketserver.UDPServer(("127.0.0.1", 0), H)
print(repr(udp.socket_type), repr(udp.socket.type), udp.server_address[0])
udp.server_close()
