# A select() loop serving two connected clients in one program, until both close.
import select
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(5)
clients = [socket.create_connection(srv.getsockname(), timeout=5) for i in range(2)]
inputs = [srv]
accepted = 0
clients[0].sendall(b"from zero")
clients[1].sendall(b"from one")
clients[0].shutdown(socket.SHUT_WR)
clients[1].shutdown(socket.SHUT_WR)
received = {}
while accepted < 2 or len(inputs) > 1:
    readable, _, _ = select.select(inputs, [], [], 5)
    if not readable:
        print("stalled")
        break
    for s in readable:
        if s is srv:
            conn, addr = srv.accept()
            inputs.append(conn)
            received[conn] = b""
            accepted += 1
        else:
            data = s.recv(1024)
            if data:
                received[s] += data
            else:
                s.sendall(received[s].upper())
                inputs.remove(s)
                s.close()
for c in clients:
    reply = b""
    while True:
        chunk = c.recv(100)
        if not chunk:
            break
        reply += chunk
    print(reply)
    c.close()
srv.close()
