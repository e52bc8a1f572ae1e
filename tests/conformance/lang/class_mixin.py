# Mix-ins the way socketserver composes ThreadingMixIn with TCPServer.
class TCPServer:
    allow_reuse_address = False
    def __init__(self, server_address):
        self.server_address = server_address
        print("TCPServer.__init__", server_address)
    def process_request(self, request):
        print("TCPServer.process_request", request)
        self.finish_request(request)
    def finish_request(self, request):
        print("TCPServer.finish_request", request)

class ThreadingMixIn:
    daemon_threads = False
    def process_request(self, request):
        print("ThreadingMixIn.process_request (would start a thread)", request)
        self.finish_request(request)

class LoggingMixIn:
    def finish_request(self, request):
        print("LoggingMixIn: before")
        super().finish_request(request)
        print("LoggingMixIn: after")

class ThreadingTCPServer(ThreadingMixIn, TCPServer):
    pass

class Server(LoggingMixIn, ThreadingMixIn, TCPServer):
    allow_reuse_address = True
    daemon_threads = True

s = ThreadingTCPServer(("127.0.0.1", 0))
s.process_request("req1")
print(s.allow_reuse_address, s.daemon_threads)
t = Server(("", 9999))
t.process_request("req2")
print(t.allow_reuse_address, t.daemon_threads, isinstance(t, ThreadingMixIn), isinstance(t, TCPServer))
