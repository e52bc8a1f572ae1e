# parse_args() with nothing: sys.argv[1:] is empty here, so the positional is missing.
import argparse
import sys

parser = argparse.ArgumentParser(description='Echo client')
parser.add_argument('host', help='the server')
parser.add_argument('port', type=int)
print(sys.argv[1:])
try:
    parser.parse_args()
except SystemExit as e:
    print('SystemExit', repr(e.code))
parser.error('the port is %s' % 'missing')
