# argparse's help and usage text, wrapped at several widths (the width is given so the
# terminal running the test does not matter), with every common kind of argument.
import argparse


def build(width, prog='echo-client'):
    p = argparse.ArgumentParser(
        prog=prog,
        description='Connect to an echo server, send each message to it and print '
                    'the reply that comes back. A well-known multi-purpose tool.',
        epilog='Only loopback addresses are used.',
        formatter_class=lambda prog: argparse.HelpFormatter(prog, width=width))
    p.add_argument('host', help='the server host name or address')
    p.add_argument('port', type=int, nargs='?', default=7,
                   help='the port (default: %(default)s)')
    p.add_argument('messages', nargs='*', metavar='MSG', help='what to send')
    p.add_argument('-v', '--verbose', action='count', default=0, help='say more')
    p.add_argument('-t', '--timeout', type=float, default=2.0, metavar='SECS',
                   help='how long to wait for the server before giving up entirely')
    p.add_argument('--mode', choices=['tcp', 'udp'], default='tcp',
                   help='transport, one of %(choices)s')
    p.add_argument('-q', '--quiet', action='store_true')
    p.add_argument('--tag', action='append', dest='tags', help='a tag (repeatable)')
    p.add_argument('-n', type=int, nargs=2, metavar=('LO', 'HI'), help='a range')
    p.add_argument('--version', action='version', version='%(prog)s 1.0')
    g = p.add_mutually_exclusive_group()
    g.add_argument('-4', '--ipv4', action='store_true', help='IPv4 only')
    g.add_argument('-6', '--ipv6', action='store_true', help='IPv6 only')
    net = p.add_argument_group('network', 'Options about the sockets themselves.')
    net.add_argument('--backlog', type=int, default=5, help='listen() backlog')
    net.add_argument('--no-delay', action='store_true', help='set TCP_NODELAY')
    return p


for width in [80, 60, 40, 120]:
    p = build(width)
    print('--- width %d' % width)
    print(p.format_usage(), end='')
    print(p.format_help(), end='')

print('--- a long prog name')
p = build(70, prog='a-rather-long-program-name-that-pushes-the-usage-around')
print(p.format_help(), end='')

print('--- defaults shown')
d = argparse.ArgumentParser(
    prog='server', formatter_class=lambda prog: argparse.ArgumentDefaultsHelpFormatter(prog, width=80))
d.add_argument('--port', type=int, default=8080, help='port to listen on')
d.add_argument('--host', default='127.0.0.1', help='address to bind')
d.add_argument('--reuse', action='store_true', help='set SO_REUSEADDR')
print(d.format_help(), end='')

print('--- raw description')
r = argparse.ArgumentParser(
    prog='raw', formatter_class=lambda prog: argparse.RawDescriptionHelpFormatter(prog, width=80),
    description='line one\n    indented line two\nline three', usage='%(prog)s [options] host')
r.add_argument('host')
print(r.format_help(), end='')

print('--- raw text')
t = argparse.ArgumentParser(
    prog='rawtext', formatter_class=lambda prog: argparse.RawTextHelpFormatter(prog, width=80))
t.add_argument('--layout', help='first line\n  second line, indented')
print(t.format_help(), end='')

print('--- no help')
n = argparse.ArgumentParser(prog='bare', add_help=False)
n.add_argument('x')
print(repr(n.format_usage()))
print(repr(n.format_help()))
