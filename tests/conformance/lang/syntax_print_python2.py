# Python 2's print statement is a SyntaxError; nothing runs, not even the first print.
print("this line is never printed: the file does not compile")
host = "localhost"
print "Connecting to", host
