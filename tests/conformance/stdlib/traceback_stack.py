# The running stack: print_stack, format_stack, extract_stack, FrameSummary and
# format_list, from nested functions; paths shortened.
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


def inner():
    traceback.print_stack(file=OUT)
    show(''.join(traceback.format_stack()))
    show(''.join(traceback.format_stack(limit=1)))
    stack = traceback.extract_stack()
    print(len(stack), [f.name for f in stack], [f.lineno for f in stack])
    last = stack[-1]
    print(last.name, last.lineno, repr(last.line), last[0] == __file__, len(last))
    print(repr(last).replace(__file__, 'PROG'))
    filename, lineno, name, line = last
    print(name, lineno, line)
    print([f.name for f in traceback.extract_stack(limit=2)])
    print([f.name for f in traceback.extract_stack(limit=-1)])


def outer():
    inner()


outer()
rows = [('server.py', 12, 'handle', 'data = self.request.recv(1024)'),
        ('server.py', 30, '<module>', None),
        traceback.FrameSummary('client.py', 7, 'main', line='  s.connect(addr)  ')]
print(traceback.format_list(rows))
traceback.print_list(rows, file=OUT)
print(traceback.FrameSummary('x.py', 1, 'f', line='y'))
print(traceback.FrameSummary('x.py', 1, 'f', line='y') == ('x.py', 1, 'f', 'y'))
print(traceback.StackSummary.from_list(rows[:1]))
traceback.print_stack()
