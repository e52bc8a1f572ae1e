
def main():
    data = "hello"
    print "Received:", data

main()
