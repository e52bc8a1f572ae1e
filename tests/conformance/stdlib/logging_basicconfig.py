# basicConfig and the module-level functions, which configure the root logger on first
# use as CPython's do; the last record goes to standard error.
import logging
import sys
import time

logging.info('before any configuration: nothing')
logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format='%(asctime)s %(levelname)s %(name)s: %(message)s',
                    datefmt='%Y-%m-%d')
root = logging.getLogger()
print(root.level, len(root.handlers), root.handlers[0].stream is sys.stdout)
stamp = time.strftime('%Y-%m-%d')
handler = root.handlers[0]
fmt = handler.formatter
rec = logging.makeLogRecord({'msg': 'x', 'levelname': 'INFO', 'name': 'n'})
print(fmt.format(rec) == stamp + ' INFO n: x' or fmt.format(rec))

logging.Formatter.converter = time.gmtime
fixed = logging.makeLogRecord({'msg': 'at %s', 'args': ('noon',), 'created': 1700000000.125,
                               'msecs': 125.0, 'levelname': 'INFO', 'name': 'clock'})
print(logging.Formatter('%(asctime)s|%(message)s').format(fixed))
print(logging.Formatter('%(asctime)s', datefmt='%H:%M:%S').format(fixed))
print(logging.Formatter('%(asctime)s %(msecs)03d').formatTime(fixed))

logging.basicConfig(level=logging.DEBUG)
print('a second basicConfig changes nothing:', root.level, len(root.handlers))
logging.debug('not shown')
logging.warning('the root logger: %s', 'warning')
logging.getLogger('app').info('through propagation')

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, force=True,
                    format='%(levelname)s:%(name)s:%(message)s')
print(len(root.handlers), root.level)
logging.debug('debug now')
logging.log(logging.INFO, 'log()')
logging.critical('critical')
try:
    logging.basicConfig(stream=sys.stdout, handlers=[], force=True)
except ValueError as e:
    print('ValueError:', e)
try:
    logging.basicConfig(force=True, bogus=1)
except ValueError as e:
    print('ValueError:', e)
logging.basicConfig(force=True)
logging.error('the default format on stderr')
