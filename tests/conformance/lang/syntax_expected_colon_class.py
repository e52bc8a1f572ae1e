class Handler(object)
    pass
