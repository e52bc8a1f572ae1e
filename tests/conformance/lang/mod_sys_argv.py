# sys.argv: only the length and the arguments after the program name are stable.
import sys
print(len(sys.argv))
print(sys.argv[1:])
print(type(sys.argv).__name__, type(sys.argv[0]).__name__)
print(sys.argv[0].endswith("mod_sys_argv.py"))
args = sys.argv[1:]
if len(args) < 1:
    print("usage: mod_sys_argv.py HOST PORT")
host = args[0] if args else "localhost"
port = int(args[1]) if len(args) > 1 else 8080
print(host, port)
