# An exception whose message is the empty string: the last line ends with a colon... or not.
print("raising ValueError('')")
raise ValueError("")
