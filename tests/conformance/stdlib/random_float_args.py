import random
random.seed(3)
print(random.randrange(10.0))
print(random.randrange(2, 10.0))
for i in range(2):
    print(random.randrange(1.0, 5))
try:
    random.randrange(1.5)
except ValueError as e:
    print(e)
random.randrange(2.5, 7)
