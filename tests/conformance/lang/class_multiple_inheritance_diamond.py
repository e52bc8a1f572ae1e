# Multiple inheritance with a diamond: C3 linearisation decides the order.
class Base:
    def who(self):
        return ["Base"]
    def hello(self):
        return "Base.hello"

class Left(Base):
    def who(self):
        return ["Left"] + super().who()

class Right(Base):
    def who(self):
        return ["Right"] + super().who()
    def hello(self):
        return "Right.hello"

class Bottom(Left, Right):
    def who(self):
        return ["Bottom"] + super().who()

class Bottom2(Right, Left):
    def who(self):
        return ["Bottom2"] + super().who()

print(Bottom().who())
print(Bottom2().who())
print(Bottom().hello(), Bottom2().hello(), Left().hello())

class InitBase:
    def __init__(self):
        print("InitBase.__init__")
class A(InitBase):
    def __init__(self):
        print("A.__init__ start")
        super().__init__()
        print("A.__init__ end")
class B(InitBase):
    def __init__(self):
        print("B.__init__ start")
        super().__init__()
        print("B.__init__ end")
class C(A, B):
    def __init__(self):
        print("C.__init__ start")
        super().__init__()
        print("C.__init__ end")
C()
print(isinstance(C(), B), isinstance(A(), B))
