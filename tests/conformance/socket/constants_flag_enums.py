# MSG_* and AI_* are IntFlag members: repr, combination with |, int value.
import socket

for f in (socket.MSG_PEEK, socket.MSG_DONTWAIT):
    print(repr(f), str(f), int(f), type(f).__name__)
for f in (socket.AI_PASSIVE, socket.AI_CANONNAME, socket.AI_NUMERICHOST):
    print(repr(f), str(f), int(f), type(f).__name__)
both = socket.AI_PASSIVE | socket.AI_NUMERICHOST
print(repr(both), int(both), type(both).__name__)
print(repr(socket.MSG_PEEK | socket.MSG_DONTWAIT))
print(socket.AI_PASSIVE == 1, socket.MSG_PEEK & 2, bool(socket.AI_CANONNAME & both))
