# `raise e` of a caught exception adds the raising line to its traceback. Paths
# shortened.
import traceback


def show(text):
    print(text.replace(__file__, 'PROG'), end='')


def fetch():
    raise ConnectionResetError(104, 'Connection reset by peer')


try:
    fetch()
except OSError as e:
    try:
        raise e
    except OSError:
        show(traceback.format_exc())


def retry():
    try:
        fetch()
    except OSError as e:
        raise e


retry()
