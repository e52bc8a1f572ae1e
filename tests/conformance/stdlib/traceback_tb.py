# Traceback objects: e.__traceback__ and sys.exc_info()[2] with tb_lineno and tb_next,
# and extract_tb, format_tb, print_tb of them.
import sys
import traceback


def connect(port):
    raise ConnectionRefusedError(111, 'Connection refused')


def start(port):
    connect(port)


try:
    start(80)
except OSError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next.tb_lineno, tb.tb_next.tb_next.tb_next)
    print(sys.exc_info()[2].tb_lineno)
    for fs in traceback.extract_tb(tb):
        print(fs.name, fs.lineno, fs.line)
    print(''.join(traceback.format_tb(tb)).replace(__file__, 'P'), end='')
    print(traceback.extract_tb(tb, limit=1), traceback.extract_tb(tb, limit=-1))
    traceback.print_tb(tb, file=sys.stdout)
    traceback.print_exception(*sys.exc_info(), file=sys.stdout)
    saved = e
print(saved.__traceback__.tb_lineno)
print(ValueError('x').__traceback__)
