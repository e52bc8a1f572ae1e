# User-defined exception classes: args, str, repr, hierarchy, custom __init__.
class ProtocolError(Exception):
    pass

class BadCommand(ProtocolError):
    def __init__(self, command):
        super().__init__("bad command: " + command)
        self.command = command

class WithStr(Exception):
    def __str__(self):
        return "custom str"

try:
    raise ProtocolError("unexpected byte", 0xff)
except ProtocolError as e:
    print(type(e).__name__, e, repr(e), e.args)

try:
    raise BadCommand("HELO")
except ProtocolError as e:
    print(type(e).__name__, e, repr(e), e.args, e.command)
    print(isinstance(e, BadCommand), isinstance(e, Exception), isinstance(e, BaseException))

try:
    raise WithStr("ignored arg")
except Exception as e:
    print(e, repr(e), e.args)

e = ProtocolError()
print(repr(e), repr(str(e)), e.args)
print(repr(ProtocolError("one")), repr(ProtocolError(1, "two")), str(ProtocolError(1, "two")))
try:
    raise ProtocolError
except ProtocolError as e:
    print("raised the class:", repr(e))
raise BadCommand("QUIT")
