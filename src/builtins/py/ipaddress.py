"""ipaddress: IPv4 and IPv6 addresses, networks and interfaces.

socklab's own version of CPython's ipaddress module, written in the Python subset
that socklab runs.  It follows CPython 3.11: same classes, str() and repr(), results,
exception classes and messages.  One difference: hosts(), subnets() and
address_exclude() return lists instead of lazy iterators, and iterating over a
network builds the whole list first, so stay away from looping over huge networks.

    >>> net = ip_network('192.168.1.0/24')
    >>> ip_address('192.168.1.77') in net
    True
"""

IPV4LENGTH = 32
IPV6LENGTH = 128

_DECIMAL_DIGITS = '0123456789'
_HEX_DIGITS = '0123456789abcdefABCDEF'
_HASH_MODULUS = (1 << 61) - 1


class AddressValueError(ValueError):
    """A Value Error related to the address."""


class NetmaskValueError(ValueError):
    """A Value Error related to the netmask."""


# ---------------------------------------------------------------------------
# The three factory functions most programs use.

def ip_address(address):
    """Return an IPv4Address or IPv6Address for a string or an integer."""
    try:
        return IPv4Address(address)
    except (AddressValueError, NetmaskValueError):
        pass
    try:
        return IPv6Address(address)
    except (AddressValueError, NetmaskValueError):
        pass
    raise ValueError(f"{repr(address)} does not appear to be an IPv4 or IPv6 address")


def ip_network(address, strict=True):
    """Return an IPv4Network or IPv6Network, e.g. for '10.0.0.0/8'."""
    try:
        return IPv4Network(address, strict)
    except (AddressValueError, NetmaskValueError):
        pass
    try:
        return IPv6Network(address, strict)
    except (AddressValueError, NetmaskValueError):
        pass
    raise ValueError(f"{repr(address)} does not appear to be an IPv4 or IPv6 network")


def ip_interface(address):
    """Return an IPv4Interface or IPv6Interface, e.g. for '192.168.1.77/24'."""
    try:
        return IPv4Interface(address)
    except (AddressValueError, NetmaskValueError):
        pass
    try:
        return IPv6Interface(address)
    except (AddressValueError, NetmaskValueError):
        pass
    raise ValueError(f"{repr(address)} does not appear to be an IPv4 or IPv6 interface")


def v4_int_to_packed(address):
    """Return an IPv4 address (an integer) as 4 bytes, most significant first."""
    if address < 0 or address > (1 << IPV4LENGTH) - 1:
        raise ValueError("Address negative or too large for IPv4")
    return address.to_bytes(4, 'big')


def v6_int_to_packed(address):
    """Return an IPv6 address (an integer) as 16 bytes, most significant first."""
    if address < 0 or address > (1 << IPV6LENGTH) - 1:
        raise ValueError("Address negative or too large for IPv6")
    return address.to_bytes(16, 'big')


# ---------------------------------------------------------------------------
# Small helpers.

def _only_chars(text, allowed):
    """True if every character of text is one of the characters in allowed."""
    for ch in text:
        if ch not in allowed:
            return False
    return True


def _reversed(items):
    """The items of a list or string, last first, as a list."""
    return [items[i] for i in range(len(items) - 1, -1, -1)]


def _fold_hash(number):
    """Fold a (possibly 128-bit) non-negative integer into a small hash value."""
    return number % _HASH_MODULUS


def _in_any(item, networks):
    """True if item is in at least one of the networks."""
    for network in networks:
        if item in network:
            return True
    return False


def _split_addr_prefix(address, max_prefixlen):
    """Split the argument of a Network or Interface into (address, mask)."""
    if isinstance(address, int) or isinstance(address, bytes):
        return address, max_prefixlen
    if not isinstance(address, tuple):
        parts = str(address).split('/')
        if len(parts) > 2:
            raise AddressValueError(f"Only one '/' permitted in {repr(address)}")
        address = parts
    if len(address) > 1:
        return address[0], address[1]
    return address[0], max_prefixlen


def _invalid_netmask(mask):
    return NetmaskValueError(f"{repr(mask)} is not a valid netmask")


def _prefix_from_prefix_string(text, max_prefixlen):
    """The prefix length written in text (like '24'), or None if text is not one."""
    if not isinstance(text, str) or text == '' or not _only_chars(text, _DECIMAL_DIGITS):
        return None
    prefixlen = int(text)
    if prefixlen > max_prefixlen:
        return None
    return prefixlen


def _prefix_from_mask_int(mask, bits):
    """The prefix length of a netmask like 0xFFFFFF00 (24), or None if the
    bits are not some ones followed by only zeros."""
    zeros = 0
    while zeros < bits and (mask >> zeros) & 1 == 0:
        zeros += 1
    prefixlen = bits - zeros
    if mask >> zeros != (1 << prefixlen) - 1:
        return None
    return prefixlen


# ---------------------------------------------------------------------------
# Text <-> integer conversions.

def _parse_octet(octet_str):
    """The value of one decimal part of an IPv4 address (raises ValueError)."""
    if not octet_str:
        raise ValueError("Empty octet not permitted")
    if not _only_chars(octet_str, _DECIMAL_DIGITS):
        raise ValueError(f"Only decimal digits permitted in {repr(octet_str)}")
    if len(octet_str) > 3:
        raise ValueError(f"At most 3 characters permitted in {repr(octet_str)}")
    if octet_str != '0' and octet_str[0] == '0':
        raise ValueError(f"Leading zeros are not permitted in {repr(octet_str)}")
    value = int(octet_str)
    if value > 255:
        raise ValueError(f"Octet {value} (> 255) not permitted")
    return value


def _ip_int_from_v4_string(ip_str):
    """'192.168.1.1' -> 3232235777 (raises AddressValueError)."""
    if not ip_str:
        raise AddressValueError('Address cannot be empty')
    octets = ip_str.split('.')
    if len(octets) != 4:
        raise AddressValueError(f"Expected 4 octets in {repr(ip_str)}")
    ip_int = 0
    for octet in octets:
        try:
            value = _parse_octet(octet)
        except ValueError as exc:
            raise AddressValueError(f"{exc} in {repr(ip_str)}") from None
        ip_int = (ip_int << 8) | value
    return ip_int


def _string_from_v4_int(ip_int):
    """3232235777 -> '192.168.1.1'."""
    return '.'.join([str((ip_int >> shift) & 255) for shift in [24, 16, 8, 0]])


def _parse_hextet(hextet_str):
    """The value of one hexadecimal group of an IPv6 address (raises ValueError)."""
    if not _only_chars(hextet_str, _HEX_DIGITS):
        raise ValueError(f"Only hex digits permitted in {repr(hextet_str)}")
    if len(hextet_str) > 4:
        raise ValueError(f"At most 4 characters permitted in {repr(hextet_str)}")
    return int(hextet_str, 16)


def _ip_int_from_v6_string(ip_str):
    """'2001:db8::1' -> integer (raises AddressValueError)."""
    if not ip_str:
        raise AddressValueError('Address cannot be empty')
    parts = ip_str.split(':')
    if len(parts) < 3:
        raise AddressValueError(f"At least 3 parts expected in {repr(ip_str)}")

    # An IPv4-style ending like '::ffff:1.2.3.4' becomes two hex groups.
    if '.' in parts[-1]:
        try:
            ipv4_int = IPv4Address(parts[-1])._ip
        except AddressValueError as exc:
            raise AddressValueError(f"{exc} in {repr(ip_str)}") from None
        high = (ipv4_int >> 16) & 0xFFFF
        low = ipv4_int & 0xFFFF
        parts = parts[:-1] + [f"{high:x}", f"{low:x}"]

    if len(parts) > 9:
        raise AddressValueError(f"At most 8 colons permitted in {repr(ip_str)}")

    # An empty part between two others is where '::' skipped some zero groups.
    skip_index = None
    for i in range(1, len(parts) - 1):
        if not parts[i]:
            if skip_index is not None:
                raise AddressValueError(f"At most one '::' permitted in {repr(ip_str)}")
            skip_index = i

    if skip_index is not None:
        parts_hi = skip_index                   # groups written before the '::'
        parts_lo = len(parts) - skip_index - 1  # groups written after it
        if not parts[0]:
            parts_hi -= 1
            if parts_hi:
                raise AddressValueError(
                    f"Leading ':' only permitted as part of '::' in {repr(ip_str)}")
        if not parts[-1]:
            parts_lo -= 1
            if parts_lo:
                raise AddressValueError(
                    f"Trailing ':' only permitted as part of '::' in {repr(ip_str)}")
        parts_skipped = 8 - (parts_hi + parts_lo)
        if parts_skipped < 1:
            raise AddressValueError(
                f"Expected at most 7 other parts with '::' in {repr(ip_str)}")
    else:
        if len(parts) != 8:
            raise AddressValueError(
                f"Exactly 8 parts expected without '::' in {repr(ip_str)}")
        if not parts[0]:
            raise AddressValueError(
                f"Leading ':' only permitted as part of '::' in {repr(ip_str)}")
        if not parts[-1]:
            raise AddressValueError(
                f"Trailing ':' only permitted as part of '::' in {repr(ip_str)}")
        parts_hi = 8
        parts_lo = 0
        parts_skipped = 0

    ip_int = 0
    try:
        for i in range(parts_hi):
            ip_int = (ip_int << 16) | _parse_hextet(parts[i])
        ip_int = ip_int << (16 * parts_skipped)
        for i in range(len(parts) - parts_lo, len(parts)):
            ip_int = (ip_int << 16) | _parse_hextet(parts[i])
    except ValueError as exc:
        raise AddressValueError(f"{exc} in {repr(ip_str)}") from None
    return ip_int


def _v6_groups(ip_int):
    """The eight 16-bit groups of an IPv6 address, as integers."""
    return [(ip_int >> (112 - 16 * i)) & 0xFFFF for i in range(8)]


def _string_from_v6_int(ip_int):
    """Integer -> compressed text: the longest run (the first one if there is
    a tie) of two or more zero groups is written as '::'."""
    groups = [f"{group:x}" for group in _v6_groups(ip_int)]
    best_start = -1
    best_len = 0
    run_start = -1
    run_len = 0
    for i in range(8):
        if groups[i] == '0':
            run_len += 1
            if run_start == -1:
                run_start = i
            if run_len > best_len:
                best_len = run_len
                best_start = run_start
        else:
            run_len = 0
            run_start = -1
    if best_len > 1:
        before = ':'.join(groups[:best_start])
        after = ':'.join(groups[best_start + best_len:])
        return before + '::' + after
    return ':'.join(groups)


def _exploded_v6_int(ip_int):
    """Integer -> all eight groups written with four hex digits."""
    return ':'.join([f"{group:04x}" for group in _v6_groups(ip_int)])


# ---------------------------------------------------------------------------
# Behaviour shared by addresses, networks and interfaces.

class _IPAddressBase:
    """Properties every address, network and interface has."""

    @property
    def exploded(self):
        """The long form of the address, e.g. '2001:0db8:0000:...:0001'."""
        return self._explode_shorthand_ip_string()

    @property
    def compressed(self):
        """The short form of the address; the same as str()."""
        return str(self)

    @property
    def reverse_pointer(self):
        """The name used for reverse DNS look-ups, e.g. '1.0.0.127.in-addr.arpa'."""
        return self._reverse_pointer()

    @property
    def version(self):
        return self._version

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    # The other comparisons are all built from __lt__ and __eq__.
    def __ne__(self, other):
        return not self == other

    def __le__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return self < other or self == other

    def __gt__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return not self < other and self != other

    def __ge__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return not self < other


class _BaseV4:
    """What IPv4 addresses, networks and interfaces have in common."""

    _version = 4
    _max_prefixlen = IPV4LENGTH
    _ALL_ONES = (1 << IPV4LENGTH) - 1

    def _new_address(self, address):
        return IPv4Address(address)

    def _string_from_ip_int(self, ip_int):
        return _string_from_v4_int(ip_int)

    def _explode_shorthand_ip_string(self):
        return str(self)

    def _reverse_pointer(self):
        return '.'.join(_reversed(str(self).split('.'))) + '.in-addr.arpa'

    def _make_netmask(self, mask):
        """(netmask address, prefix length) for a mask like 24, '24',
        '255.255.255.0' or the host mask '0.0.0.255'."""
        if isinstance(mask, int):
            prefixlen = mask
            if prefixlen < 0 or prefixlen > IPV4LENGTH:
                raise _invalid_netmask(prefixlen)
        else:
            prefixlen = _prefix_from_prefix_string(mask, IPV4LENGTH)
            if prefixlen is None:
                prefixlen = self._prefix_from_ip_string(mask)
        netmask = self._ALL_ONES ^ (self._ALL_ONES >> prefixlen)
        return IPv4Address(netmask), prefixlen

    def _prefix_from_ip_string(self, mask):
        try:
            mask_int = _ip_int_from_v4_string(mask)
        except AddressValueError:
            mask_int = None
        if mask_int is None:
            raise _invalid_netmask(mask)
        prefixlen = _prefix_from_mask_int(mask_int, IPV4LENGTH)
        if prefixlen is None:
            # Not a netmask; maybe a host mask like 0.0.0.255.
            prefixlen = _prefix_from_mask_int(mask_int ^ self._ALL_ONES, IPV4LENGTH)
        if prefixlen is None:
            raise _invalid_netmask(mask)
        return prefixlen


class _BaseV6:
    """What IPv6 addresses, networks and interfaces have in common."""

    _version = 6
    _max_prefixlen = IPV6LENGTH
    _ALL_ONES = (1 << IPV6LENGTH) - 1

    def _new_address(self, address):
        return IPv6Address(address)

    def _string_from_ip_int(self, ip_int):
        return _string_from_v6_int(ip_int)

    def _explode_shorthand_ip_string(self):
        if isinstance(self, IPv6Network):
            ip_str = str(self.network_address)
        elif isinstance(self, IPv6Interface):
            ip_str = str(self.ip)
        else:
            ip_str = str(self)
        text = _exploded_v6_int(_ip_int_from_v6_string(ip_str))
        if isinstance(self, IPv6Network) or isinstance(self, IPv6Interface):
            return f"{text}/{self._prefixlen}"
        return text

    def _reverse_pointer(self):
        chars = [ch for ch in _reversed(self.exploded) if ch != ':']
        return '.'.join(chars) + '.ip6.arpa'

    def _make_netmask(self, mask):
        """(netmask address, prefix length) for a mask like 64 or '64'."""
        if isinstance(mask, int):
            prefixlen = mask
            if prefixlen < 0 or prefixlen > IPV6LENGTH:
                raise _invalid_netmask(prefixlen)
        else:
            prefixlen = _prefix_from_prefix_string(mask, IPV6LENGTH)
            if prefixlen is None:
                raise _invalid_netmask(mask)
        netmask = self._ALL_ONES ^ (self._ALL_ONES >> prefixlen)
        return IPv6Address(netmask), prefixlen


# ---------------------------------------------------------------------------
# Addresses.

class _BaseAddress(_IPAddressBase):
    """A single address; the number is kept in self._ip."""

    def _check_int_address(self, address):
        if address < 0:
            raise AddressValueError(
                f"{address} (< 0) is not permitted as an IPv{self._version} address")
        if address > self._ALL_ONES:
            raise AddressValueError(
                f"{address} (>= 2**{self._max_prefixlen}) is not permitted"
                f" as an IPv{self._version} address")

    def _check_packed_address(self, address, expected_len):
        if len(address) != expected_len:
            raise AddressValueError(
                f"{repr(address)} (len {len(address)} != {expected_len}) is not permitted"
                f" as an IPv{self._version} address")

    def _interface_network(self):
        """The network of an interface; None for a plain address."""
        return None

    def _comparable(self, other):
        return isinstance(other, _BaseAddress)

    def __int__(self):
        return self._ip

    def __str__(self):
        return self._string_from_ip_int(self._ip)

    def __repr__(self):
        return f"{type(self).__name__}({repr(str(self))})"

    def __hash__(self):
        return _fold_hash(self._ip)

    def __eq__(self, other):
        if not isinstance(other, _BaseAddress):
            return False
        if self._version != other._version or self._ip != other._ip:
            return False
        if self._version == 6 and self._scope_id != other._scope_id:
            return False
        # A plain address never equals an interface (an address on a network).
        mine = self._interface_network()
        theirs = other._interface_network()
        if mine is None or theirs is None:
            return mine is None and theirs is None
        return mine == theirs

    def __lt__(self, other):
        if not isinstance(other, _BaseAddress):
            return NotImplemented
        if self._version != other._version:
            raise TypeError(f"{self} and {other} are not of the same version")
        mine = self._interface_network()
        theirs = other._interface_network()
        if mine is None and theirs is None:
            return self._ip < other._ip
        # Plain addresses sort before all interfaces; interfaces sort by network first.
        if mine is None:
            return True
        if theirs is None:
            return False
        return mine < theirs or (mine == theirs and self._ip < other._ip)

    def __add__(self, other):
        if not isinstance(other, int):
            raise TypeError(f"unsupported operand type(s) for +: "
                            f"'{type(self).__name__}' and '{type(other).__name__}'")
        return type(self)(int(self) + other)

    def __sub__(self, other):
        if not isinstance(other, int):
            raise TypeError(f"unsupported operand type(s) for -: "
                            f"'{type(self).__name__}' and '{type(other).__name__}'")
        return type(self)(int(self) - other)

    def __format__(self, fmt):
        """Supports '' and 's' (text) plus 'b', 'x', 'X', 'n' with optional '#' and '_'."""
        if fmt == '':
            return str(self)
        if fmt[-1] == 's':
            return ("{:" + fmt + "}").format(str(self))
        alternate = ''
        grouping = ''
        base = fmt
        if base.startswith('#'):
            alternate = '#'
            base = base[1:]
        if base.startswith('_'):
            grouping = '_'
            base = base[1:]
        if base not in ['b', 'x', 'X', 'n']:
            raise TypeError(
                f"unsupported format string passed to {type(self).__name__}.__format__")
        if base == 'n':
            if self._version == 4:
                base = 'b'
            else:
                base = 'x'
        digits = ("{:" + base + "}").format(int(self))
        if base == 'b':
            width = self._max_prefixlen
        else:
            width = self._max_prefixlen // 4
        digits = '0' * (width - len(digits)) + digits
        if grouping:
            digits = '_'.join([digits[i:i + 4] for i in range(0, width, 4)])
        if alternate:
            if base == 'X':
                digits = '0X' + digits
            else:
                digits = '0' + base + digits
        return digits


class IPv4Address(_BaseV4, _BaseAddress):
    """A single IPv4 address such as 192.168.1.1."""

    def __init__(self, address):
        if isinstance(address, int):
            self._check_int_address(address)
            self._ip = address
            return
        if isinstance(address, bytes):
            self._check_packed_address(address, 4)
            self._ip = int.from_bytes(address, 'big')
            return
        addr_str = str(address)
        if '/' in addr_str:
            raise AddressValueError(f"Unexpected '/' in {repr(address)}")
        self._ip = _ip_int_from_v4_string(addr_str)

    @property
    def packed(self):
        """The address as 4 bytes, most significant first."""
        return self._ip.to_bytes(4, 'big')

    @property
    def is_private(self):
        """True for addresses IANA sets aside, like 10/8, 172.16/12, 192.168/16, 127/8."""
        return _in_any(self, _IPV4_PRIVATE_NETWORKS)

    @property
    def is_global(self):
        return self not in _IPV4_SHARED_NETWORK and not self.is_private

    @property
    def is_reserved(self):
        return self in _IPV4_RESERVED_NETWORK

    @property
    def is_multicast(self):
        return self in _IPV4_MULTICAST_NETWORK

    @property
    def is_unspecified(self):
        return self == _IPV4_UNSPECIFIED_ADDRESS

    @property
    def is_loopback(self):
        return self in _IPV4_LOOPBACK_NETWORK

    @property
    def is_link_local(self):
        return self in _IPV4_LINK_LOCAL_NETWORK


class IPv6Address(_BaseV6, _BaseAddress):
    """A single IPv6 address such as 2001:db8::1 (optionally with a %scope)."""

    def __init__(self, address):
        self._scope_id = None
        if isinstance(address, int):
            self._check_int_address(address)
            self._ip = address
            return
        if isinstance(address, bytes):
            self._check_packed_address(address, 16)
            self._ip = int.from_bytes(address, 'big')
            return
        addr_str = str(address)
        if '/' in addr_str:
            raise AddressValueError(f"Unexpected '/' in {repr(address)}")
        percent = addr_str.find('%')
        if percent >= 0:
            scope_id = addr_str[percent + 1:]
            if not scope_id or '%' in scope_id:
                raise AddressValueError(f'Invalid IPv6 address: "{repr(addr_str)}"')
            self._scope_id = scope_id
            addr_str = addr_str[:percent]
        self._ip = _ip_int_from_v6_string(addr_str)

    def _address_text(self):
        text = _string_from_v6_int(self._ip)
        if self._scope_id:
            return text + '%' + self._scope_id
        return text

    def __str__(self):
        return self._address_text()

    def __hash__(self):
        if self._scope_id:
            return _fold_hash(self._ip + len(self._scope_id))
        return _fold_hash(self._ip)

    @property
    def scope_id(self):
        return self._scope_id

    @property
    def packed(self):
        """The address as 16 bytes, most significant first."""
        return self._ip.to_bytes(16, 'big')

    @property
    def ipv4_mapped(self):
        """For ::ffff:a.b.c.d the IPv4Address a.b.c.d, otherwise None."""
        if (self._ip >> 32) != 0xFFFF:
            return None
        return IPv4Address(self._ip & 0xFFFFFFFF)

    @property
    def is_private(self):
        ipv4 = self.ipv4_mapped
        if ipv4 is not None:
            return ipv4.is_private
        return _in_any(self, _IPV6_PRIVATE_NETWORKS)

    @property
    def is_global(self):
        return not self.is_private

    @property
    def is_reserved(self):
        return _in_any(self, _IPV6_RESERVED_NETWORKS)

    @property
    def is_multicast(self):
        return self in _IPV6_MULTICAST_NETWORK

    @property
    def is_link_local(self):
        return self in _IPV6_LINK_LOCAL_NETWORK

    @property
    def is_site_local(self):
        return self in _IPV6_SITE_LOCAL_NETWORK

    @property
    def is_unspecified(self):
        return self._ip == 0

    @property
    def is_loopback(self):
        return self._ip == 1


# ---------------------------------------------------------------------------
# Interfaces: an address together with the network it sits on.

class IPv4Interface(IPv4Address):
    """An IPv4 address on a network, e.g. 192.168.1.77/24."""

    def __init__(self, address):
        addr, mask = _split_addr_prefix(address, IPV4LENGTH)
        super().__init__(addr)
        self.network = IPv4Network((addr, mask), strict=False)
        self.netmask = self.network.netmask
        self._prefixlen = self.network._prefixlen

    def _interface_network(self):
        return self.network

    def __str__(self):
        return f"{_string_from_v4_int(self._ip)}/{self._prefixlen}"

    def __hash__(self):
        return _fold_hash(self._ip * 256 + self._prefixlen)

    @property
    def ip(self):
        return IPv4Address(self._ip)

    @property
    def hostmask(self):
        return self.network.hostmask

    @property
    def with_prefixlen(self):
        return f"{_string_from_v4_int(self._ip)}/{self._prefixlen}"

    @property
    def with_netmask(self):
        return f"{_string_from_v4_int(self._ip)}/{self.netmask}"

    @property
    def with_hostmask(self):
        return f"{_string_from_v4_int(self._ip)}/{self.hostmask}"


class IPv6Interface(IPv6Address):
    """An IPv6 address on a network, e.g. fe80::1/64."""

    def __init__(self, address):
        addr, mask = _split_addr_prefix(address, IPV6LENGTH)
        super().__init__(addr)
        self.network = IPv6Network((addr, mask), strict=False)
        self.netmask = self.network.netmask
        self._prefixlen = self.network._prefixlen

    def _interface_network(self):
        return self.network

    def __str__(self):
        return f"{self._address_text()}/{self._prefixlen}"

    def __hash__(self):
        return _fold_hash(self._ip * 256 + self._prefixlen)

    @property
    def ip(self):
        return IPv6Address(self._ip)

    @property
    def hostmask(self):
        return self.network.hostmask

    @property
    def with_prefixlen(self):
        return f"{_string_from_v6_int(self._ip)}/{self._prefixlen}"

    @property
    def with_netmask(self):
        return f"{_string_from_v6_int(self._ip)}/{self.netmask}"

    @property
    def with_hostmask(self):
        return f"{_string_from_v6_int(self._ip)}/{self.hostmask}"

    @property
    def is_unspecified(self):
        return self._ip == 0 and self.network.is_unspecified

    @property
    def is_loopback(self):
        return self._ip == 1 and self.network.is_loopback


# ---------------------------------------------------------------------------
# Networks.

class _BaseNetwork(_IPAddressBase):
    """A block of addresses: network_address and the following num_addresses - 1."""

    def _setup(self, address, strict):
        addr, mask = _split_addr_prefix(address, self._max_prefixlen)
        self.network_address = self._new_address(addr)
        netmask, prefixlen = self._make_netmask(mask)
        self.netmask = netmask
        self._prefixlen = prefixlen
        packed = int(self.network_address)
        if (packed & int(netmask)) != packed:
            if strict:
                raise ValueError(f"{self} has host bits set")
            self.network_address = self._new_address(packed & int(netmask))

    def _comparable(self, other):
        return isinstance(other, _BaseNetwork)

    def _addresses(self, first, last):
        """The addresses from the integers first to last (inclusive), as a list."""
        result = []
        current = first
        while current <= last:
            result.append(self._new_address(current))
            current += 1
        return result

    def __str__(self):
        return f"{self.network_address}/{self._prefixlen}"

    def __repr__(self):
        return f"{type(self).__name__}({repr(str(self))})"

    def __hash__(self):
        return _fold_hash(int(self.network_address) ^ int(self.netmask))

    def __eq__(self, other):
        if not isinstance(other, _BaseNetwork):
            return False
        return (self._version == other._version
                and self.network_address == other.network_address
                and int(self.netmask) == int(other.netmask))

    def __lt__(self, other):
        if not isinstance(other, _BaseNetwork):
            return NotImplemented
        if self._version != other._version:
            raise TypeError(f"{self} and {other} are not of the same version")
        if self.network_address != other.network_address:
            return self.network_address < other.network_address
        if self.netmask != other.netmask:
            return self.netmask < other.netmask
        return False

    def __contains__(self, other):
        if self._version != other._version:
            return False
        if isinstance(other, _BaseNetwork):
            return False
        return (other._ip & self.netmask._ip) == self.network_address._ip

    def __iter__(self):
        first = int(self.network_address)
        last = int(self.broadcast_address)
        return iter(self._addresses(first, last))

    def __getitem__(self, n):
        first = int(self.network_address)
        last = int(self.broadcast_address)
        if n >= 0:
            if first + n > last:
                raise IndexError('address out of range')
            return self._new_address(first + n)
        n += 1
        if last + n < first:
            raise IndexError('address out of range')
        return self._new_address(last + n)

    def hosts(self):
        """The addresses a host may use, as a list.  IPv4 leaves out the network
        and broadcast addresses, IPv6 only the network address; a /31 (/127)
        keeps both of its addresses and a /32 (/128) its single one."""
        first = int(self.network_address)
        last = int(self.broadcast_address)
        if self._prefixlen == self._max_prefixlen:
            return [self.network_address]
        if self._prefixlen == self._max_prefixlen - 1:
            return self._addresses(first, last)
        if self._version == 4:
            return self._addresses(first + 1, last - 1)
        return self._addresses(first + 1, last)

    @property
    def broadcast_address(self):
        return self._new_address(int(self.network_address) | int(self.hostmask))

    @property
    def hostmask(self):
        return self._new_address(int(self.netmask) ^ self._ALL_ONES)

    @property
    def prefixlen(self):
        return self._prefixlen

    @property
    def num_addresses(self):
        return int(self.broadcast_address) - int(self.network_address) + 1

    @property
    def with_prefixlen(self):
        return f"{self.network_address}/{self._prefixlen}"

    @property
    def with_netmask(self):
        return f"{self.network_address}/{self.netmask}"

    @property
    def with_hostmask(self):
        return f"{self.network_address}/{self.hostmask}"

    def overlaps(self, other):
        """True if the two networks share at least one address."""
        return (self.network_address in other
                or self.broadcast_address in other
                or other.network_address in self
                or other.broadcast_address in self)

    def subnet_of(self, other):
        """True if this network lies inside other."""
        return _is_subnet_of(self, other)

    def supernet_of(self, other):
        """True if other lies inside this network."""
        return _is_subnet_of(other, self)

    def subnets(self, prefixlen_diff=1, new_prefix=None):
        """Split the network into smaller ones, returned as a list: with
        prefixlen_diff=n into 2**n parts, or into networks of length new_prefix."""
        if self._prefixlen == self._max_prefixlen:
            return [self]
        if new_prefix is not None:
            if new_prefix < self._prefixlen:
                raise ValueError('new prefix must be longer')
            if prefixlen_diff != 1:
                raise ValueError('cannot set prefixlen_diff and new_prefix')
            prefixlen_diff = new_prefix - self._prefixlen
        if prefixlen_diff < 0:
            raise ValueError('prefix length diff must be > 0')
        new_prefixlen = self._prefixlen + prefixlen_diff
        if new_prefixlen > self._max_prefixlen:
            raise ValueError(
                f"prefix length diff {new_prefixlen} is invalid for netblock {self}")
        start = int(self.network_address)
        end = int(self.broadcast_address) + 1
        step = (int(self.hostmask) + 1) >> prefixlen_diff
        result = []
        current = start
        while current < end:
            result.append(type(self)((current, new_prefixlen)))
            current += step
        return result

    def supernet(self, prefixlen_diff=1, new_prefix=None):
        """The larger network containing this one (prefix shorter by prefixlen_diff)."""
        if self._prefixlen == 0:
            return self
        if new_prefix is not None:
            if new_prefix > self._prefixlen:
                raise ValueError('new prefix must be shorter')
            if prefixlen_diff != 1:
                raise ValueError('cannot set prefixlen_diff and new_prefix')
            prefixlen_diff = self._prefixlen - new_prefix
        new_prefixlen = self._prefixlen - prefixlen_diff
        if new_prefixlen < 0:
            raise ValueError(f"current prefixlen is {self._prefixlen}, "
                             f"cannot have a prefixlen_diff of {prefixlen_diff}")
        start = int(self.network_address) & (int(self.netmask) << prefixlen_diff)
        return type(self)((start, new_prefixlen))

    def address_exclude(self, other):
        """The networks that together cover self without other, as a list."""
        if self._version != other._version:
            raise TypeError(f"{self} and {other} are not of the same version")
        if not isinstance(other, _BaseNetwork):
            raise TypeError(f"{other} is not a network object")
        if not other.subnet_of(self):
            raise ValueError(f"{other} not contained in {self}")
        result = []
        if other == self:
            return result
        other = type(other)(f"{other.network_address}/{other.prefixlen}")
        halves = self.subnets()
        s1 = halves[0]
        s2 = halves[1]
        while s1 != other and s2 != other:
            if other.subnet_of(s1):
                result.append(s2)
                halves = s1.subnets()
            elif other.subnet_of(s2):
                result.append(s1)
                halves = s2.subnets()
            else:
                raise AssertionError(f"Error performing exclusion: "
                                     f"s1: {s1} s2: {s2} other: {other}")
            s1 = halves[0]
            s2 = halves[1]
        if s1 == other:
            result.append(s2)
        else:
            result.append(s1)
        return result

    @property
    def is_private(self):
        for network in self._private_networks():
            if self.network_address in network and self.broadcast_address in network:
                return True
        return False

    @property
    def is_global(self):
        return not self.is_private

    @property
    def is_multicast(self):
        return self.network_address.is_multicast and self.broadcast_address.is_multicast

    @property
    def is_reserved(self):
        return self.network_address.is_reserved and self.broadcast_address.is_reserved

    @property
    def is_link_local(self):
        return self.network_address.is_link_local and self.broadcast_address.is_link_local

    @property
    def is_unspecified(self):
        return self.network_address.is_unspecified and self.broadcast_address.is_unspecified

    @property
    def is_loopback(self):
        return self.network_address.is_loopback and self.broadcast_address.is_loopback


def _is_subnet_of(a, b):
    """True if network a lies inside network b."""
    if not isinstance(a, _IPAddressBase) or not isinstance(b, _IPAddressBase):
        raise TypeError(f"Unable to test subnet containment between {a} and {b}")
    if a._version != b._version:
        raise TypeError(f"{a} and {b} are not of the same version")
    if not isinstance(a, _BaseNetwork) or not isinstance(b, _BaseNetwork):
        raise TypeError(f"Unable to test subnet containment between {a} and {b}")
    return (b.network_address <= a.network_address
            and b.broadcast_address >= a.broadcast_address)


class IPv4Network(_BaseV4, _BaseNetwork):
    """A block of IPv4 addresses such as 192.168.1.0/24.

    The mask may be a prefix length ('/24'), a netmask ('/255.255.255.0') or a
    host mask ('/0.0.0.255'); without one the network holds a single address.
    With strict=False host bits are silently cleared instead of an error."""

    def __init__(self, address, strict=True):
        self._setup(address, strict)

    def _private_networks(self):
        return _IPV4_PRIVATE_NETWORKS

    @property
    def is_global(self):
        shared = (self.network_address in _IPV4_SHARED_NETWORK
                  and self.broadcast_address in _IPV4_SHARED_NETWORK)
        return not shared and not self.is_private


class IPv6Network(_BaseV6, _BaseNetwork):
    """A block of IPv6 addresses such as 2001:db8::/32."""

    def __init__(self, address, strict=True):
        self._setup(address, strict)

    def _private_networks(self):
        return _IPV6_PRIVATE_NETWORKS

    @property
    def is_site_local(self):
        return (self.network_address.is_site_local
                and self.broadcast_address.is_site_local)


# ---------------------------------------------------------------------------
# Special ranges (the lists of CPython 3.11.7, from the IANA special-purpose registries).

_IPV4_LINK_LOCAL_NETWORK = IPv4Network('169.254.0.0/16')
_IPV4_LOOPBACK_NETWORK = IPv4Network('127.0.0.0/8')
_IPV4_MULTICAST_NETWORK = IPv4Network('224.0.0.0/4')
_IPV4_SHARED_NETWORK = IPv4Network('100.64.0.0/10')     # carrier-grade NAT
_IPV4_RESERVED_NETWORK = IPv4Network('240.0.0.0/4')
_IPV4_UNSPECIFIED_ADDRESS = IPv4Address('0.0.0.0')
_IPV4_PRIVATE_NETWORKS = [
    IPv4Network('0.0.0.0/8'),
    IPv4Network('10.0.0.0/8'),
    IPv4Network('127.0.0.0/8'),
    IPv4Network('169.254.0.0/16'),
    IPv4Network('172.16.0.0/12'),
    IPv4Network('192.0.0.0/29'),
    IPv4Network('192.0.0.170/31'),
    IPv4Network('192.0.2.0/24'),
    IPv4Network('192.168.0.0/16'),
    IPv4Network('198.18.0.0/15'),
    IPv4Network('198.51.100.0/24'),
    IPv4Network('203.0.113.0/24'),
    IPv4Network('240.0.0.0/4'),
    IPv4Network('255.255.255.255/32'),
]

_IPV6_LINK_LOCAL_NETWORK = IPv6Network('fe80::/10')
_IPV6_MULTICAST_NETWORK = IPv6Network('ff00::/8')
_IPV6_SITE_LOCAL_NETWORK = IPv6Network('fec0::/10')
_IPV6_PRIVATE_NETWORKS = [
    IPv6Network('::1/128'),
    IPv6Network('::/128'),
    IPv6Network('::ffff:0:0/96'),
    IPv6Network('100::/64'),
    IPv6Network('2001::/23'),
    IPv6Network('2001:2::/48'),
    IPv6Network('2001:db8::/32'),
    IPv6Network('2001:10::/28'),
    IPv6Network('fc00::/7'),
    IPv6Network('fe80::/10'),
]
_IPV6_RESERVED_NETWORKS = [
    IPv6Network('::/8'), IPv6Network('100::/8'),
    IPv6Network('200::/7'), IPv6Network('400::/6'),
    IPv6Network('800::/5'), IPv6Network('1000::/4'),
    IPv6Network('4000::/3'), IPv6Network('6000::/3'),
    IPv6Network('8000::/3'), IPv6Network('A000::/3'),
    IPv6Network('C000::/3'), IPv6Network('E000::/4'),
    IPv6Network('F000::/5'), IPv6Network('F800::/6'),
    IPv6Network('FE00::/9'),
]
