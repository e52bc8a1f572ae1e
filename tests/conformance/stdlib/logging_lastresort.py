# With no handler anywhere, a warning or worse goes to stderr as the bare message
# (logging.lastResort); less than a warning is dropped.
import logging

log = logging.getLogger('quiet')
print(logging.lastResort, logging.lastResort.level)
log.info('dropped')
log.warning('shown on stderr without a format')
print(logging.getLogger().handlers, log.handlers)
log.error('the last line of stderr: %d%%', 100)
