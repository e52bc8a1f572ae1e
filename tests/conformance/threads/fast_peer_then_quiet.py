# A peer that answers at once, then goes quiet, then answers late: every read gets
# exactly its data, and a short time-out still times out on time, whether the read
# spins or sleeps (socklab's reads spin briefly while a peer answers fast).
import socket
import threading
import time

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen(1)


def echo():
    conn, _ = listener.accept()
    with conn:
        while True:
            data = conn.recv(65536)
            if not data:
                break
            if data == b"late":
                time.sleep(0.05)
            conn.sendall(data)


server = threading.Thread(target=echo)
server.start()

client = socket.create_connection(listener.getsockname())
total = 0
for i in range(2000):
    message = bytes([i % 256]) * (1 + i % 700)
    client.sendall(message)
    got = b""
    while len(got) < len(message):
        got += client.recv(65536)
    assert got == message, i
    total += len(got)
print("fast exchanges:", 2000, "bytes back:", total)

# The peer is quiet: a time-out shorter than any spin window still raises.
client.settimeout(0.00005)
start = time.monotonic()
try:
    client.recv(10)
except TimeoutError as e:
    print("quiet peer:", type(e).__name__, e)
print("waited under a second:", time.monotonic() - start < 1.0)

# A late answer: the read sleeps past the spin and still gets it.
client.settimeout(5)
client.sendall(b"late")
print("late answer:", client.recv(10))

# Datagrams, and reads through makefile, learn the same way.
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
v.bind(("127.0.0.1", 0))


def bounce():
    for _ in range(500):
        data, addr = v.recvfrom(2048)
        v.sendto(data.upper(), addr)


b = threading.Thread(target=bounce)
b.start()
ok = 0
for i in range(500):
    u.sendto(b"ping %d" % i, v.getsockname())
    data, _ = u.recvfrom(2048)
    ok += data == b"PING %d" % i
b.join()
print("datagrams answered:", ok)

f = client.makefile("rwb")
for i in range(300):
    f.write(b"line %d\n" % i)
    f.flush()
    assert f.readline() == b"line %d\n" % i
print("lines echoed through makefile:", 300)
f.close()
client.close()
server.join()
listener.close()
print("server thread alive:", server.is_alive())
