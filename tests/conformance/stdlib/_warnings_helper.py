# Imported by warnings_*.py: warnings raised from a module that is not __main__.
import threading
import warnings


def old_api():
    # A DeprecationWarning from here is ignored by the default filters.
    warnings.warn('old_api() is deprecated', DeprecationWarning)
    return threading.currentThread().name


def caller_warns():
    warnings.warn('blame my caller', UserWarning, stacklevel=2)
