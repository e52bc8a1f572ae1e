# quit, exit and help are site's objects: their repr tells how to leave or get help,
# and calling quit/exit raises SystemExit like sys.exit.
print(repr(quit))
print(exit)
print(repr(help))
print(type(quit).__name__, type(help).__name__)
for f in (quit, exit):
    try:
        f(4)
    except SystemExit as e:
        print("SystemExit", e.code)
try:
    quit()
except SystemExit as e:
    print("no code:", e.code)
exit("bye from exit")
