from ..inner import greet as hi
LEVEL = 2
