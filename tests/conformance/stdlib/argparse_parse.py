# argparse parsing lists of arguments: options and positionals in every order, nargs,
# actions, prefixes, '--', negative numbers; errors caught as SystemExit, their text
# written to standard output so it is compared whole.
import argparse
import sys


class Parser(argparse.ArgumentParser):
    def _print_message(self, message, file=None):
        if message:
            sys.stdout.write(message)


def port(text):
    n = int(text)
    if not 0 < n < 65536:
        raise argparse.ArgumentTypeError('%d is not a port number' % n)
    return n


p = Parser(prog='tool', formatter_class=lambda prog: argparse.HelpFormatter(prog, width=80))
p.add_argument('host')
p.add_argument('port', type=port, nargs='?', default=7)
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('-t', '--timeout', type=float, default=2.0)
p.add_argument('--mode', choices=['tcp', 'udp'], default='tcp')
p.add_argument('-q', action='store_true')
p.add_argument('--no-color', action='store_false', dest='color')
p.add_argument('--answer', action='store_const', const=42)
p.add_argument('--tag', action='append', dest='tags')
p.add_argument('-n', type=int, nargs=2)
p.add_argument('--files', nargs='+', default=[])
p.add_argument('--level', nargs='?', const='high', default='low')
p.add_argument('--version', action='version', version='%(prog)s 2.5')
g = p.add_mutually_exclusive_group()
g.add_argument('--ipv4', action='store_true')
g.add_argument('--ipv6', action='store_true')
p.set_defaults(extra='yes')

cases = [
    ['localhost'],
    ['localhost', '8080'],
    ['-vv', 'localhost', '-v', '--tag', 'a', '--tag', 'b'],
    ['--timeout=0.5', '--mode', 'udp', 'h', '-q', '--no-color'],
    ['-t0.25', 'h', '--answer', '-n', '1', '2'],
    ['h', '--files', 'a', 'b', 'c'],
    ['h', '--level'],
    ['h', '--level', 'mid'],
    ['h', '--verb', '--ans'],
    ['--', '-h'],
    ['h', '-t', '-1.5'],
    ['h', '--ipv6'],
    [],
    ['h', '99999'],
    ['h', 'x'],
    ['h', '--mode', 'sctp'],
    ['h', '--ipv4', '--ipv6'],
    ['h', '-t'],
    ['h', '-t', 'soon'],
    ['h', '--bogus', '-z', 'extra', 'words'],
    ['h', '-n', '1'],
    ['h', '--files'],
    ['h', '--', '7', 'more'],
    ['--version'],
    ['-h'],
]
for argv in cases:
    print('>>>', argv)
    try:
        ns = p.parse_args(argv)
        print(ns)
    except SystemExit as e:
        print('SystemExit', e.code)

ns, rest = p.parse_known_args(['h', '--zzz', '3', '-q'])
print(ns, rest)

ns = p.parse_args(['h'])
print(ns.host, ns.port, ns.verbose, ns.tags, ns.extra, 'host' in ns, 'nope' in ns)
print(ns == p.parse_args(['h']), ns != p.parse_args(['other']))
print(vars(argparse.Namespace(a=1, b='x')), argparse.Namespace(a=1) == argparse.Namespace(a=1))
print(argparse.Namespace(), argparse.Namespace(port=7, host='::1'))

# exit_on_error=False raises ArgumentError instead of exiting
q = argparse.ArgumentParser(prog='q', exit_on_error=False)
q.add_argument('--n', type=int)
try:
    q.parse_args(['--n', 'x'])
except argparse.ArgumentError as e:
    print('ArgumentError:', e)
    print(e.argument_name, '|', e.message)

# sub-commands
sub = Parser(prog='lab', formatter_class=lambda prog: argparse.HelpFormatter(prog, width=80))
sp = sub.add_subparsers(dest='cmd', help='what to do')
serve = sp.add_parser('serve', help='run a server')
serve.add_argument('--port', type=int, default=0)
send = sp.add_parser('send', help='send one message')
send.add_argument('message')
print(sub.format_help(), end='')
print(sub.parse_args(['serve', '--port', '5']))
print(sub.parse_args(['send', 'hi there']))
print(sub.parse_args([]))
for argv in [['bogus'], ['send']]:
    print('>>>', argv)
    try:
        sub.parse_args(argv)
    except SystemExit as e:
        print('SystemExit', e.code)

# mistakes in the parser itself
try:
    p.add_argument('--tag')
except argparse.ArgumentError as e:
    print('ArgumentError:', e)
try:
    p.add_argument('x', required=True)
except TypeError as e:
    print('TypeError:', e)
try:
    p.add_argument('--bad', nargs=0)
except ValueError as e:
    print('ValueError:', e)
