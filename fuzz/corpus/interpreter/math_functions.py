# math: CPython's functions on numbers and their errors.
import math
try:
    print('math.pi', '->', repr(math.pi))
except Exception as e:
    print('math.pi', '->', type(e).__name__, e)
try:
    print('math.e', '->', repr(math.e))
except Exception as e:
    print('math.e', '->', type(e).__name__, e)
try:
    print('math.tau', '->', repr(math.tau))
except Exception as e:
    print('math.tau', '->', type(e).__name__, e)
try:
    print('math.inf', '->', repr(math.inf))
except Exception as e:
    print('math.inf', '->', type(e).__name__, e)
try:
    print('math.nan', '->', repr(math.nan))
except Exception as e:
    print('math.nan', '->', type(e).__name__, e)
try:
    print('math.sqrt(2)', '->', repr(math.sqrt(2)))
except Exception as e:
    print('math.sqrt(2)', '->', type(e).__name__, e)
try:
    print('math.sqrt(-1)', '->', repr(math.sqrt(-1)))
except Exception as e:
    print('math.sqrt(-1)', '->', type(e).__name__, e)
try:
    print("math.sqrt('x')", '->', repr(math.sqrt('x')))
except Exception as e:
    print("math.sqrt('x')", '->', type(e).__name__, e)
try:
    print('math.exp(1)', '->', repr(math.exp(1)))
except Exception as e:
    print('math.exp(1)', '->', type(e).__name__, e)
try:
    print('math.exp(1000)', '->', repr(math.exp(1000)))
except Exception as e:
    print('math.exp(1000)', '->', type(e).__name__, e)
try:
    print('math.log(10)', '->', repr(math.log(10)))
except Exception as e:
    print('math.log(10)', '->', type(e).__name__, e)
try:
    print('math.log(8, 2)', '->', repr(math.log(8, 2)))
except Exception as e:
    print('math.log(8, 2)', '->', type(e).__name__, e)
try:
    print('math.log(0)', '->', repr(math.log(0)))
except Exception as e:
    print('math.log(0)', '->', type(e).__name__, e)
try:
    print('math.log(-1)', '->', repr(math.log(-1)))
except Exception as e:
    print('math.log(-1)', '->', type(e).__name__, e)
try:
    print('math.log(10**400)', '->', repr(math.log(10**400)))
except Exception as e:
    print('math.log(10**400)', '->', type(e).__name__, e)
try:
    print('math.log(100, 10)', '->', repr(math.log(100, 10)))
except Exception as e:
    print('math.log(100, 10)', '->', type(e).__name__, e)
try:
    print('math.log2(1024)', '->', repr(math.log2(1024)))
except Exception as e:
    print('math.log2(1024)', '->', type(e).__name__, e)
try:
    print('math.log10(1000)', '->', repr(math.log10(1000)))
except Exception as e:
    print('math.log10(1000)', '->', type(e).__name__, e)
try:
    print('math.log1p(1e-10)', '->', repr(math.log1p(1e-10)))
except Exception as e:
    print('math.log1p(1e-10)', '->', type(e).__name__, e)
try:
    print('math.sin(1)', '->', repr(math.sin(1)))
except Exception as e:
    print('math.sin(1)', '->', type(e).__name__, e)
try:
    print('math.cos(math.pi)', '->', repr(math.cos(math.pi)))
except Exception as e:
    print('math.cos(math.pi)', '->', type(e).__name__, e)
try:
    print('math.tan(0.5)', '->', repr(math.tan(0.5)))
except Exception as e:
    print('math.tan(0.5)', '->', type(e).__name__, e)
try:
    print('math.asin(2)', '->', repr(math.asin(2)))
except Exception as e:
    print('math.asin(2)', '->', type(e).__name__, e)
try:
    print('math.acos(0.5)', '->', repr(math.acos(0.5)))
except Exception as e:
    print('math.acos(0.5)', '->', type(e).__name__, e)
try:
    print('math.atan(1)', '->', repr(math.atan(1)))
except Exception as e:
    print('math.atan(1)', '->', type(e).__name__, e)
try:
    print('math.atan2(1, 1)', '->', repr(math.atan2(1, 1)))
except Exception as e:
    print('math.atan2(1, 1)', '->', type(e).__name__, e)
try:
    print('math.hypot(3, 4)', '->', repr(math.hypot(3, 4)))
except Exception as e:
    print('math.hypot(3, 4)', '->', type(e).__name__, e)
try:
    print('math.hypot()', '->', repr(math.hypot()))
except Exception as e:
    print('math.hypot()', '->', type(e).__name__, e)
try:
    print('math.hypot(1, 2, 2)', '->', repr(math.hypot(1, 2, 2)))
except Exception as e:
    print('math.hypot(1, 2, 2)', '->', type(e).__name__, e)
try:
    print('math.floor(2.7)', '->', repr(math.floor(2.7)))
except Exception as e:
    print('math.floor(2.7)', '->', type(e).__name__, e)
try:
    print('math.floor(-2.5)', '->', repr(math.floor(-2.5)))
except Exception as e:
    print('math.floor(-2.5)', '->', type(e).__name__, e)
try:
    print('math.ceil(2.1)', '->', repr(math.ceil(2.1)))
except Exception as e:
    print('math.ceil(2.1)', '->', type(e).__name__, e)
try:
    print('math.floor(5)', '->', repr(math.floor(5)))
except Exception as e:
    print('math.floor(5)', '->', type(e).__name__, e)
try:
    print('math.ceil(True)', '->', repr(math.ceil(True)))
except Exception as e:
    print('math.ceil(True)', '->', type(e).__name__, e)
try:
    print('math.floor(1e30)', '->', repr(math.floor(1e30)))
except Exception as e:
    print('math.floor(1e30)', '->', type(e).__name__, e)
try:
    print('math.floor(math.inf)', '->', repr(math.floor(math.inf)))
except Exception as e:
    print('math.floor(math.inf)', '->', type(e).__name__, e)
try:
    print('math.floor(math.nan)', '->', repr(math.floor(math.nan)))
except Exception as e:
    print('math.floor(math.nan)', '->', type(e).__name__, e)
try:
    print('math.trunc(-2.7)', '->', repr(math.trunc(-2.7)))
except Exception as e:
    print('math.trunc(-2.7)', '->', type(e).__name__, e)
try:
    print('math.fabs(-3)', '->', repr(math.fabs(-3)))
except Exception as e:
    print('math.fabs(-3)', '->', type(e).__name__, e)
try:
    print('math.pow(2, 10)', '->', repr(math.pow(2, 10)))
except Exception as e:
    print('math.pow(2, 10)', '->', type(e).__name__, e)
try:
    print('math.pow(0, -1)', '->', repr(math.pow(0, -1)))
except Exception as e:
    print('math.pow(0, -1)', '->', type(e).__name__, e)
try:
    print('math.pow(10, 400)', '->', repr(math.pow(10, 400)))
except Exception as e:
    print('math.pow(10, 400)', '->', type(e).__name__, e)
try:
    print('math.pow(-8, 1/3)', '->', repr(math.pow(-8, 1/3)))
except Exception as e:
    print('math.pow(-8, 1/3)', '->', type(e).__name__, e)
try:
    print('math.factorial(20)', '->', repr(math.factorial(20)))
except Exception as e:
    print('math.factorial(20)', '->', type(e).__name__, e)
try:
    print('math.factorial(30)', '->', repr(math.factorial(30)))
except Exception as e:
    print('math.factorial(30)', '->', type(e).__name__, e)
try:
    print('math.factorial(-1)', '->', repr(math.factorial(-1)))
except Exception as e:
    print('math.factorial(-1)', '->', type(e).__name__, e)
try:
    print('math.factorial(5.0)', '->', repr(math.factorial(5.0)))
except Exception as e:
    print('math.factorial(5.0)', '->', type(e).__name__, e)
try:
    print('math.gcd(12, 18)', '->', repr(math.gcd(12, 18)))
except Exception as e:
    print('math.gcd(12, 18)', '->', type(e).__name__, e)
try:
    print('math.gcd(12, 18, 27)', '->', repr(math.gcd(12, 18, 27)))
except Exception as e:
    print('math.gcd(12, 18, 27)', '->', type(e).__name__, e)
try:
    print('math.gcd()', '->', repr(math.gcd()))
except Exception as e:
    print('math.gcd()', '->', type(e).__name__, e)
try:
    print('math.lcm(4, 6)', '->', repr(math.lcm(4, 6)))
except Exception as e:
    print('math.lcm(4, 6)', '->', type(e).__name__, e)
try:
    print('math.lcm(4, 6, 0)', '->', repr(math.lcm(4, 6, 0)))
except Exception as e:
    print('math.lcm(4, 6, 0)', '->', type(e).__name__, e)
try:
    print('math.isqrt(17)', '->', repr(math.isqrt(17)))
except Exception as e:
    print('math.isqrt(17)', '->', type(e).__name__, e)
try:
    print('math.isqrt(10**30)', '->', repr(math.isqrt(10**30)))
except Exception as e:
    print('math.isqrt(10**30)', '->', type(e).__name__, e)
try:
    print('math.isqrt(-1)', '->', repr(math.isqrt(-1)))
except Exception as e:
    print('math.isqrt(-1)', '->', type(e).__name__, e)
try:
    print('math.comb(5, 2)', '->', repr(math.comb(5, 2)))
except Exception as e:
    print('math.comb(5, 2)', '->', type(e).__name__, e)
try:
    print('math.comb(100, 50)', '->', repr(math.comb(100, 50)))
except Exception as e:
    print('math.comb(100, 50)', '->', type(e).__name__, e)
try:
    print('math.comb(2, 5)', '->', repr(math.comb(2, 5)))
except Exception as e:
    print('math.comb(2, 5)', '->', type(e).__name__, e)
try:
    print('math.perm(5, 2)', '->', repr(math.perm(5, 2)))
except Exception as e:
    print('math.perm(5, 2)', '->', type(e).__name__, e)
try:
    print('math.perm(5)', '->', repr(math.perm(5)))
except Exception as e:
    print('math.perm(5)', '->', type(e).__name__, e)
try:
    print('math.prod([1, 2, 3, 4])', '->', repr(math.prod([1, 2, 3, 4])))
except Exception as e:
    print('math.prod([1, 2, 3, 4])', '->', type(e).__name__, e)
try:
    print('math.prod([], start=5)', '->', repr(math.prod([], start=5)))
except Exception as e:
    print('math.prod([], start=5)', '->', type(e).__name__, e)
try:
    print('math.prod([2.5, 2])', '->', repr(math.prod([2.5, 2])))
except Exception as e:
    print('math.prod([2.5, 2])', '->', type(e).__name__, e)
try:
    print('math.isnan(math.nan)', '->', repr(math.isnan(math.nan)))
except Exception as e:
    print('math.isnan(math.nan)', '->', type(e).__name__, e)
try:
    print('math.isinf(-math.inf)', '->', repr(math.isinf(-math.inf)))
except Exception as e:
    print('math.isinf(-math.inf)', '->', type(e).__name__, e)
try:
    print('math.isfinite(1.0)', '->', repr(math.isfinite(1.0)))
except Exception as e:
    print('math.isfinite(1.0)', '->', type(e).__name__, e)
try:
    print('math.isclose(1.0, 1.0 + 1e-10)', '->', repr(math.isclose(1.0, 1.0 + 1e-10)))
except Exception as e:
    print('math.isclose(1.0, 1.0 + 1e-10)', '->', type(e).__name__, e)
try:
    print('math.isclose(1, 1.1, rel_tol=0.2)', '->', repr(math.isclose(1, 1.1, rel_tol=0.2)))
except Exception as e:
    print('math.isclose(1, 1.1, rel_tol=0.2)', '->', type(e).__name__, e)
try:
    print('math.copysign(3, -0.0)', '->', repr(math.copysign(3, -0.0)))
except Exception as e:
    print('math.copysign(3, -0.0)', '->', type(e).__name__, e)
try:
    print('math.fmod(7, 3)', '->', repr(math.fmod(7, 3)))
except Exception as e:
    print('math.fmod(7, 3)', '->', type(e).__name__, e)
try:
    print('math.fmod(-7, 3)', '->', repr(math.fmod(-7, 3)))
except Exception as e:
    print('math.fmod(-7, 3)', '->', type(e).__name__, e)
try:
    print('math.fmod(1, 0)', '->', repr(math.fmod(1, 0)))
except Exception as e:
    print('math.fmod(1, 0)', '->', type(e).__name__, e)
try:
    print('math.modf(3.25)', '->', repr(math.modf(3.25)))
except Exception as e:
    print('math.modf(3.25)', '->', type(e).__name__, e)
try:
    print('math.modf(-2.5)', '->', repr(math.modf(-2.5)))
except Exception as e:
    print('math.modf(-2.5)', '->', type(e).__name__, e)
try:
    print('math.frexp(8)', '->', repr(math.frexp(8)))
except Exception as e:
    print('math.frexp(8)', '->', type(e).__name__, e)
try:
    print('math.frexp(0.1)', '->', repr(math.frexp(0.1)))
except Exception as e:
    print('math.frexp(0.1)', '->', type(e).__name__, e)
try:
    print('math.frexp(0)', '->', repr(math.frexp(0)))
except Exception as e:
    print('math.frexp(0)', '->', type(e).__name__, e)
try:
    print('math.ldexp(0.5, 4)', '->', repr(math.ldexp(0.5, 4)))
except Exception as e:
    print('math.ldexp(0.5, 4)', '->', type(e).__name__, e)
try:
    print('math.ldexp(1, 2000)', '->', repr(math.ldexp(1, 2000)))
except Exception as e:
    print('math.ldexp(1, 2000)', '->', type(e).__name__, e)
try:
    print('math.fsum([0.1] * 10)', '->', repr(math.fsum([0.1] * 10)))
except Exception as e:
    print('math.fsum([0.1] * 10)', '->', type(e).__name__, e)
try:
    print('math.fsum([1e100, 1.0, -1e100, 1e-100])', '->', repr(math.fsum([1e100, 1.0, -1e100, 1e-100])))
except Exception as e:
    print('math.fsum([1e100, 1.0, -1e100, 1e-100])', '->', type(e).__name__, e)
try:
    print('sum([0.1] * 10)', '->', repr(sum([0.1] * 10)))
except Exception as e:
    print('sum([0.1] * 10)', '->', type(e).__name__, e)
try:
    print('math.radians(180)', '->', repr(math.radians(180)))
except Exception as e:
    print('math.radians(180)', '->', type(e).__name__, e)
try:
    print('math.degrees(math.pi / 2)', '->', repr(math.degrees(math.pi / 2)))
except Exception as e:
    print('math.degrees(math.pi / 2)', '->', type(e).__name__, e)
try:
    print('math.sqrt(10**400)', '->', repr(math.sqrt(10**400)))
except Exception as e:
    print('math.sqrt(10**400)', '->', type(e).__name__, e)
try:
    print('math.cosh(1000)', '->', repr(math.cosh(1000)))
except Exception as e:
    print('math.cosh(1000)', '->', type(e).__name__, e)
try:
    print('math.atanh(1)', '->', repr(math.atanh(1)))
except Exception as e:
    print('math.atanh(1)', '->', type(e).__name__, e)
try:
    print('math.acosh(0.5)', '->', repr(math.acosh(0.5)))
except Exception as e:
    print('math.acosh(0.5)', '->', type(e).__name__, e)
try:
    print('math.exp(-1000)', '->', repr(math.exp(-1000)))
except Exception as e:
    print('math.exp(-1000)', '->', type(e).__name__, e)
try:
    print('math.floor(-0.0)', '->', repr(math.floor(-0.0)))
except Exception as e:
    print('math.floor(-0.0)', '->', type(e).__name__, e)
try:
    print('math.log(1)', '->', repr(math.log(1)))
except Exception as e:
    print('math.log(1)', '->', type(e).__name__, e)
try:
    print('math.sqrt(4) == 2', '->', repr(math.sqrt(4) == 2))
except Exception as e:
    print('math.sqrt(4) == 2', '->', type(e).__name__, e)
try:
    print('type(math.floor(2.5)).__name__', '->', repr(type(math.floor(2.5)).__name__))
except Exception as e:
    print('type(math.floor(2.5)).__name__', '->', type(e).__name__, e)
try:
    print('math.log(2**1000, 2)', '->', repr(math.log(2**1000, 2)))
except Exception as e:
    print('math.log(2**1000, 2)', '->', type(e).__name__, e)
try:
    print('math.gcd(-4, 6)', '->', repr(math.gcd(-4, 6)))
except Exception as e:
    print('math.gcd(-4, 6)', '->', type(e).__name__, e)
try:
    print('math.expm1(1e-5)', '->', repr(math.expm1(1e-5)))
except Exception as e:
    print('math.expm1(1e-5)', '->', type(e).__name__, e)
try:
    print('math.log2(0)', '->', repr(math.log2(0)))
except Exception as e:
    print('math.log2(0)', '->', type(e).__name__, e)
try:
    print('math.log10(-1)', '->', repr(math.log10(-1)))
except Exception as e:
    print('math.log10(-1)', '->', type(e).__name__, e)
try:
    print('math.log1p(-1)', '->', repr(math.log1p(-1)))
except Exception as e:
    print('math.log1p(-1)', '->', type(e).__name__, e)
try:
    print('math.sinh(1000)', '->', repr(math.sinh(1000)))
except Exception as e:
    print('math.sinh(1000)', '->', type(e).__name__, e)
try:
    print('math.tan(math.inf)', '->', repr(math.tan(math.inf)))
except Exception as e:
    print('math.tan(math.inf)', '->', type(e).__name__, e)
try:
    print('math.sqrt(math.inf)', '->', repr(math.sqrt(math.inf)))
except Exception as e:
    print('math.sqrt(math.inf)', '->', type(e).__name__, e)
try:
    print('math.exp(math.nan)', '->', repr(math.exp(math.nan)))
except Exception as e:
    print('math.exp(math.nan)', '->', type(e).__name__, e)
try:
    print('math.log(math.inf)', '->', repr(math.log(math.inf)))
except Exception as e:
    print('math.log(math.inf)', '->', type(e).__name__, e)
try:
    print("math.floor('x')", '->', repr(math.floor('x')))
except Exception as e:
    print("math.floor('x')", '->', type(e).__name__, e)
try:
    print('math.gcd(1.5)', '->', repr(math.gcd(1.5)))
except Exception as e:
    print('math.gcd(1.5)', '->', type(e).__name__, e)
try:
    print('math.sin()', '->', repr(math.sin()))
except Exception as e:
    print('math.sin()', '->', type(e).__name__, e)
try:
    print('math.sin(1, 2)', '->', repr(math.sin(1, 2)))
except Exception as e:
    print('math.sin(1, 2)', '->', type(e).__name__, e)
try:
    print('math.ceil(-0.5)', '->', repr(math.ceil(-0.5)))
except Exception as e:
    print('math.ceil(-0.5)', '->', type(e).__name__, e)
try:
    print('math.comb(-1, 2)', '->', repr(math.comb(-1, 2)))
except Exception as e:
    print('math.comb(-1, 2)', '->', type(e).__name__, e)
try:
    print('math.factorial(True)', '->', repr(math.factorial(True)))
except Exception as e:
    print('math.factorial(True)', '->', type(e).__name__, e)
try:
    print('math.trunc(2**70 + 0.0)', '->', repr(math.trunc(2**70 + 0.0)))
except Exception as e:
    print('math.trunc(2**70 + 0.0)', '->', type(e).__name__, e)
try:
    print('math.prod(range(1, 6))', '->', repr(math.prod(range(1, 6))))
except Exception as e:
    print('math.prod(range(1, 6))', '->', type(e).__name__, e)
