# Subclassing Thread: override run(); calling run() directly does not start a thread.
import threading

class Downloader(threading.Thread):
    def __init__(self, host, port):
        super().__init__(name="download-" + host)
        self.address = (host, port)
        self.result = None
    def run(self):
        self.result = "%s:%d done in %s" % (self.address[0], self.address[1],
                                            threading.current_thread().name)

d = Downloader("localhost", 8080)
d.start()
d.join()
print(d.result)
e = Downloader("127.0.0.1", 80)
e.run()
print(e.result)
print(e.is_alive(), e.ident)
plain = threading.Thread()
plain.start()
plain.join()
print("Thread() with no target runs nothing:", plain.is_alive())
