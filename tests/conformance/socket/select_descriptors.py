# What select() accepts as a descriptor, as CPython checks it: ints and fileno() as a C
# int, no negatives, nothing at or past FD_SETSIZE.
import select, socket
def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r)[:70])
    except Exception as e:
        print(label, type(e).__name__, e)
a, b = socket.socketpair()
t("select bigint fd", lambda: select.select([10**30], [], [], 0))
t("select -1 fd", lambda: select.select([-1], [], [], 0))
t("select 2**31 fd", lambda: select.select([2**31], [], [], 0))
t("select float fd", lambda: select.select([1.5], [], [], 0))
t("select huge fd", lambda: select.select([100000], [], [], 0))
t("select closed", lambda: (lambda s: (s.close(), select.select([s], [], [], 0)))(socket.socket()))
class F:
    def fileno(self): return "x"
t("select fileno str", lambda: select.select([F()], [], [], 0))
class G:
    def fileno(self): return 10**30
t("select fileno big", lambda: select.select([G()], [], [], 0))
t("select dup", lambda: [[x is a for x in l] for l in select.select([a, a], [a], [], 0)])
t("select not list", lambda: select.select(a, [], [], 0))
t("select gen", lambda: select.select((x for x in [a]), [], [], 0))
b.send(b"x")
t("select ready", lambda: select.select([a], [], [], 0)[0] == [a])
a.close(); b.close()
