# logging's loggers, levels, handlers and formats, written to standard output.
import logging
import sys
import threading

print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, logging.NOTSET)
print(logging.getLevelName(10), logging.getLevelName(50), logging.getLevelName(25), logging.getLevelName('ERROR'))
print(logging.getLevelName('NOPE'), logging.WARN, logging.FATAL)

root = logging.getLogger()
log = logging.getLogger('lab.server')
print(root, log, logging.getLogger('lab'), log.parent is logging.getLogger('lab'))
print(log.getEffectiveLevel(), log.level, log.isEnabledFor(logging.INFO), log.propagate)
print(logging.getLogger('lab.server') is log, log.name, root.name, log.handlers)

out = logging.StreamHandler(sys.stdout)
print(out, out.level, out.formatter)
out.setFormatter(logging.Formatter(
    '%(levelname)-8s|%(levelno)2d|%(name)s|%(threadName)s|%(funcName)s|%(lineno)d|'
    '%(module)s|%(filename)s|%(processName)s|%(message)s'))
log.addHandler(out)
log.setLevel(logging.DEBUG)
print(log, log.isEnabledFor(logging.DEBUG), log.getEffectiveLevel())


def serve(n):
    log.debug('serving client %d', n)
    log.info('%s:%d', '127.0.0.1', 40000 + n)
    log.info('by name: %(host)s port %(port)d', {'host': 'localhost', 'port': n})
    log.warning('percent %%d stays when there are no args')
    log.warning('100%')


serve(1)
worker = threading.Thread(target=serve, args=(2,), name='worker-2')
worker.start()
worker.join()

child = logging.getLogger('lab.server.conn')
child.error('from a child: %r', b'bytes')
child.log(logging.CRITICAL, 'log() with a level')
child.log(35, 'a level without a name')
logging.addLevelName(35, 'NOTICE')
child.log(35, 'a named level')
print(logging.getLevelName(35), logging.getLevelName('NOTICE'))

out.setLevel(logging.WARNING)
child.info('below the handler level: not shown')
child.warning('at the handler level')
out.setLevel(logging.NOTSET)

log.setLevel('INFO')
child.debug('below the logger level: not shown')
print(child.getEffectiveLevel(), child.isEnabledFor(logging.DEBUG))

brace = logging.StreamHandler(sys.stdout)
brace.setFormatter(logging.Formatter('{levelname}:{name}:{message!r}', style='{'))
child.addHandler(brace)
child.warning('two handlers, brace style')
child.propagate = False
child.warning('only the child handler now')
child.removeHandler(brace)
child.warning('no handler at all: lastResort prints this on stderr')

filt = logging.Filter('lab.server.conn')
print(filt.filter(logging.makeLogRecord({'name': 'lab.server.conn.x'})),
      filt.filter(logging.makeLogRecord({'name': 'lab.serverx'})))
rec = logging.makeLogRecord({'msg': 'hello %s', 'args': ('there',), 'levelno': 20, 'levelname': 'INFO'})
print(rec, rec.getMessage())
print(logging.Formatter().format(rec), '|', logging.Formatter('%(message)s!').format(rec))

for bad in ['%(message', '{message']:
    try:
        logging.Formatter(bad, style=bad[0])
    except ValueError as e:
        print('ValueError:', e)
for bad in ['x', 'cost: $', '{x}']:
    try:
        logging.Formatter(bad, style='$')
    except ValueError as e:
        print('ValueError:', e)
try:
    logging.Formatter('x', style='^')
except ValueError as e:
    print('ValueError:', e)
dollar = logging.StreamHandler(sys.stdout)
dollar.setFormatter(logging.Formatter('$levelname ${name}: $message ($$5)', style='$'))
child.addHandler(dollar)
child.warning('dollar style')
child.removeHandler(dollar)
try:
    log.setLevel('LOUD')
except ValueError as e:
    print('ValueError:', e)
try:
    log.setLevel(None)
except TypeError as e:
    print('TypeError:', e)

logging.disable(logging.CRITICAL)
log.critical('disabled')
logging.disable(logging.NOTSET)
log.critical('enabled again')
log.info('%d', 'not a number')
