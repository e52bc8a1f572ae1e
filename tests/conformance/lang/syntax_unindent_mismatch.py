def handle():
        data = 1
        if data:
            print("x")
    return data
