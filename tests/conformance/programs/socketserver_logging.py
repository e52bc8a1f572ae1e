# A threading TCP server whose handler logs each client, in the style of the
# documentation's socketserver examples; the log goes to standard output so the thread
# names and levels are compared too. The server listens on 127.0.0.1:0.
import logging
import socket
import socketserver
import sys
import threading

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format='%(threadName)s %(name)s %(levelname)s %(funcName)s: %(message)s')
log = logging.getLogger('upper')


class UpperHandler(socketserver.StreamRequestHandler):
    def handle(self):
        log.info('client connected')
        for line in self.rfile:
            log.debug('line %r', line)
            if line.strip() == b'quit':
                log.warning('client asked to quit')
                break
            self.wfile.write(line.upper())
        log.info('client gone')


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


server = Server(('127.0.0.1', 0), UpperHandler)
host, port = server.server_address
log.info('listening on %s', host)
thread = threading.Thread(target=server.serve_forever, name='server')
thread.start()

for n in range(2):
    with socket.create_connection((host, port)) as s:
        f = s.makefile('rb')
        for word in [b'hello', b'socket world']:
            s.sendall(word + b'\n')
            reply = f.readline()
            print('client %d got %r' % (n, reply))
        s.sendall(b'quit\n')
        print('client %d end: %r' % (n, f.read()))
        f.close()

server.shutdown()
server.server_close()
thread.join()
log.info('stopped')
logging.getLogger().handlers[0].setStream(sys.stderr)
log.critical('the end, on stderr')
