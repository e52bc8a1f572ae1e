# Traceback objects: e.__traceback__ and sys.exc_info()[2] with tb_lineno and tb_next,
# and extract_tb, format_tb, print_tb of them.
import sys
import traceback


class Out:
    """Standard output with the program's path shortened, so the output is the same
    wherever the checkout is."""

    def write(self, text):
        sys.stdout.write(text.replace(__file__, 'PROG'))


OUT = Out()


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
    print(str(traceback.extract_tb(tb, limit=1)).replace(__file__, 'P'), str(traceback.extract_tb(tb, limit=-1)).replace(__file__, 'P'))
    traceback.print_tb(tb, file=OUT)
    traceback.print_exception(*sys.exc_info(), file=OUT)
    saved = e
print(saved.__traceback__.tb_lineno)
print(ValueError('x').__traceback__)
