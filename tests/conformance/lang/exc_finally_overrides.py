# A return or break in finally wins over an in-flight return or exception.
def return_override():
    try:
        return "from try"
    finally:
        return "from finally"
print(return_override())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "exception swallowed"
print(swallow())

def except_return():
    try:
        raise KeyError("k")
    except KeyError:
        return "from except"
    finally:
        print("finally still runs")
print(except_return())

def loop_break():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "broke out, i=%d" % i
print(loop_break())

def finally_raises():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("replacement")
try:
    finally_raises()
except TypeError as e:
    print("TypeError:", e)
except ValueError as e:
    print("ValueError:", e)
def value_eval_order():
    x = 1
    try:
        return x
    finally:
        x = 2
print(value_eval_order())
