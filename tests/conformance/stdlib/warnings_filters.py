# simplefilter, filterwarnings, resetwarnings and catch_warnings, with the warnings
# recorded and printed to standard output; the last one is turned into an error.
import warnings

print(warnings.filters[0], len(warnings.filters))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    for i in range(2):
        warnings.warn('always: twice', UserWarning)
    warnings.warn('deprecated, recorded', DeprecationWarning)
    print(len(warnings.filters), warnings.filters[0])
print(len(caught), len(warnings.filters))
for w in caught:
    print(w.category.__name__, w.message, type(w.message).__name__, w.lineno, w.filename == __file__)
print(str(caught[0]).replace(__file__, 'FILE'))

with warnings.catch_warnings(record=True) as caught:
    warnings.filterwarnings('ignore', message='noisy')
    warnings.filterwarnings('error', category=RuntimeWarning)
    warnings.filterwarnings('always', message='.*loud', category=UserWarning)
    print(warnings.filters[:3])
    warnings.warn('noisy message')
    warnings.warn('NOISY in capitals')
    warnings.warn('very loud')
    warnings.warn('VERY LOUD')
    warnings.warn('quiet')
    try:
        warnings.warn('an error now', RuntimeWarning)
    except RuntimeWarning as e:
        print('raised', repr(e))
    warnings.simplefilter('once')
    for text in ['a', 'b', 'a', 'b']:
        warnings.warn('once: ' + text)
    warnings.simplefilter('module')
    warnings.warn('module')
    warnings.warn('module')
    warnings.simplefilter('ignore', UserWarning)
    warnings.warn('ignored')
    warnings.warn('not a UserWarning', FutureWarning)
print([str(w.message) for w in caught])

with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    warnings.warn('silenced by catch_warnings')
print(warnings.filters[0])

with warnings.catch_warnings(record=True) as caught:
    warnings.resetwarnings()
    print(warnings.filters)
    warnings.warn('DeprecationWarning: default action after reset', DeprecationWarning)
print(len(caught), caught[0].category)
print(repr(warnings.catch_warnings()), repr(warnings.catch_warnings(record=True)))
for bad in [('sometimes',), ('ignore', 'x', int)]:
    try:
        warnings.filterwarnings(*bad)
    except AssertionError as e:
        print('AssertionError:', e)
warnings.simplefilter('error')
warnings.warn('the end', UserWarning)
