# An uncaught exception inside nested calls: stdout kept, exit status 1.
def average(values):
    return sum(values) / len(values)

def report(data):
    print("count:", len(data))
    print("average:", average(data))

report([1, 2, 3])
report([])
print("not reached")
