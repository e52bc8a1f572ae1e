# A command-line echo client in the style of the tutorials: argparse reads the server's
# address and the messages; the program starts its own echo server on 127.0.0.1:0 first
# and hands the client that port as if it came from the command line.
import argparse
import socket
import threading


def echo_server(listening, count):
    for _ in range(count):
        conn, peer = listening.accept()
        with conn:
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data)
    listening.close()


def parse(argv):
    parser = argparse.ArgumentParser(
        prog='echo-client', description='Send messages to an echo server.')
    parser.add_argument('host', help='server address')
    parser.add_argument('port', type=int, help='server port')
    parser.add_argument('messages', nargs='+', metavar='MESSAGE')
    parser.add_argument('-c', '--count', type=int, default=1,
                        help='send each message this many times')
    parser.add_argument('-u', '--upper', action='store_true',
                        help='upper-case the messages first')
    parser.add_argument('--timeout', type=float, default=5.0)
    return parser.parse_args(argv)


def run(args):
    with socket.create_connection((args.host, args.port), timeout=args.timeout) as s:
        for message in args.messages:
            if args.upper:
                message = message.upper()
            for i in range(args.count):
                data = message.encode()
                s.sendall(data)
                reply = b''
                while len(reply) < len(data):
                    reply += s.recv(1024)
                print('%d: sent %r, got %r' % (i + 1, data, reply))


listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listening.bind(('127.0.0.1', 0))
listening.listen(5)
port = listening.getsockname()[1]
server = threading.Thread(target=echo_server, args=(listening, 2))
server.start()

args = parse(['127.0.0.1', str(port), 'hello', 'world', '-c', '2'])
print(args.host, args.port == port, args.messages, args.count, args.upper)
run(args)
args = parse(['--upper', '127.0.0.1', str(port), 'quiet please'])
run(args)
server.join()
try:
    parse(['127.0.0.1', 'http', 'x'])
except SystemExit as e:
    print('SystemExit', e.code)
parse(['127.0.0.1'])
