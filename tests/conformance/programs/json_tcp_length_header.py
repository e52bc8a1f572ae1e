# A JSON-over-TCP request/response protocol: each message is a 4-byte big-endian
# length header (struct) followed by that many bytes of UTF-8 JSON.
import json
import socket
import struct
import threading


def send_msg(sock, obj):
    data = json.dumps(obj, separators=(",", ":")).encode("utf-8")
    sock.sendall(struct.pack("!I", len(data)) + data)


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("peer closed mid-message")
        buf += chunk
    return buf


def recv_msg(sock):
    header = sock.recv(4)
    if not header:
        return None
    if len(header) < 4:
        header += recv_exact(sock, 4 - len(header))
    (length,) = struct.unpack("!I", header)
    return json.loads(recv_exact(sock, length).decode("utf-8"))


def handle(conn):
    with conn:
        while True:
            req = recv_msg(conn)
            if req is None:
                break
            op = req.get("op")
            if op == "add":
                send_msg(conn, {"ok": True, "result": sum(req["args"])})
            elif op == "echo":
                send_msg(conn, {"ok": True, "result": req["payload"]})
            elif op == "parse":
                try:
                    send_msg(conn, {"ok": True, "result": json.loads(req["text"])})
                except json.JSONDecodeError as e:
                    send_msg(conn, {"ok": False, "error": str(e), "pos": e.pos})
            else:
                send_msg(conn, {"ok": False, "error": "unknown op %r" % op})


listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listening.bind(("127.0.0.1", 0))
listening.listen(1)
port = listening.getsockname()[1]


def serve_one():
    conn, _ = listening.accept()
    handle(conn)


server = threading.Thread(target=serve_one)
server.start()

client = socket.create_connection(("127.0.0.1", port))
requests = [
    {"op": "add", "args": [1, 2, 3.5]},
    {"op": "echo", "payload": {"name": "caf\u00e9", "tags": ["a", "b"], "n": None}},
    {"op": "parse", "text": '{"broken": [1, 2'},
    {"op": "parse", "text": "[true, false, null]"},
    {"op": "nope"},
]
for req in requests:
    send_msg(client, req)
    reply = recv_msg(client)
    print(json.dumps(req, sort_keys=True))
    print("  ->", json.dumps(reply, sort_keys=True, ensure_ascii=False))

# The same messages through the socket's file interface.
f = client.makefile("rwb")
body = json.dumps({"op": "add", "args": list(range(10))}).encode()
f.write(struct.pack("!I", len(body)) + body)
f.flush()
(n,) = struct.unpack("!I", f.read(4))
print("makefile reply:", json.loads(f.read(n)))
f.close()
client.close()
server.join()
listening.close()
print(json.dumps({"done": True}, indent=2))
