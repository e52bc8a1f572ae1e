# An invalid value on the real command line: usage and error on stderr, exit status 2.
import argparse

parser = argparse.ArgumentParser(prog='client')
parser.add_argument('host')
parser.add_argument('-p', '--port', type=int, default=7)
args = parser.parse_args(['localhost', '--port', 'x'])
print('not reached', args)
