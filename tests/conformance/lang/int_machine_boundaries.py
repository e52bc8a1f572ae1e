# Arithmetic at the edges of 64-bit machine integers, where a fast path must hand over
# to big integers (found by fuzzing: true division of -2**63 overflowed).
lo = -9223372036854775807 - 1
hi = 9223372036854775807
print(lo / 3, lo / -1, hi / -1, lo / lo)
print(lo // -1, lo % -1, divmod(lo, -1), lo * -1, -lo, abs(lo))
print(lo - 1, hi + 1, hi * 2, lo << 1, hi >> 63, lo >> 63, lo >> 64)
print(-lo == hi + 1, type(-lo).__name__, (lo + 1) * -1 == hi)
print(lo // 2, lo % 7, hi // -7, hi % -7, pow(lo, 2), lo ** 1)
