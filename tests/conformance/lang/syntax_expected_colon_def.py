def handle(conn)
    return conn
