def serve():
    conn = 1
	if conn:
		return conn
print(serve())
