# Bare raise re-raises the exception being handled, even from a nested function call.
def handler():
    try:
        raise ConnectionRefusedError(111, "Connection refused")
    except OSError as e:
        print("logging:", repr(e))
        raise

try:
    handler()
except ConnectionRefusedError as e:
    print("re-raised:", repr(e), e.errno)

def inner_handles_then_outer_reraises():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise KeyError("second")
        except KeyError:
            pass
        raise
try:
    inner_handles_then_outer_reraises()
except Exception as e:
    print("bare raise after a nested handler:", repr(e))

def conditional(code):
    try:
        raise OSError(code, "err %d" % code)
    except OSError as e:
        if e.errno == 98:
            return "handled 98"
        raise
print(conditional(98))
try:
    conditional(13)
except PermissionError as e:
    print("re-raised as", type(e).__name__, e)
try:
    raise TimeoutError("timed out")
except TimeoutError:
    print("about to re-raise at top level")
    raise
