//! `time`: the clock the daytime protocol reports, `sleep` (which Ctrl-C interrupts),
//! `struct_time`, and times as text (`strftime` through C's, `strptime` through
//! `super::strptime`), with the local zone as CPython finds it.

use super::functions::{builtin_fn, to_i64};
use crate::interp::types::{self, type_name};
use crate::interp::value::{Class, Name, NativeObject, Value};
use crate::interp::{Ctx, R};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub fn items() -> Vec<(&'static str, Value)> {
    vec![
        ("sleep", builtin_fn("sleep", sleep)),
        (
            "time",
            builtin_fn("time", |_, _, _| Ok(Value::Float(now()))),
        ),
        (
            "time_ns",
            builtin_fn("time_ns", |_, _, _| {
                let d = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or_default();
                Ok(Value::bigint(d.as_nanos().into()))
            }),
        ),
        (
            "monotonic",
            builtin_fn("monotonic", |_, _, _| Ok(Value::Float(monotonic()))),
        ),
        (
            "perf_counter",
            builtin_fn("perf_counter", |_, _, _| Ok(Value::Float(monotonic()))),
        ),
        (
            "gmtime",
            builtin_fn("gmtime", |ctx, a, _| broken_down(ctx, a, false)),
        ),
        (
            "localtime",
            builtin_fn("localtime", |ctx, a, _| broken_down(ctx, a, true)),
        ),
        ("ctime", builtin_fn("ctime", ctime)),
        ("asctime", builtin_fn("asctime", asctime)),
        ("strftime", builtin_fn("strftime", strftime)),
        ("mktime", builtin_fn("mktime", mktime)),
        ("strptime", builtin_fn("strptime", strptime)),
        ("struct_time", builtin_fn("struct_time", struct_time_new)),
        ("timezone", Value::Int(zone_info().timezone)),
        ("altzone", Value::Int(zone_info().altzone)),
        ("daylight", Value::Int(i64::from(zone_info().daylight))),
        (
            "tzname",
            Value::tuple(vec![
                Value::str(&zone_info().names.0),
                Value::str(&zone_info().names.1),
            ]),
        ),
    ]
}

fn now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

fn monotonic() -> f64 {
    static START: OnceLock<Instant> = OnceLock::new();
    // CPython's monotonic clock starts at boot; any fixed origin keeps differences right.
    let start = START.get_or_init(Instant::now);
    1000.0 + start.elapsed().as_secs_f64()
}

/// Nanoseconds in a second.
const NS: i64 = 1_000_000_000;

/// A wait's length in seconds as CPython reads it (`_PyTime_FromSecondsObject`, rounding
/// away from zero): whole nanoseconds in a signed 64-bit count, with CPython's limits and
/// messages. `None` when `v` is not a number: each caller words that TypeError itself.
pub fn wait_nanoseconds(ctx: &Ctx, v: &Value) -> Option<R<i64>> {
    let too_large = || {
        ctx.err(
            "OverflowError",
            "timestamp too large to convert to C _PyTime_t",
        )
    };
    Some(match v {
        Value::Float(f) if f.is_nan() => Err(ctx.value_error("Invalid value NaN (not a number)")),
        Value::Float(f) => {
            let d = f * NS as f64;
            let d = if d >= 0.0 { d.ceil() } else { d.floor() };
            // -(i64::MIN as f64) is 2^63 exactly: the first value past the range.
            if i64::MIN as f64 <= d && d < -(i64::MIN as f64) {
                Ok(d as i64)
            } else {
                Err(ctx.err(
                    "OverflowError",
                    "timestamp out of range for platform time_t",
                ))
            }
        }
        Value::Int(i) => i.checked_mul(NS).ok_or_else(too_large),
        Value::Bool(b) => Ok(i64::from(*b) * NS),
        Value::BigInt(_) => Err(too_large()),
        _ => return None,
    })
}

/// Nanoseconds as CPython gives them back in seconds (`_PyTime_AsSecondsDouble`): whole
/// seconds exactly, anything else divided, so `settimeout(1/3)` reads back `0.333333334`.
pub fn seconds_of_ns(ns: i64) -> f64 {
    if ns % NS == 0 {
        (ns / NS) as f64
    } else {
        ns as f64 / NS as f64
    }
}

/// `wait_nanoseconds`, or the TypeError CPython's conversion gives a non-number (as
/// `time.sleep`, `settimeout` and `Lock.acquire` report it).
pub fn nanoseconds(ctx: &Ctx, v: &Value) -> R<i64> {
    wait_nanoseconds(ctx, v).unwrap_or_else(|| {
        Err(ctx.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )))
    })
}

fn seconds(ctx: &Ctx, v: &Value) -> R<f64> {
    nanoseconds(ctx, v).map(seconds_of_ns)
}

/// Sleeps in short slices so that Ctrl-C raises `KeyboardInterrupt` promptly.
pub fn sleep(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let secs = seconds(ctx, &a[0])?;
    if secs < 0.0 {
        return Err(ctx.value_error("sleep length must be non-negative"));
    }
    // Under a step budget a sleep costs a step per microsecond, so that a fuzzed
    // `time.sleep(1e9)` ends as promptly as `while True: pass` does.
    ctx.charge_steps((secs * 1e6) as u64)?;
    let deadline = crate::net::wait::deadline_after(Instant::now(), secs);
    loop {
        ctx.check_interrupt()?;
        let now = Instant::now();
        if deadline.is_some_and(|d| now >= d) {
            return Ok(Value::None);
        }
        let left = deadline.map_or(Duration::MAX, |d| d - now);
        std::thread::sleep(left.min(Duration::from_millis(20)));
    }
}

fn tm_of(t: i64, local: bool) -> libc::tm {
    checked_tm_of(t, local).unwrap_or_else(|| {
        // SAFETY: an all-zero tm is a valid value.
        unsafe { std::mem::zeroed() }
    })
}

/// The broken-down time of `t`, or None when its year does not fit C's `int`.
fn checked_tm_of(t: i64, local: bool) -> Option<libc::tm> {
    // SAFETY: gmtime_r/localtime_r write into the zeroed struct we own.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        let tt = t as libc::time_t;
        let ok = if local {
            libc::localtime_r(&tt, &mut tm)
        } else {
            libc::gmtime_r(&tt, &mut tm)
        };
        (!ok.is_null()).then_some(tm)
    }
}

/// CPython's error when C cannot break a timestamp down (EOVERFLOW).
fn tm_or_overflow(ctx: &Ctx, t: i64, local: bool) -> R<libc::tm> {
    checked_tm_of(t, local).ok_or_else(|| ctx.os_error(libc::EOVERFLOW))
}

/// `time.timezone`, `altzone`, `daylight` and `tzname`, found as CPython's
/// `init_timezone` finds them: from the local time of 1 January and of mid-year.
struct ZoneInfo {
    timezone: i64,
    altzone: i64,
    daylight: bool,
    names: (String, String),
}

fn zone_info() -> &'static ZoneInfo {
    static Z: OnceLock<ZoneInfo> = OnceLock::new();
    Z.get_or_init(|| {
        const YEAR: i64 = (365 * 24 + 6) * 3600;
        let t = (now() as i64 / YEAR) * YEAR;
        let jan = StructTime::from_tm(&tm_of(t, true));
        let jul = StructTime::from_tm(&tm_of(t + YEAR / 2, true));
        let (jan_off, jul_off) = (-jan.gmtoff.unwrap_or(0), -jul.gmtoff.unwrap_or(0));
        let (jan_name, jul_name) = (jan.zone.unwrap_or_default(), jul.zone.unwrap_or_default());
        if jan_off < jul_off {
            // The southern hemisphere: daylight saving time in January.
            ZoneInfo {
                timezone: jul_off,
                altzone: jan_off,
                daylight: true,
                names: (jul_name, jan_name),
            }
        } else {
            ZoneInfo {
                timezone: jan_off,
                altzone: jul_off,
                daylight: jan_off != jul_off,
                names: (jan_name, jul_name),
            }
        }
    })
}

/// The local zone's standard and daylight-saving names, and whether it has the latter.
pub fn tz_names() -> (String, String, bool) {
    let z = zone_info();
    (z.names.0.clone(), z.names.1.clone(), z.daylight)
}

/// `time.struct_time`: a 9-field tuple with names.
pub struct StructTime {
    pub fields: [i64; 9],
    /// `tm_zone` and `tm_gmtoff`: None for a time made from a plain tuple or parsed
    /// without a zone.
    pub zone: Option<String>,
    pub gmtoff: Option<i64>,
}

const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

fn struct_time_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        types::make_class(
            "struct_time",
            "time",
            vec![types::class("tuple")],
            crate::interp::value::Native::Other,
            Default::default(),
        )
    })
    .clone()
}

impl StructTime {
    fn from_tm(tm: &libc::tm) -> StructTime {
        let zone = if tm.tm_zone.is_null() {
            "UTC".to_string()
        } else {
            // SAFETY: tm_zone points at a NUL-terminated zone abbreviation owned by libc.
            unsafe {
                std::ffi::CStr::from_ptr(tm.tm_zone)
                    .to_string_lossy()
                    .into_owned()
            }
        };
        StructTime {
            fields: [
                tm.tm_year as i64 + 1900,
                tm.tm_mon as i64 + 1,
                tm.tm_mday as i64,
                tm.tm_hour as i64,
                tm.tm_min as i64,
                tm.tm_sec as i64,
                (tm.tm_wday as i64 + 6) % 7,
                tm.tm_yday as i64 + 1,
                tm.tm_isdst as i64,
            ],
            zone: Some(zone),
            gmtoff: Some(tm.tm_gmtoff),
        }
    }
    fn to_tm(&self) -> libc::tm {
        // SAFETY: an all-zero tm is valid; we fill the fields strftime reads.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        tm.tm_year = (self.fields[0] - 1900) as i32;
        tm.tm_mon = (self.fields[1] - 1) as i32;
        tm.tm_mday = self.fields[2] as i32;
        tm.tm_hour = self.fields[3] as i32;
        tm.tm_min = self.fields[4] as i32;
        tm.tm_sec = self.fields[5] as i32;
        tm.tm_wday = ((self.fields[6] + 1) % 7) as i32;
        tm.tm_yday = (self.fields[7] - 1) as i32;
        tm.tm_isdst = self.fields[8] as i32;
        tm.tm_gmtoff = self.gmtoff.unwrap_or(0) as _;
        tm
    }
}

impl NativeObject for StructTime {
    fn class(&self) -> Arc<Class> {
        struct_time_class()
    }
    fn repr(&self) -> String {
        let parts: Vec<String> = FIELDS
            .iter()
            .zip(self.fields.iter())
            .map(|(n, v)| format!("{n}={v}"))
            .collect();
        format!("time.struct_time({})", parts.join(", "))
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        if let Some(i) = FIELDS.iter().position(|f| *f == name) {
            return Some(Ok(Value::Int(self.fields[i])));
        }
        match name {
            "tm_zone" => Some(Ok(self.zone.as_deref().map_or(Value::None, Value::str))),
            "tm_gmtoff" => Some(Ok(self.gmtoff.map_or(Value::None, Value::Int))),
            "n_fields" => Some(Ok(Value::Int(11))),
            "n_sequence_fields" => Some(Ok(Value::Int(9))),
            _ => None,
        }
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        args: &[Value],
        _k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let tuple = Value::tuple(self.fields.iter().map(|&v| Value::Int(v)).collect());
        match name {
            "__getitem__" => Some(crate::interp::ops::getitem(ctx, &tuple, &args[0])),
            "__len__" => Some(Ok(Value::Int(9))),
            "__iter__" => Some(crate::interp::exec::get_iter(ctx, &tuple)),
            "__eq__" => {
                // Another struct_time compares as the tuple it is.
                let other = match args[0].as_native::<StructTime>() {
                    Some(st) => Value::tuple(st.fields.iter().map(|&v| Value::Int(v)).collect()),
                    None => args[0].clone(),
                };
                Some(crate::interp::ops::eq(ctx, &tuple, &other).map(Value::Bool))
            }
            _ => None,
        }
    }
    fn attr_names(&self) -> Vec<&'static str> {
        let mut names = FIELDS.to_vec();
        names.extend(["tm_zone", "tm_gmtoff"]);
        names
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn secs_arg(ctx: &Ctx, a: &[Value]) -> R<i64> {
    match a.first() {
        None | Some(Value::None) => Ok(now().floor() as i64),
        Some(Value::Float(f)) if f.is_nan() => {
            Err(ctx.value_error("Invalid value NaN (not a number)"))
        }
        Some(Value::Float(f)) => {
            let whole = f.floor();
            // -(i64::MIN as f64) is 2**63, the first value past time_t.
            if !(i64::MIN as f64 <= whole && whole < -(i64::MIN as f64)) {
                return Err(ctx.err(
                    "OverflowError",
                    "timestamp out of range for platform time_t",
                ));
            }
            Ok(whole as i64)
        }
        Some(Value::BigInt(_)) => Err(ctx.err(
            "OverflowError",
            "timestamp out of range for platform time_t",
        )),
        Some(v) => to_i64(ctx, v, ""),
    }
}

fn broken_down(ctx: &mut Ctx, a: &[Value], local: bool) -> R<Value> {
    let t = secs_arg(ctx, a)?;
    let tm = tm_or_overflow(ctx, t, local)?;
    Ok(Value::Native(Arc::new(StructTime::from_tm(&tm))))
}

/// CPython's `gettmarg`: a struct_time or a 9-tuple as C's `struct tm` (month, weekday
/// and day of year shifted to C's ranges), with the zone a struct_time carries.
fn tm_from_arg(ctx: &mut Ctx, v: Option<&Value>, fname: &str) -> R<(libc::tm, Option<String>)> {
    let Some(v) = v else {
        let st = StructTime::from_tm(&tm_of(now() as i64, true));
        return Ok((st.to_tm(), st.zone));
    };
    if let Some(st) = v.as_native::<StructTime>() {
        return Ok((st.to_tm(), st.zone.clone()));
    }
    let Value::Tuple(items) = v else {
        return Err(ctx.type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(ctx.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (i, it) in items.iter().enumerate() {
        let n = to_i64(ctx, it, "")?;
        if i32::try_from(n).is_err() {
            return Err(ctx.err(
                "OverflowError",
                if n < 0 {
                    "signed integer is less than minimum"
                } else {
                    "signed integer is greater than maximum"
                },
            ));
        }
        f[i] = n;
    }
    let mut tm = StructTime {
        fields: f,
        zone: None,
        gmtoff: None,
    }
    .to_tm();
    // C's `%`: a weekday of -2 or less stays negative and is refused by the checks.
    tm.tm_wday = ((f[6] + 1) % 7) as i32;
    Ok((tm, None))
}

/// CPython's range checks on a time tuple, after turning the zeros Python allows
/// (month 0, day 0, day of year 0) into the lowest valid value.
fn check_tm(ctx: &Ctx, tm: &mut libc::tm) -> R<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    }
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    let out = |ok: bool, what: &str| {
        if ok {
            Ok(())
        } else {
            Err(ctx.value_error(format!("{what} out of range")))
        }
    };
    out((0..=11).contains(&tm.tm_mon), "month")?;
    out((1..=31).contains(&tm.tm_mday), "day of month")?;
    out((0..=23).contains(&tm.tm_hour), "hour")?;
    out((0..=59).contains(&tm.tm_min), "minute")?;
    out((0..=61).contains(&tm.tm_sec), "seconds")?;
    out(tm.tm_wday >= 0, "day of week")?;
    out((0..=365).contains(&tm.tm_yday), "day of year")
}

fn format_tm(fmt: &str, tm: &libc::tm) -> String {
    let Ok(cfmt) = std::ffi::CString::new(fmt) else {
        return String::new();
    };
    let mut buf = vec![0u8; 256 + fmt.len() * 8];
    // SAFETY: buf is large enough and strftime NUL-terminates within its length.
    let n = unsafe {
        libc::strftime(
            buf.as_mut_ptr() as *mut libc::c_char,
            buf.len(),
            cfmt.as_ptr(),
            tm,
        )
    };
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

fn strftime(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let Value::Str(fmt) = &a[0] else {
        return Err(ctx.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            type_name(&a[0])
        )));
    };
    if fmt.contains('\0') {
        return Err(ctx.value_error("embedded null character"));
    }
    let (mut tm, zone) = tm_from_arg(ctx, a.get(1), "strftime")?;
    check_tm(ctx, &mut tm)?;
    // `%Z` reads the struct_time's own zone name, as CPython passes it to C.
    let zone = zone.and_then(|z| std::ffi::CString::new(z).ok());
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok(Value::string(format_tm(fmt, &tm)))
}

fn asctime_of(tm: &libc::tm) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year + 1900
    )
}

fn ctime(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let t = secs_arg(ctx, a)?;
    Ok(Value::string(asctime_of(&tm_or_overflow(ctx, t, true)?)))
}

fn asctime(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let (mut tm, _) = tm_from_arg(ctx, a.first(), "asctime")?;
    check_tm(ctx, &mut tm)?;
    Ok(Value::string(asctime_of(&tm)))
}

fn mktime(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let (mut tm, _) = tm_from_arg(ctx, a.first(), "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: mktime normalises the struct we own.
    let t = unsafe { libc::mktime(&mut tm) };
    // CPython: mktime() leaves tm_wday alone when the time cannot be represented.
    if t == -1 && tm.tm_wday == -1 {
        return Err(ctx.err("OverflowError", "mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

fn strptime(ctx: &mut Ctx, a: &[Value], k: &[(Name, Value)]) -> R<Value> {
    if a.len() > 2 {
        return Err(ctx.type_error(format!(
            "_strptime_time() takes from 1 to 2 positional arguments but {} were given",
            a.len()
        )));
    }
    let data = a
        .first()
        .or_else(|| super::functions::kwarg(k, "data_string"));
    let format = a.get(1).or_else(|| super::functions::kwarg(k, "format"));
    let Some(data) = data else {
        return Err(ctx
            .type_error("_strptime_time() missing 1 required positional argument: 'data_string'"));
    };
    let (data, format) = super::strptime::string_args(ctx, data, format)?;
    let p = super::strptime::parse(ctx, data, format)?;
    Ok(Value::Native(Arc::new(StructTime {
        fields: [
            p.year, p.month, p.day, p.hour, p.minute, p.second, p.weekday, p.julian, p.tz,
        ],
        zone: p.tzname,
        gmtoff: p.gmtoff,
    })))
}

/// `time.struct_time(sequence)`: 9 fields, or 11 with the zone's name and offset.
fn struct_time_new(ctx: &mut Ctx, a: &[Value], _: &[(Name, Value)]) -> R<Value> {
    let Some(seq) = a.first() else {
        return Err(ctx.type_error("structseq() missing required argument 'sequence' (pos 1)"));
    };
    let items = crate::interp::exec::iterate(ctx, seq)
        .map_err(|_| ctx.type_error("constructor requires a sequence"))?;
    if items.len() < 9 {
        return Err(ctx.type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({}-sequence given)",
            items.len()
        )));
    }
    if items.len() > 11 {
        return Err(ctx.type_error(format!(
            "time.struct_time() takes an at most 11-sequence ({}-sequence given)",
            items.len()
        )));
    }
    let mut fields = [0i64; 9];
    for (f, v) in fields.iter_mut().zip(items.iter()) {
        *f = to_i64(ctx, v, "")?;
    }
    let zone = match items.get(9) {
        Some(Value::Str(z)) => Some(z.to_string()),
        _ => None,
    };
    let gmtoff = match items.get(10) {
        Some(v @ (Value::Int(_) | Value::Bool(_))) => Some(to_i64(ctx, v, "")?),
        _ => None,
    };
    Ok(Value::Native(Arc::new(StructTime {
        fields,
        zone,
        gmtoff,
    })))
}
