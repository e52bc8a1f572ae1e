# try / except / else / finally: which blocks run, in what order.
def run(case):
    log = []
    try:
        log.append("try")
        if case == "raise":
            raise ValueError("v")
        if case == "other":
            raise KeyError("k")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log

print(run("ok"))
print(run("raise"))
try:
    run("other")
except KeyError as e:
    print("KeyError escaped after finally:", e)

def only_finally():
    try:
        print("  body")
        return "returned"
    finally:
        print("  finally runs before the return completes")
print(only_finally())

def finally_in_loop():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("  loop body", i)
        finally:
            print("  finally", i)
    return "loop done"
print(finally_in_loop())

def nested():
    try:
        try:
            raise TypeError("inner")
        finally:
            print("  inner finally")
    except TypeError as e:
        print("  outer except", e)
    finally:
        print("  outer finally")
nested()

def else_raises():
    try:
        pass
    except ValueError:
        print("  not here")
    else:
        raise RuntimeError("from else")
    finally:
        print("  finally after else raised")
try:
    else_raises()
except RuntimeError as e:
    print("caught", e)
try:
    print("try only with finally")
finally:
    print("finally")
