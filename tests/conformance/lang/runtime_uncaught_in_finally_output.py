# finally blocks and with-exits run before the uncaught exception is reported.
class Closer:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("closing because of", t.__name__)
        return False
try:
    with Closer():
        print("working")
        raise ConnectionResetError(104, "Connection reset by peer")
finally:
    print("finally")
