# A queue of work for threads: a pool of workers checks ports of a loopback server;
# the main thread puts jobs, waits with join(), and the workers stop on a sentinel.
import queue
import socket
import threading

listening = socket.socket()
listening.bind(("127.0.0.1", 0))
listening.listen(8)
port = listening.getsockname()[1]


def serve():
    while True:
        conn, _ = listening.accept()
        with conn:
            data = conn.recv(1024)
            if data == b"quit":
                return
            conn.sendall(data.upper())


server = threading.Thread(target=serve)
server.start()

jobs = queue.Queue()
results = queue.Queue()
lock = threading.Lock()


def worker(n):
    while True:
        word = jobs.get()
        if word is None:
            jobs.task_done()
            break
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(word.encode())
            reply = s.recv(1024).decode()
        results.put((word, reply))
        jobs.task_done()


workers = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for w in workers:
    w.start()
for word in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]:
    jobs.put(word)
jobs.join()
print("all jobs done; unfinished:", jobs.unfinished_tasks)
for _ in workers:
    jobs.put(None)
for w in workers:
    w.join()
collected = []
while True:
    try:
        collected.append(results.get_nowait())
    except queue.Empty:
        break
for word, reply in sorted(collected):
    print(word, "->", reply)
print(len(collected), "replies", results.empty())
with socket.create_connection(("127.0.0.1", port)) as s:
    s.sendall(b"quit")
server.join()
listening.close()
# A bounded queue blocks the producer until a consumer takes an item.
bounded = queue.Queue(maxsize=1)
taken = []


def consumer():
    for _ in range(3):
        taken.append(bounded.get())


c = threading.Thread(target=consumer)
c.start()
for i in range(3):
    bounded.put(i, timeout=5)
c.join()
print("consumer took", taken)
