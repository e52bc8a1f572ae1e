def serve():
return 1
