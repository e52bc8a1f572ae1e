port = 8080
print "listening on port %d" % port
