# import, import as, from-import, from-import as, from-import *.
import sys
import time as t
import struct, ipaddress
from struct import pack, unpack as up
from time import *
from ipaddress import ip_address as ipa, ip_network

print(type(sys.argv).__name__)
print(isinstance(t.time(), float))
print(pack("!H", 80))
print(up("!H", b"\x00P"))
print(struct.calcsize("!I"))
print(ipa("10.0.0.1"))
print(ip_network("10.0.0.0/8").num_addresses)
print(ipaddress.ip_address("::1"))
print(isinstance(monotonic(), float))
print(strftime("%Y", gmtime(0)))
import time
print(time.gmtime(0).tm_year)
def inner():
    import struct as s2
    return s2.pack("B", 255)
print(inner())
try:
    print(s2)
except NameError as e:
    print(e)
