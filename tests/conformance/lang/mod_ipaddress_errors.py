# ipaddress errors are ValueErrors with CPython's messages.
import ipaddress
def show(fn):
    try:
        print(fn())
    except ValueError as e:
        print(type(e).__name__ + ":", e)
        print(isinstance(e, ValueError))
show(lambda: ipaddress.ip_address("999.1.1.1"))
show(lambda: ipaddress.ip_address("localhost"))
show(lambda: ipaddress.ip_address(""))
show(lambda: ipaddress.ip_address("1.2.3"))
show(lambda: ipaddress.ip_network("192.168.1.1/24"))
show(lambda: ipaddress.ip_network("10.0.0.0/33"))
show(lambda: ipaddress.ip_network("10.0.0.0/abc"))
show(lambda: ipaddress.ip_interface("1.2.3.4/99"))
show(lambda: ipaddress.ip_address("01.2.3.4"))
ipaddress.ip_address("300.0.0.1")
