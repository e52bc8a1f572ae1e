# if __name__ == "__main__": runs when the file is the main program.
print(__name__)
print(repr(__name__))

def main():
    print("main() called")
    return 0

if __name__ == "__main__":
    print("running as a script")
    main()
else:
    print("imported")

if __name__ != "__main__":
    print("not printed")
print("end")
