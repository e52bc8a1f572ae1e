# logger.exception and exc_info: the traceback follows the message. Paths are shortened
# to the file's name so the output does not depend on where the test runs.
import logging
import sys


class Collect(logging.Handler):
    def __init__(self):
        logging.Handler.__init__(self)
        self.lines = []

    def emit(self, record):
        text = self.format(record)
        for line in text.split('\n'):
            if line.startswith('  File "'):
                path = line.split('"')[1]
                line = line.replace(path, path.rsplit('/', 1)[-1])
            if line.strip(' ^~'):
                self.lines.append(line)


collect = Collect()
log = logging.getLogger('client')
log.addHandler(collect)


def connect(port):
    if port < 1024:
        raise PermissionError(13, 'Permission denied')
    return port


def start(port):
    try:
        return connect(port)
    except OSError:
        log.exception('cannot connect to port %d', port)


start(80)
try:
    {}['missing']
except KeyError as e:
    log.error('lookup failed: %s', e, exc_info=True)
    log.warning('exc_info given the exception', exc_info=e)
    log.warning('no exc_info')
log.info('not enabled: the effective level is WARNING')
log.error('outside an except block', exc_info=True)
print('\n'.join(collect.lines))
connect(22)
