def main():
    i = 0
    total = 0
    while i < 1000000:
        total = total + i * 2 % 7
        i += 1
    return total


print(main())
