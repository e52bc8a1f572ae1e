# LoggerAdapter adds context to every message; NullHandler silences a library's logger;
# a Filter object or function decides per record.
import logging
import sys

h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('%(name)s %(levelname)s %(message)s [%(peer)s]'))
base = logging.getLogger('conn')
base.addHandler(h)
base.setLevel(logging.INFO)
adapter = logging.LoggerAdapter(base, {'peer': '127.0.0.1:40000'})
adapter.info('connected')
adapter.warning('slow: %d ms', 250)
print(adapter, adapter.isEnabledFor(logging.DEBUG), adapter.getEffectiveLevel())


class Upper(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return msg.upper(), kwargs


Upper(base, {'peer': '::1'}).error('shouting')


def only_odd(record):
    return record.args[0] % 2 == 1


base.addFilter(only_odd)
for i in range(4):
    base.info('number %d', i, extra={'peer': 'n/a'})
base.removeFilter(only_odd)


class NoSecrets(logging.Filter):
    def filter(self, record):
        return 'secret' not in record.getMessage()


h.addFilter(NoSecrets())
base.info('public', extra={'peer': 'x'})
base.info('a secret', extra={'peer': 'x'})

lib = logging.getLogger('library')
lib.addHandler(logging.NullHandler())
lib.warning('swallowed by NullHandler, no lastResort')
print(lib.handlers)
try:
    base.info('clash', extra={'message': 'no'})
except KeyError as e:
    print('KeyError:', e)
base.info('missing peer')
