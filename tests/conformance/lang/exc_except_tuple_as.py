# except (A, B) as e, first matching clause wins, and the order of clauses.
def classify(exc):
    try:
        raise exc
    except (ConnectionRefusedError, ConnectionResetError) as e:
        return "refused-or-reset: " + repr(e)
    except ConnectionError as e:
        return "other connection error: " + type(e).__name__
    except (TimeoutError,) as e:
        return "timeout: " + str(e)
    except OSError as e:
        return "OSError errno=%r" % (e.errno,)
    except (KeyError, IndexError) as e:
        return "lookup: " + repr(e)
    except Exception as e:
        return "generic: " + type(e).__name__

for exc in [ConnectionRefusedError(111, "Connection refused"), ConnectionResetError(104, "Connection reset by peer"),
            BrokenPipeError(32, "Broken pipe"), TimeoutError("timed out"), OSError(98, "Address already in use"),
            KeyError("k"), IndexError("i"), ValueError("v"), ZeroDivisionError("z")]:
    print(classify(exc))

try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("not caught by Exception")
except BaseException as e:
    print("caught by BaseException:", repr(e))

errors = (ValueError, TypeError)
try:
    int("x")
except errors as e:
    print("tuple in a variable:", e)
try:
    [][0]
except:
    print("bare except catches everything")
try:
    raise ValueError("first clause")
except Exception:
    print("Exception clause listed first wins")
except ValueError:
    print("never reached")
