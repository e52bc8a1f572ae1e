//! `_random`: CPython's Mersenne Twister (MT19937, `Modules/_randommodule.c`), seeded
//! and drawn exactly as CPython does, so that `random.seed(42)` gives a student the same
//! numbers under socklab as under python3. `py/random.py` builds the `random` module's
//! distributions on it, as CPython's `random.py` builds on its `_random`.

use super::functions::builtin_fn;
use crate::interp::types::{self, type_name};
use crate::interp::value::{Class, Name, NativeObject, Value};
use crate::interp::{Ctx, R};
use num_bigint::{BigInt, BigUint, Sign};
use parking_lot::Mutex;
use std::sync::{Arc, OnceLock};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: 624 words and the index of the next one to temper.
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// CPython seeds from an array of 32-bit words (an int's absolute value, least
    /// significant word first, or 624 words from the OS).
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let mt = &mut self.state;
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        let mag01 = [0u32, MATRIX_A];
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N {
                let y = (mt[kk] & UPPER_MASK) | (mt[(kk + 1) % N] & LOWER_MASK);
                mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) from 53 random bits, as CPython's `random_random`.
    fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`, k > 0: whole words least significant first, the last one cut
    /// down to its top bits.
    fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let words = (k - 1) / 32 + 1;
        let mut left = k as i64;
        let mut out = Vec::with_capacity(words as usize);
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left -= 32;
        }
        BigInt::from_biguint(Sign::Plus, BigUint::from_slice(&out))
    }
}

/// A generator object: what `random.Random` keeps its numbers in.
pub struct Generator(Mutex<Mt>);

fn generator_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        types::make_class(
            "Random",
            "_random",
            vec![types::class("object")],
            crate::interp::value::Native::Other,
            Default::default(),
        )
    })
    .clone()
}

fn os_words(n: usize) -> Vec<u32> {
    use std::io::Read;
    let mut bytes = vec![0u8; n * 4];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        // CPython falls back to the time and pid; so does this.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        let seed = t.as_nanos() as u64 ^ u64::from(std::process::id());
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (seed.rotate_left(i as u32 % 64) >> (i % 8 * 8)) as u8;
        }
    }
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// CPython's `hash()` of a float (`_Py_HashDouble`): the value modulo the Mersenne prime
/// 2**61 - 1, with the sign, -1 becoming -2. NaN hashes by identity in CPython; 0 here.
fn float_hash(v: f64) -> i64 {
    const BITS: i32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if v.is_infinite() {
        return if v > 0.0 { 314_159 } else { -314_159 };
    }
    if v.is_nan() || v == 0.0 {
        return 0;
    }
    let (mut m, mut e) = frexp(v.abs());
    let sign: i64 = if v < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// C's `frexp` for a finite positive `v`: `v == m * 2**e` with `0.5 <= m < 1`.
fn frexp(v: f64) -> (f64, i32) {
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn bigint_of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(i64::from(*b))),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

impl Generator {
    fn seed(&self, ctx: &Ctx, a: &Value) -> R<()> {
        let key: Vec<u32> = match a {
            Value::None => os_words(N),
            // CPython seeds from the float's hash, read as an unsigned word.
            v => {
                let n = match v {
                    Value::Float(f) => Some(BigInt::from(float_hash(*f) as u64)),
                    v => bigint_of(v),
                };
                let n = n.ok_or_else(|| {
                    ctx.type_error(format!(
                        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray. Not {}",
                        type_name(v)
                    ))
                })?;
                let words = n.magnitude().to_u32_digits();
                if words.is_empty() {
                    vec![0]
                } else {
                    words
                }
            }
        };
        self.0.lock().init_by_array(&key);
        Ok(())
    }

    fn getstate(&self) -> Value {
        let mt = self.0.lock();
        let mut items: Vec<Value> = mt.state.iter().map(|&w| Value::Int(i64::from(w))).collect();
        items.push(Value::Int(mt.index as i64));
        Value::tuple(items)
    }

    fn setstate(&self, ctx: &mut Ctx, state: &Value) -> R<()> {
        let Value::Tuple(items) = state else {
            return Err(ctx.type_error("state vector must be a tuple"));
        };
        if items.len() != N + 1 {
            return Err(ctx.value_error("state vector is the wrong size"));
        }
        let mut words = [0u32; N];
        for (w, v) in words.iter_mut().zip(items.iter()) {
            *w = match bigint_of(v) {
                Some(n) => u32::try_from(n).map_err(|_| {
                    ctx.err(
                        "OverflowError",
                        "Python int too large to convert to C unsigned long",
                    )
                })?,
                None => {
                    return Err(ctx.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(v)
                    )))
                }
            };
        }
        let index = match bigint_of(&items[N]) {
            Some(i) if i >= BigInt::from(0) && i <= BigInt::from(N) => {
                usize::try_from(i).unwrap_or(N)
            }
            Some(_) => return Err(ctx.value_error("invalid state")),
            None => return Err(ctx.type_error("an integer is required")),
        };
        let mut mt = self.0.lock();
        mt.state = words;
        mt.index = index;
        Ok(())
    }
}

impl NativeObject for Generator {
    fn class(&self) -> Arc<Class> {
        generator_class()
    }
    fn repr(&self) -> String {
        "<_random.Random object>".to_string()
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, _name: &str) -> Option<R<Value>> {
        None
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        args: &[Value],
        _k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let arg = args.first().cloned().unwrap_or(Value::None);
        Some(match name {
            "random" => Ok(Value::Float(self.0.lock().random())),
            "seed" => self.seed(ctx, &arg).map(|()| Value::None),
            "getrandbits" => getrandbits(ctx, self, &arg),
            "getstate" => Ok(self.getstate()),
            "setstate" => self.setstate(ctx, &arg).map(|()| Value::None),
            _ => return None,
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["getrandbits", "getstate", "random", "seed", "setstate"]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn getrandbits(ctx: &Ctx, g: &Generator, k: &Value) -> R<Value> {
    let k = match k {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        Value::BigInt(_) => {
            return Err(ctx.err("OverflowError", "Python int too large to convert to C int"))
        }
        v => {
            return Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            )))
        }
    };
    if k < 0 {
        return Err(ctx.value_error("number of bits must be non-negative"));
    }
    if k > i64::from(i32::MAX) {
        return Err(ctx.err("OverflowError", "Python int too large to convert to C int"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    Ok(Value::bigint(g.0.lock().getrandbits(k as u64)))
}

fn float_arg(ctx: &Ctx, v: &Value) -> R<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::BigInt(b) => Ok(num_traits::ToPrimitive::to_f64(&**b).unwrap_or(f64::INFINITY)),
        v => Err(ctx.type_error(format!("must be real number, not {}", type_name(v)))),
    }
}

/// One-argument functions of libm, as `math` gives them to `random.py` (which only
/// calls them inside their domains); Rust's `f64` methods call the same libm.
macro_rules! float_fn {
    ($name:literal, $f:expr) => {
        (
            $name,
            builtin_fn($name, |ctx, a, _| {
                let Some(v) = a.first() else {
                    return Err(
                        ctx.type_error(concat!($name, "() takes exactly one argument (0 given)"))
                    );
                };
                let f: fn(f64) -> f64 = $f;
                Ok(Value::Float(f(float_arg(ctx, v)?)))
            }),
        )
    };
}

pub fn items() -> Vec<(&'static str, Value)> {
    vec![
        (
            "Random",
            builtin_fn("Random", |_, _, _| {
                let g = Generator(Mutex::new(Mt {
                    state: [0; N],
                    index: N + 1,
                }));
                g.0.lock().init_by_array(&os_words(N));
                Ok(Value::Native(Arc::new(g)))
            }),
        ),
        (
            "_sha512",
            builtin_fn("_sha512", |ctx, a, _| {
                use sha2::Digest;
                let data: Vec<u8> = match a.first() {
                    Some(Value::Bytes(b)) => b.to_vec(),
                    Some(Value::ByteArray(b)) => b.lock().clone(),
                    _ => return Err(ctx.type_error("_sha512() needs bytes")),
                };
                Ok(Value::bytes(&sha2::Sha512::digest(&data)))
            }),
        ),
        (
            "_urandom",
            builtin_fn("_urandom", |ctx, a, _| {
                let n = match a.first() {
                    Some(Value::Int(n)) if *n >= 0 => *n as usize,
                    Some(Value::Int(_)) => {
                        return Err(ctx.value_error("negative argument not allowed"))
                    }
                    Some(v) => {
                        return Err(ctx.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(v)
                        )))
                    }
                    None => return Err(ctx.type_error("urandom() takes exactly one argument")),
                };
                // More than the machine could hold: CPython fails to allocate too.
                if n > 1 << 32 {
                    return Err(ctx.err("MemoryError", ""));
                }
                let words = os_words(n / 4 + 1);
                let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
                Ok(Value::bytes(&bytes[..n]))
            }),
        ),
        float_fn!("_log", f64::ln),
        float_fn!("_exp", f64::exp),
        float_fn!("_sqrt", f64::sqrt),
        float_fn!("_cos", f64::cos),
        float_fn!("_sin", f64::sin),
        float_fn!("_acos", f64::acos),
        float_fn!("_ceil", f64::ceil),
        float_fn!("_floor", f64::floor),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_hash_is_cpythons() {
        // hash() of these floats under python3.
        assert_eq!(float_hash(3.0), 3);
        assert_eq!(float_hash(1.5), 1_152_921_504_606_846_977);
        assert_eq!(float_hash(-2.0), -2);
        assert_eq!(float_hash(0.1), 230_584_300_921_369_408);
        assert_eq!(float_hash(1e300), 1_224_995_262_755_759_164);
    }
}
