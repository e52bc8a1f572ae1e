# Unrecognized arguments end the program with status 2 from inside parse_args().
import argparse

parser = argparse.ArgumentParser(prog='server')
parser.add_argument('--port', type=int, default=0)
print(parser.parse_args(['--port', '5']))
parser.parse_args(['--port', '5', 'extra', '--other'])
print('not reached')
