class = "server"
