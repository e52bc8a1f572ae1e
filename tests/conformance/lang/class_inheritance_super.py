# Single inheritance, overriding, super() in __init__ and in methods.
class BaseRequestHandler:
    def __init__(self, request, client_address):
        self.request = request
        self.client_address = client_address
        print("Base.__init__", client_address)
        self.setup()
        self.handle()
        self.finish()

    def setup(self):
        print("Base.setup")

    def handle(self):
        print("Base.handle")

    def finish(self):
        print("Base.finish")

class EchoHandler(BaseRequestHandler):
    def handle(self):
        print("Echo.handle", self.request)

class LoggingHandler(EchoHandler):
    def __init__(self, request, client_address):
        print("Logging.__init__ before super")
        super().__init__(request, client_address)
        print("Logging.__init__ after super")

    def setup(self):
        super().setup()
        print("Logging.setup extra")

    def handle(self):
        print("Logging.handle then:")
        super().handle()

EchoHandler(b"data", ("1.2.3.4", 5))
print("---")
h = LoggingHandler(b"ping", ("5.6.7.8", 9))
print(isinstance(h, LoggingHandler), isinstance(h, EchoHandler), isinstance(h, BaseRequestHandler))
print(isinstance(EchoHandler(b"", ("", 0)), LoggingHandler))
print(type(h).__name__)

class Animal:
    sound = "..."
    def speak(self):
        return type(self).__name__ + " says " + self.sound
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
print(Animal().speak(), Dog().speak(), Puppy().speak())
