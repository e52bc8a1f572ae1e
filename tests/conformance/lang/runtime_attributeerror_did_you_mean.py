# An uncaught AttributeError's traceback suggests a close attribute name.
class Server:
    def __init__(self):
        self.server_address = ("127.0.0.1", 8000)
srv = Server()
try:
    print(srv.server_adress)
except AttributeError as e:
    print("str(e):", e)
clients = []
try:
    clients.apend("c")
except AttributeError as e:
    print("str(e):", e)
print("now uncaught:")
clients.appendd("c")
