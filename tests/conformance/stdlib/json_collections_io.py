import io
import json
from collections import namedtuple, Counter, OrderedDict, defaultdict, deque
from types import SimpleNamespace

Point = namedtuple("Point", "x y")
print(json.dumps(Point(1, 2)), json.dumps({"p": Point(3, 4)}, indent=1))
print(json.dumps(Counter("aab")), json.dumps(OrderedDict([("z", 1), ("a", 2)]), sort_keys=True))
dd = defaultdict(list)
dd["k"].append(Point(0, 0))
print(json.dumps(dd))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"x": 1, "y": 2}', object_hook=lambda d: SimpleNamespace(**d)))
print(json.loads('[{"x": 1, "y": 2}]', object_hook=lambda d: Point(**d)))
buf = io.StringIO()
json.dump({"lines": ["a", "b"]}, buf, indent=2)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
raw = io.BytesIO(json.dumps({"bytes": True}).encode())
print(json.load(raw))
json.dumps(deque([1, 2]))
