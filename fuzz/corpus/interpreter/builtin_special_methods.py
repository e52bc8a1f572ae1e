# Special methods of built-in values called by name (socklab: interp/special.rs).
try:
    print('[1, 2].__len__()', '->', repr([1, 2].__len__()))
except Exception as e:
    print('[1, 2].__len__()', '->', type(e).__name__, e)
try:
    print("'a'.__add__('b')", '->', repr('a'.__add__('b')))
except Exception as e:
    print("'a'.__add__('b')", '->', type(e).__name__, e)
try:
    print('(1).__add__(2)', '->', repr((1).__add__(2)))
except Exception as e:
    print('(1).__add__(2)', '->', type(e).__name__, e)
try:
    print('{1: 2}.__getitem__(1)', '->', repr({1: 2}.__getitem__(1)))
except Exception as e:
    print('{1: 2}.__getitem__(1)', '->', type(e).__name__, e)
try:
    print('{1: 2}.__contains__(1)', '->', repr({1: 2}.__contains__(1)))
except Exception as e:
    print('{1: 2}.__contains__(1)', '->', type(e).__name__, e)
try:
    print('[1].__class__.__name__', '->', repr([1].__class__.__name__))
except Exception as e:
    print('[1].__class__.__name__', '->', type(e).__name__, e)
try:
    print('(5).__str__()', '->', repr((5).__str__()))
except Exception as e:
    print('(5).__str__()', '->', type(e).__name__, e)
try:
    print("'x'.__repr__()", '->', repr('x'.__repr__()))
except Exception as e:
    print("'x'.__repr__()", '->', type(e).__name__, e)
try:
    print('[3, 1].__iter__().__next__()', '->', repr([3, 1].__iter__().__next__()))
except Exception as e:
    print('[3, 1].__iter__().__next__()', '->', type(e).__name__, e)
try:
    print('(1, 2).__hash__() == hash((1, 2))', '->', repr((1, 2).__hash__() == hash((1, 2))))
except Exception as e:
    print('(1, 2).__hash__() == hash((1, 2))', '->', type(e).__name__, e)
try:
    print("b'ab'.__len__()", '->', repr(b'ab'.__len__()))
except Exception as e:
    print("b'ab'.__len__()", '->', type(e).__name__, e)
try:
    print('{1}.__contains__(1)', '->', repr({1}.__contains__(1)))
except Exception as e:
    print('{1}.__contains__(1)', '->', type(e).__name__, e)
try:
    print('(2).__mul__(3)', '->', repr((2).__mul__(3)))
except Exception as e:
    print('(2).__mul__(3)', '->', type(e).__name__, e)
try:
    print('(2.5).__int__()', '->', repr((2.5).__int__()))
except Exception as e:
    print('(2.5).__int__()', '->', type(e).__name__, e)
try:
    print("'abc'.__getitem__(1)", '->', repr('abc'.__getitem__(1)))
except Exception as e:
    print("'abc'.__getitem__(1)", '->', type(e).__name__, e)
try:
    print('[1, 2].__contains__(2)', '->', repr([1, 2].__contains__(2)))
except Exception as e:
    print('[1, 2].__contains__(2)', '->', type(e).__name__, e)
try:
    print('(1).__eq__(1)', '->', repr((1).__eq__(1)))
except Exception as e:
    print('(1).__eq__(1)', '->', type(e).__name__, e)
try:
    print("'a'.__eq__('a')", '->', repr('a'.__eq__('a')))
except Exception as e:
    print("'a'.__eq__('a')", '->', type(e).__name__, e)
try:
    print('type(3).__name__', '->', repr(type(3).__name__))
except Exception as e:
    print('type(3).__name__', '->', type(e).__name__, e)
try:
    print('(7).__bool__()', '->', repr((7).__bool__()))
except Exception as e:
    print('(7).__bool__()', '->', type(e).__name__, e)
try:
    print('[].__bool__ if False else 1', '->', repr([].__bool__ if False else 1))
except Exception as e:
    print('[].__bool__ if False else 1', '->', type(e).__name__, e)
try:
    print('object().__str__()[:8]', '->', repr(object().__str__()[:8]))
except Exception as e:
    print('object().__str__()[:8]', '->', type(e).__name__, e)
try:
    print("Exception('x').__str__()", '->', repr(Exception('x').__str__()))
except Exception as e:
    print("Exception('x').__str__()", '->', type(e).__name__, e)
try:
    print('(1).__lt__(2)', '->', repr((1).__lt__(2)))
except Exception as e:
    print('(1).__lt__(2)', '->', type(e).__name__, e)
try:
    print('divmod.__name__', '->', repr(divmod.__name__))
except Exception as e:
    print('divmod.__name__', '->', type(e).__name__, e)
try:
    print('len.__name__', '->', repr(len.__name__))
except Exception as e:
    print('len.__name__', '->', type(e).__name__, e)
try:
    print("'{}'.__mod__ if 0 else 2", '->', repr('{}'.__mod__ if 0 else 2))
except Exception as e:
    print("'{}'.__mod__ if 0 else 2", '->', type(e).__name__, e)
try:
    print('(3).__neg__()', '->', repr((3).__neg__()))
except Exception as e:
    print('(3).__neg__()', '->', type(e).__name__, e)
try:
    print('[1,2].__reversed__().__next__()', '->', repr([1,2].__reversed__().__next__()))
except Exception as e:
    print('[1,2].__reversed__().__next__()', '->', type(e).__name__, e)
try:
    print('{1: 2}.__len__()', '->', repr({1: 2}.__len__()))
except Exception as e:
    print('{1: 2}.__len__()', '->', type(e).__name__, e)
try:
    print('{1: 2}.__iter__().__next__()', '->', repr({1: 2}.__iter__().__next__()))
except Exception as e:
    print('{1: 2}.__iter__().__next__()', '->', type(e).__name__, e)
try:
    print("'ab'.__iter__().__next__()", '->', repr('ab'.__iter__().__next__()))
except Exception as e:
    print("'ab'.__iter__().__next__()", '->', type(e).__name__, e)
try:
    print('(1).__hash__()', '->', repr((1).__hash__()))
except Exception as e:
    print('(1).__hash__()', '->', type(e).__name__, e)
try:
    print("'a'.__hash__() == hash('a')", '->', repr('a'.__hash__() == hash('a')))
except Exception as e:
    print("'a'.__hash__() == hash('a')", '->', type(e).__name__, e)
try:
    print('[1].__eq__([1])', '->', repr([1].__eq__([1])))
except Exception as e:
    print('[1].__eq__([1])', '->', type(e).__name__, e)
try:
    print('(1,).__getitem__(0)', '->', repr((1,).__getitem__(0)))
except Exception as e:
    print('(1,).__getitem__(0)', '->', type(e).__name__, e)
try:
    print('(1, 2).__len__()', '->', repr((1, 2).__len__()))
except Exception as e:
    print('(1, 2).__len__()', '->', type(e).__name__, e)
try:
    print("b'a'.__getitem__(0)", '->', repr(b'a'.__getitem__(0)))
except Exception as e:
    print("b'a'.__getitem__(0)", '->', type(e).__name__, e)
try:
    print('range(3).__len__()', '->', repr(range(3).__len__()))
except Exception as e:
    print('range(3).__len__()', '->', type(e).__name__, e)
try:
    print('range(5).__getitem__(2)', '->', repr(range(5).__getitem__(2)))
except Exception as e:
    print('range(5).__getitem__(2)', '->', type(e).__name__, e)
try:
    print('{1, 2}.__len__()', '->', repr({1, 2}.__len__()))
except Exception as e:
    print('{1, 2}.__len__()', '->', type(e).__name__, e)
try:
    print('(1.5).__round__()', '->', repr((1.5).__round__()))
except Exception as e:
    print('(1.5).__round__()', '->', type(e).__name__, e)
try:
    print('(10).__floordiv__(3)', '->', repr((10).__floordiv__(3)))
except Exception as e:
    print('(10).__floordiv__(3)', '->', type(e).__name__, e)
try:
    print('(10).__mod__(3)', '->', repr((10).__mod__(3)))
except Exception as e:
    print('(10).__mod__(3)', '->', type(e).__name__, e)
try:
    print('(2).__pow__(3)', '->', repr((2).__pow__(3)))
except Exception as e:
    print('(2).__pow__(3)', '->', type(e).__name__, e)
try:
    print("'a'.__mul__(3)", '->', repr('a'.__mul__(3)))
except Exception as e:
    print("'a'.__mul__(3)", '->', type(e).__name__, e)
try:
    print('[1].__add__([2])', '->', repr([1].__add__([2])))
except Exception as e:
    print('[1].__add__([2])', '->', type(e).__name__, e)
try:
    print('[1].__mul__(2)', '->', repr([1].__mul__(2)))
except Exception as e:
    print('[1].__mul__(2)', '->', type(e).__name__, e)
try:
    print('(1).__sub__(1)', '->', repr((1).__sub__(1)))
except Exception as e:
    print('(1).__sub__(1)', '->', type(e).__name__, e)
try:
    print('(1).__truediv__(2)', '->', repr((1).__truediv__(2)))
except Exception as e:
    print('(1).__truediv__(2)', '->', type(e).__name__, e)
try:
    print('(1).__eq__(1.0)', '->', repr((1).__eq__(1.0)))
except Exception as e:
    print('(1).__eq__(1.0)', '->', type(e).__name__, e)
try:
    print('(1.0).__eq__(1)', '->', repr((1.0).__eq__(1)))
except Exception as e:
    print('(1.0).__eq__(1)', '->', type(e).__name__, e)
try:
    print('(1).__add__(1.5)', '->', repr((1).__add__(1.5)))
except Exception as e:
    print('(1).__add__(1.5)', '->', type(e).__name__, e)
try:
    print('(1.5).__radd__(1)', '->', repr((1.5).__radd__(1)))
except Exception as e:
    print('(1.5).__radd__(1)', '->', type(e).__name__, e)
try:
    print("'a'.__eq__(1)", '->', repr('a'.__eq__(1)))
except Exception as e:
    print("'a'.__eq__(1)", '->', type(e).__name__, e)
try:
    print('[1].__eq__((1,))', '->', repr([1].__eq__((1,))))
except Exception as e:
    print('[1].__eq__((1,))', '->', type(e).__name__, e)
try:
    print('[].__hash__', '->', repr([].__hash__))
except Exception as e:
    print('[].__hash__', '->', type(e).__name__, e)
try:
    print('{1}.__or__({2})', '->', repr({1}.__or__({2})))
except Exception as e:
    print('{1}.__or__({2})', '->', type(e).__name__, e)
try:
    print('{1}.__or__([2])', '->', repr({1}.__or__([2])))
except Exception as e:
    print('{1}.__or__([2])', '->', type(e).__name__, e)
try:
    print('(5).__rsub__(7)', '->', repr((5).__rsub__(7)))
except Exception as e:
    print('(5).__rsub__(7)', '->', type(e).__name__, e)
try:
    print('(7).__divmod__(2)', '->', repr((7).__divmod__(2)))
except Exception as e:
    print('(7).__divmod__(2)', '->', type(e).__name__, e)
try:
    print("(2).__lt__('a')", '->', repr((2).__lt__('a')))
except Exception as e:
    print("(2).__lt__('a')", '->', type(e).__name__, e)
try:
    print('{}.__lt__({})', '->', repr({}.__lt__({})))
except Exception as e:
    print('{}.__lt__({})', '->', type(e).__name__, e)
try:
    print('(2.5).__floor__()', '->', repr((2.5).__floor__()))
except Exception as e:
    print('(2.5).__floor__()', '->', type(e).__name__, e)
try:
    print('(-2.5).__ceil__()', '->', repr((-2.5).__ceil__()))
except Exception as e:
    print('(-2.5).__ceil__()', '->', type(e).__name__, e)
try:
    print('(7).__index__()', '->', repr((7).__index__()))
except Exception as e:
    print('(7).__index__()', '->', type(e).__name__, e)
try:
    print("'%s!'.__mod__('x')", '->', repr('%s!'.__mod__('x')))
except Exception as e:
    print("'%s!'.__mod__('x')", '->', type(e).__name__, e)
try:
    print('[1, 2].__iter__().__iter__().__next__()', '->', repr([1, 2].__iter__().__iter__().__next__()))
except Exception as e:
    print('[1, 2].__iter__().__iter__().__next__()', '->', type(e).__name__, e)
try:
    print('(3).__round__(-1)', '->', repr((3).__round__(-1)))
except Exception as e:
    print('(3).__round__(-1)', '->', type(e).__name__, e)
try:
    print("hasattr(1.5, '__and__')", '->', repr(hasattr(1.5, '__and__')))
except Exception as e:
    print("hasattr(1.5, '__and__')", '->', type(e).__name__, e)
try:
    print("hasattr([], '__iter__')", '->', repr(hasattr([], '__iter__')))
except Exception as e:
    print("hasattr([], '__iter__')", '->', type(e).__name__, e)
try:
    print("hasattr(5, '__len__')", '->', repr(hasattr(5, '__len__')))
except Exception as e:
    print("hasattr(5, '__len__')", '->', type(e).__name__, e)
try:
    print('[].__len__(1)', '->', repr([].__len__(1)))
except Exception as e:
    print('[].__len__(1)', '->', type(e).__name__, e)
