# ipaddress.ip_interface: an address together with its network.
import ipaddress
i = ipaddress.ip_interface("192.168.1.77/24")
print(repr(i), i, i.version, i.is_private, i.is_loopback)
print(repr(i.network), i.network, i.netmask, i.network.broadcast_address)
print(i.network.num_addresses, i.network.prefixlen, i.network.network_address)
j = ipaddress.ip_interface("127.0.0.1/8")
print(j, j.is_loopback, j.network)
k = ipaddress.ip_interface("10.0.0.1")
print(repr(k), k.network)
v6 = ipaddress.ip_interface("fe80::1/64")
print(repr(v6), v6.network, v6.version)
