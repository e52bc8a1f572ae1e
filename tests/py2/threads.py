from threading import Thread
def func():
    for i in range(30):
        time.sleep(1)
        print i
thread=Thread(target=func,args=())   # create a new thread
thread.start()
