# A daytime service (RFC 867) and its client over loopback, as the lecture writes
# them, with datetime: the server sends the time as text, the client parses it back
# with strptime and checks that it is the time the server meant. The server reports a
# fixed instant (so the output is the same on every run) and also the real time,
# which the client only checks for plausibility.
import socket
import threading
from datetime import datetime, timedelta, timezone

FORMAT = '%A, %B %d, %Y %H:%M:%S %Z'
FIXED = datetime(2026, 12, 4, 5, 35, 0, tzinfo=timezone.utc)

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(('127.0.0.1', 0))
listener.listen(5)
port = listener.getsockname()[1]


def serve(count):
    for i in range(count):
        conn, peer = listener.accept()
        request = conn.recv(100).decode()
        if request == 'fixed':
            when = FIXED + timedelta(minutes=i)
        else:
            when = datetime.now(timezone.utc)
        conn.sendall((when.strftime(FORMAT) + '\r\n').encode('ascii'))
        conn.close()
    listener.close()


def ask(what):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect(('127.0.0.1', port))
    s.sendall(what.encode())
    data = b''
    while True:
        chunk = s.recv(1024)
        if not chunk:
            break
        data += chunk
    s.close()
    return data.decode('ascii')


server = threading.Thread(target=serve, args=(4,))
server.start()

for i in range(3):
    text = ask('fixed')
    print(repr(text))
    parsed = datetime.strptime(text.strip(), FORMAT)
    print(repr(parsed), parsed.tzinfo)
    expected = FIXED + timedelta(minutes=i)
    # strptime's %Z gives a naive datetime: attach UTC to compare.
    aware = parsed.replace(tzinfo=timezone.utc)
    print(aware == expected, aware.isoformat(), aware.timestamp(), aware - FIXED)
    print(parsed.strftime('%d/%m/%Y %I:%M %p'), parsed.isocalendar(), parsed.timetuple().tm_yday)

text = ask('now')
now = datetime.strptime(text.strip(), FORMAT).replace(tzinfo=timezone.utc)
age = datetime.now(timezone.utc) - now
print('now parses:', type(now).__name__, timedelta(0) <= age < timedelta(seconds=5), now.year >= 2024)
server.join()

try:
    datetime.strptime('Friday 4 December 2026', FORMAT)
except ValueError as e:
    print('ValueError:', e)
