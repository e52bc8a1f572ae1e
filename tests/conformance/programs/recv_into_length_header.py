# Messages with a 4-byte length header, read exactly with recv_into into one buffer
# through a memoryview (no copies), sent with sendall of memoryview slices; the server
# is a thread.
import socket
import struct
import threading


def recv_exactly(sock, view):
    got = 0
    while got < len(view):
        n = sock.recv_into(view[got:])
        if n == 0:
            raise ConnectionError("peer closed after %d of %d bytes" % (got, len(view)))
        got += n
    return got


def serve(listener):
    conn, _ = listener.accept()
    with conn:
        header = bytearray(4)
        body = bytearray(64)
        while True:
            try:
                recv_exactly(conn, memoryview(header))
            except ConnectionError as e:
                print("server:", e)
                return
            (size,) = struct.unpack("!I", header)
            view = memoryview(body)[:size]
            recv_exactly(conn, view)
            print("server got", size, "bytes:", bytes(view))
            reply = view.tobytes().upper()
            conn.sendall(struct.pack("!I", len(reply)) + reply)


listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(1)
t = threading.Thread(target=serve, args=(listener,))
t.start()
client = socket.create_connection(listener.getsockname())
for text in [b"hello", b"a longer message", b""]:
    packet = struct.pack("!I", len(text)) + text
    out = memoryview(packet)
    sent = 0
    while sent < len(out):
        sent += client.send(out[sent:sent + 3])
    head = bytearray(4)
    recv_exactly(client, memoryview(head))
    answer = bytearray(struct.unpack("!I", head)[0])
    recv_exactly(client, memoryview(answer))
    print("client got", answer)
client.close()
t.join()
listener.close()
