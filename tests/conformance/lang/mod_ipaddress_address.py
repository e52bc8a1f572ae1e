# ipaddress.ip_address: repr, str, version, is_private, is_loopback, comparison, int.
import ipaddress
for text in ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.32.0.1", "192.168.1.10", "8.8.8.8",
             "0.0.0.0", "255.255.255.255", "169.254.1.1", "100.64.0.1", "::1", "fe80::1", "2001:db8::1",
             "2606:4700::1111", "::", "::ffff:192.168.1.1", "fc00::5"]:
    a = ipaddress.ip_address(text)
    print(repr(a), str(a), a.version, a.is_private, a.is_loopback)
a = ipaddress.ip_address("192.168.0.1")
b = ipaddress.ip_address("192.168.0.2")
print(a == ipaddress.ip_address("192.168.0.1"), a != b, a == b, str(a) == "192.168.0.1")
print(type(a).__name__, type(ipaddress.ip_address("::1")).__name__)
print(str(ipaddress.ip_address("2001:0db8:0000:0000:0000:0000:0000:0001")), ipaddress.ip_address("::FFFF:1.2.3.4"))
print(f"{a}", "%s" % a, [a], (a,), {"gw": b})
for text in ["192.168.1.1", "10.0.0.1", "8.8.4.4"]:
    ip = ipaddress.ip_address(text)
    kind = "loopback" if ip.is_loopback else "private" if ip.is_private else "public"
    print(f"{text:>15} is {kind} (IPv{ip.version})")
