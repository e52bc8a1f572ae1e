class M:
    pass
with M():
pass
