# KeyboardInterrupt raised in code (not by Ctrl-C): traceback and exit status 1.
print("before")
raise KeyboardInterrupt
