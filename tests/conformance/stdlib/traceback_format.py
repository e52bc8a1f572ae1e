# traceback's functions on exceptions being handled, handled before, and chained;
# printed to standard output with the program's path shortened. (Every failing line is
# a whole statement, so CPython 3.11 draws no ^^^ marks under part of a line.)
import sys
import traceback


class Out:
    """Standard output with the program's path shortened, so the output is the same
    wherever the checkout is."""

    def write(self, text):
        sys.stdout.write(text.replace(__file__, 'PROG'))


OUT = Out()


def show(text):
    print(text.replace(__file__, 'PROG'), end='')


def connect(port):
    if port < 1024:
        raise PermissionError(13, 'Permission denied')


def start(port):
    connect(port)


print(repr(traceback.format_exc()))
try:
    start(80)
except OSError as e:
    show(traceback.format_exc())
    for item in traceback.format_exception(e):
        show('item: ' + item)
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    traceback.print_exception(e, file=OUT)
    traceback.print_exception(type(e), e, e.__traceback__, file=OUT)
    show(''.join(traceback.format_exception(e, limit=1)))
    show(''.join(traceback.format_exception(e, limit=-1)))
    show(''.join(traceback.format_exception(e, limit=0)))
    print(sys.exc_info()[0], sys.exc_info()[1] is e)
    traceback.print_exc(file=OUT)
    saved = e
print(repr(traceback.format_exc()))
show(''.join(traceback.format_exception(saved)))

try:
    try:
        raise KeyError('key')
    except KeyError:
        raise ValueError('bad value')
except ValueError:
    show(traceback.format_exc())
    show(traceback.format_exc(chain=False))

try:
    try:
        int('x')
    except ValueError as err:
        raise RuntimeError('wrapped') from err
except RuntimeError:
    show(traceback.format_exc())

try:
    try:
        start(22)
    except OSError:
        raise TimeoutError('timed out') from None
except TimeoutError as e:
    show(''.join(traceback.format_exception(e)))

print(traceback.format_exception_only(None), traceback.format_exception(None))
print(traceback.format_exception_only(KeyError('k')), traceback.format_exception_only(ValueError()))
print(traceback.format_exception(ConnectionResetError(104, 'Connection reset by peer')))
print(traceback.extract_tb(None), traceback.format_tb(None))
start(443)
