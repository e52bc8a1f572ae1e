# Indented with tabs only: valid.
def classify(n):
	if n < 0:
		return "negative"
	elif n == 0:
		return "zero"
	for i in range(2):
		if i == n:
			return "tiny"
	return "big"
for v in [-1, 0, 1, 5]:
	print(v, classify(v))
