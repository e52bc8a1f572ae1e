x = 5
s = `x`
