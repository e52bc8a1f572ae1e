# An uncaught NameError's traceback suggests a close name; str(e) does not.
connection = "open"
try:
    print(conection)
except NameError as e:
    print("str(e):", e)
def handler():
    request_data = b"x"
    return request_dat
try:
    handler()
except NameError as e:
    print("str(e):", e)
print("now uncaught:")
print(conection)
