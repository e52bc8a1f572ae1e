# ipaddress.ip_network: netmask, network and broadcast address, sizes, membership, hosts().
import ipaddress
net = ipaddress.ip_network("192.168.1.0/24")
print(repr(net), net, net.version, net.prefixlen, net.num_addresses)
print(repr(net.netmask), net.netmask, net.network_address, net.broadcast_address)
print(net.is_private, net.is_loopback, type(net).__name__)
print(ipaddress.ip_address("192.168.1.77") in net, ipaddress.ip_address("192.168.2.1") in net)
small = ipaddress.ip_network("10.0.0.0/29")
for host in small.hosts():
    print("host", host)
print(len(list(small.hosts())), list(small.hosts())[0], repr(list(small.hosts())[-1]))
print([str(h) for h in ipaddress.ip_network("10.0.0.0/30").hosts()])
print([str(h) for h in ipaddress.ip_network("10.0.0.0/31").hosts()])
print([str(h) for h in ipaddress.ip_network("10.0.0.7/32").hosts()])
for text in ["10.0.0.0/8", "172.16.0.0/12", "127.0.0.0/8", "0.0.0.0/0", "8.8.8.0/24", "192.168.1.128/25", "1.2.3.4/32"]:
    n = ipaddress.ip_network(text)
    print(text, n.netmask, n.broadcast_address, n.num_addresses, n.prefixlen, n.is_private, n.is_loopback)
print(ipaddress.ip_network("192.168.1.0/255.255.255.0"), ipaddress.ip_network("192.168.1.5"))
print(ipaddress.ip_network("192.168.1.5/24", strict=False))
v6 = ipaddress.ip_network("2001:db8::/32")
print(repr(v6), v6.num_addresses, v6.netmask, v6.prefixlen, v6.broadcast_address)
print(ipaddress.ip_network("::1/128").is_loopback, ipaddress.ip_address("2001:db8::5") in v6)
print(ipaddress.ip_network("10.0.0.0/8") == ipaddress.ip_network("10.0.0.0/8"), str(ipaddress.ip_network("10.0.0.0/8")))
