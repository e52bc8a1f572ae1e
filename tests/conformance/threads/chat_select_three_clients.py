# A select()-based chat server in a thread relays each line to the other clients.
import select
import socket
import threading

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(5)
all_joined = threading.Event()

def chat_server(expected):
    inputs = [srv]
    peers = []
    seen = 0
    while seen < expected or peers:
        readable, _, _ = select.select(inputs, [], [], 10)
        if not readable:
            return
        for s in readable:
            if s is srv:
                conn, _ = srv.accept()
                inputs.append(conn)
                peers.append(conn)
                seen += 1
                if seen == expected:
                    all_joined.set()
                continue
            data = s.recv(1024)
            if not data:
                inputs.remove(s)
                peers.remove(s)
                s.close()
                continue
            for p in peers:
                if p is not s:
                    p.sendall(data)

t = threading.Thread(target=chat_server, args=(3,))
t.start()
names = ["alice", "bob", "carol"]
socks = [socket.create_connection(srv.getsockname(), timeout=5) for n in names]
files = [s.makefile("rb") for s in socks]
print("all joined:", all_joined.wait(5))
for i, name in enumerate(names):
    socks[i].sendall(("%s: hi everyone\n" % name).encode())
    for j in range(3):
        if j != i:
            print(names[j], "reads", files[j].readline())
for f, s in zip(files, socks):
    f.close()
    s.close()
t.join(5)
print("server finished:", not t.is_alive())
srv.close()
