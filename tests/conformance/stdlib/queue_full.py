import queue

q = queue.Queue(1)
q.put("x")
q.put("y", block=False)
