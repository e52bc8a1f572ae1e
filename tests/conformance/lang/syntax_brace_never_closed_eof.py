config = {
    "host": "localhost",
    "port": 80,
