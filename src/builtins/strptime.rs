//! `_strptime`: parsing a time string by a format, as CPython's `Lib/_strptime.py` does
//! in the C locale: the same directives, the same regular expressions (matched here by
//! a small backtracking matcher that tries each directive's alternatives in the order
//! CPython's regex does), the same defaults and the same error messages. Used by
//! `time.strptime` and `datetime.strptime` (through `_strptime._strptime`, as in CPython).

use super::functions::builtin_fn;
use crate::interp::types::type_name;
use crate::interp::value::Value;
use crate::interp::{Ctx, R};

const F_WEEKDAY: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const A_WEEKDAY: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const F_MONTH: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const A_MONTH: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// One piece of a compiled format.
#[derive(Clone, Debug)]
enum Piece {
    /// A literal character, matched ignoring case.
    Char(char),
    /// A run of whitespace in the format: one or more whitespace characters.
    Space,
    /// `%X`: the directive's letter.
    Directive(char),
}

/// Why a format cannot be compiled: CPython's two messages.
enum Bad {
    Directive(char),
    Stray,
}

/// The C locale's `%c`, `%x` and `%X`, as `_strptime.LocaleTime` finds them.
fn expansion(d: char) -> Option<&'static str> {
    match d {
        'c' => Some("%a %b %d %H:%M:%S %Y"),
        'x' => Some("%m/%d/%y"),
        'X' => Some("%H:%M:%S"),
        _ => None,
    }
}

const DIRECTIVES: &str = "dfHIGjmMSUwuVyYzAaBbpZWcxX%";

fn compile(format: &str, out: &mut Vec<Piece>) -> Result<(), Bad> {
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '%' {
            let Some(&d) = chars.get(i + 1) else {
                return Err(Bad::Stray);
            };
            // CPython escapes regex characters and turns whitespace into `\s+` before
            // it looks at directives: `%` before either is reported as a bad `%`.
            if d.is_whitespace() || "\\.^$*+?(){}[]|".contains(d) {
                return Err(Bad::Directive('%'));
            }
            if !DIRECTIVES.contains(d) {
                return Err(Bad::Directive(d));
            }
            match expansion(d) {
                Some(e) => compile(e, out)?,
                None if d == '%' => out.push(Piece::Char('%')),
                None => out.push(Piece::Directive(d)),
            }
            i += 2;
        } else if c.is_whitespace() {
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            out.push(Piece::Space);
        } else {
            out.push(Piece::Char(c));
            i += 1;
        }
    }
    Ok(())
}

fn digit(s: &[char], at: usize, lo: char, hi: char) -> bool {
    s.get(at).is_some_and(|c| (lo..=hi).contains(c))
}

/// A directive's regex alternatives as character-class strings: each alternative is a
/// list of classes, one per character; `d` is `\d`, `ab` a range `[a-b]`, a single
/// character itself.
fn numeric_alternatives(d: char) -> &'static [&'static [&'static str]] {
    match d {
        'd' => &[
            &["3", "01"],
            &["12", "d"],
            &["0", "19"],
            &["19"],
            &[" ", "19"],
        ],
        'H' => &[&["2", "03"], &["01", "d"], &["d"]],
        'I' | 'm' => &[&["1", "02"], &["0", "19"], &["19"]],
        'G' | 'Y' => &[&["d", "d", "d", "d"]],
        'y' => &[&["d", "d"]],
        'j' => &[
            &["3", "6", "06"],
            &["3", "05", "d"],
            &["12", "d", "d"],
            &["0", "19", "d"],
            &["0", "0", "19"],
            &["19", "d"],
            &["0", "19"],
            &["19"],
        ],
        'M' => &[&["05", "d"], &["d"]],
        'S' => &[&["6", "01"], &["05", "d"], &["d"]],
        'U' | 'W' => &[&["5", "03"], &["04", "d"], &["d"]],
        'V' => &[&["5", "03"], &["0", "19"], &["14", "d"], &["d"]],
        'w' => &[&["06"]],
        'u' => &[&["17"]],
        _ => &[],
    }
}

fn class_matches(class: &str, c: char) -> bool {
    let b: Vec<char> = class.chars().collect();
    match b.as_slice() {
        ['d'] => c.is_ascii_digit(),
        [one] => c == *one,
        [lo, hi] => (*lo..=*hi).contains(&c),
        _ => false,
    }
}

fn starts_with_ci(s: &[char], at: usize, word: &str) -> bool {
    let mut i = at;
    for w in word.chars() {
        match s.get(i) {
            Some(c) if c.to_lowercase().eq(w.to_lowercase()) => i += 1,
            _ => return false,
        }
    }
    true
}

/// Time zone names `%Z` accepts: `_strptime.LocaleTime.timezone`.
fn zone_names() -> Vec<String> {
    let (std_name, dst_name, daylight) = super::time::tz_names();
    let mut names = vec!["utc".to_string(), "gmt".to_string()];
    let s = std_name.to_lowercase();
    if !names.contains(&s) {
        names.push(s);
    }
    if daylight {
        let d = dst_name.to_lowercase();
        if !names.contains(&d) {
            names.push(d);
        }
    }
    names
}

/// Where each alternative of directive `d` starting at `at` would end, in the order the
/// regex tries them.
fn candidates(d: char, s: &[char], at: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let words = |list: &[&str], out: &mut Vec<usize>| {
        // `__seqToRE`: longest names first (a stable sort, as Python's).
        let mut sorted: Vec<&str> = list.to_vec();
        sorted.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        for w in sorted {
            if starts_with_ci(s, at, w) {
                out.push(at + w.chars().count());
            }
        }
    };
    match d {
        'f' => {
            let n = s[at.min(s.len())..]
                .iter()
                .take(6)
                .take_while(|c| c.is_ascii_digit())
                .count();
            out.extend((1..=n).rev().map(|k| at + k));
        }
        'z' => {
            if s.get(at) == Some(&'Z') {
                out.push(at + 1);
            }
            if matches!(s.get(at), Some('+' | '-'))
                && digit(s, at + 1, '0', '9')
                && digit(s, at + 2, '0', '9')
            {
                let mut after_hours = vec![];
                if s.get(at + 3) == Some(&':') {
                    after_hours.push(at + 4);
                }
                after_hours.push(at + 3);
                // Alternatives before the `|Z`, so those come first.
                let mut zs = Vec::new();
                for p in after_hours {
                    if !(digit(s, p, '0', '5') && digit(s, p + 1, '0', '9')) {
                        continue;
                    }
                    let p = p + 2;
                    let mut secs_at = vec![];
                    if s.get(p) == Some(&':') {
                        secs_at.push(p + 1);
                    }
                    secs_at.push(p);
                    for q in secs_at {
                        if digit(s, q, '0', '5') && digit(s, q + 1, '0', '9') {
                            let q = q + 2;
                            if s.get(q) == Some(&'.') {
                                let n = s[(q + 1).min(s.len())..]
                                    .iter()
                                    .take(6)
                                    .take_while(|c| c.is_ascii_digit())
                                    .count();
                                zs.extend((1..=n).rev().map(|k| q + 1 + k));
                            }
                            zs.push(q);
                        }
                    }
                    zs.push(p);
                }
                zs.append(&mut out);
                out = zs;
            }
        }
        'A' => words(&F_WEEKDAY, &mut out),
        'a' => words(&A_WEEKDAY, &mut out),
        'B' => words(&F_MONTH, &mut out),
        'b' => words(&A_MONTH, &mut out),
        'p' => words(&["am", "pm"], &mut out),
        'Z' => {
            let names = zone_names();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            words(&refs, &mut out);
        }
        _ => {
            for alt in numeric_alternatives(d) {
                let ok = alt
                    .iter()
                    .enumerate()
                    .all(|(k, class)| s.get(at + k).is_some_and(|&c| class_matches(class, c)));
                if ok {
                    out.push(at + alt.len());
                }
            }
        }
    }
    out
}

/// The first match in the regex's order: where it ends, and each directive's text.
fn matcher(
    pieces: &[Piece],
    s: &[char],
    at: usize,
    groups: &mut Vec<(char, usize, usize)>,
) -> Option<usize> {
    let Some((first, rest)) = pieces.split_first() else {
        return Some(at);
    };
    match first {
        Piece::Char(c) => {
            let here = s.get(at)?;
            if here.to_lowercase().eq(c.to_lowercase()) {
                matcher(rest, s, at + 1, groups)
            } else {
                None
            }
        }
        Piece::Space => {
            let n = s[at.min(s.len())..]
                .iter()
                .take_while(|c| c.is_whitespace())
                .count();
            (1..=n).rev().find_map(|k| matcher(rest, s, at + k, groups))
        }
        Piece::Directive(d) => {
            for end in candidates(*d, s, at) {
                groups.push((*d, at, end));
                if let Some(e) = matcher(rest, s, end, groups) {
                    return Some(e);
                }
                groups.pop();
            }
            None
        }
    }
}

/// What `_strptime._strptime` returns.
pub struct Parsed {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
    pub weekday: i64,
    pub julian: i64,
    pub tz: i64,
    pub tzname: Option<String>,
    pub gmtoff: Option<i64>,
    pub fraction: i64,
    pub gmtoff_fraction: i64,
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `date(y, m, d).toordinal()`, with `date`'s range errors.
fn ordinal(ctx: &Ctx, y: i64, m: i64, d: i64) -> R<i64> {
    if !(1..=9999).contains(&y) {
        return Err(ctx.value_error(format!("year {y} is out of range")));
    }
    if !(1..=12).contains(&m) {
        return Err(ctx.value_error("month must be in 1..12"));
    }
    if d < 1 || d > days_in_month(y, m) {
        return Err(ctx.value_error("day is out of range for month"));
    }
    let py = y - 1;
    let before_year = py * 365 + py / 4 - py / 100 + py / 400;
    let before_month: i64 = (1..m).map(|k| days_in_month(y, k)).sum();
    Ok(before_year + before_month + d)
}

/// `date.fromordinal(n)` as (year, month, day).
fn from_ordinal(ctx: &Ctx, n: i64) -> R<(i64, i64, i64)> {
    if !(1..=3_652_059).contains(&n) {
        return Err(ctx.value_error("ordinal must be in 1..3652059"));
    }
    // Count whole 400-, 100-, 4- and 1-year cycles, as datetime.py's _ord2ymd.
    let mut n = n - 1;
    let n400 = n / 146_097;
    n %= 146_097;
    let mut year = n400 * 400 + 1;
    let n100 = n / 36_524;
    n %= 36_524;
    let n4 = n / 1_461;
    n %= 1_461;
    let n1 = n / 365;
    n %= 365;
    year += n100 * 100 + n4 * 4 + n1;
    if n1 == 4 || n100 == 4 {
        return Ok((year - 1, 12, 31));
    }
    let mut month = 1;
    while n >= days_in_month(year, month) {
        n -= days_in_month(year, month);
        month += 1;
    }
    Ok((year, month, n + 1))
}

/// Monday is 0, as `date.weekday()`.
fn weekday_of(ctx: &Ctx, y: i64, m: i64, d: i64) -> R<i64> {
    Ok((ordinal(ctx, y, m, d)? + 6) % 7)
}

pub fn parse(ctx: &Ctx, data: &str, format: &str) -> R<Parsed> {
    let mut pieces = Vec::new();
    if let Err(bad) = compile(format, &mut pieces) {
        return Err(ctx.value_error(match bad {
            Bad::Directive(d) => format!("'{d}' is a bad directive in format '{format}'"),
            Bad::Stray => format!("stray % in format '{format}'"),
        }));
    }
    let s: Vec<char> = data.chars().collect();
    let mut groups = Vec::new();
    let Some(end) = matcher(&pieces, &s, 0, &mut groups) else {
        return Err(ctx.value_error(format!(
            "time data {} does not match format {}",
            crate::interp::repr::str_repr(data),
            crate::interp::repr::str_repr(format)
        )));
    };
    if end != s.len() {
        let rest: String = s[end..].iter().collect();
        return Err(ctx.value_error(format!("unconverted data remains: {rest}")));
    }
    // A directive given twice: the regex's named group keeps the last.
    let text_of = |d: char| -> Option<String> {
        groups
            .iter()
            .rev()
            .find(|g| g.0 == d)
            .map(|&(_, a, b)| s[a..b].iter().collect())
    };
    let num = |d: char| -> i64 { text_of(d).and_then(|t| t.trim().parse().ok()).unwrap_or(0) };
    let mut iso_year = None;
    let mut year = None;
    let (mut month, mut day) = (1, 1);
    let (mut hour, mut minute, mut second, mut fraction) = (0, 0, 0, 0);
    let mut tz = -1;
    let mut gmtoff = None;
    let mut gmtoff_fraction = 0;
    let (mut iso_week, mut week_of_year, mut week_starts_mon) = (None, None, false);
    let (mut weekday, mut julian) = (None, None);
    // Python's groupdict() is in the order the groups appear in the format.
    let mut seen: Vec<char> = Vec::new();
    for g in &groups {
        if !seen.contains(&g.0) {
            seen.push(g.0);
        }
    }
    for key in seen {
        let text = text_of(key).unwrap_or_default();
        let lower = text.to_lowercase();
        match key {
            'y' => {
                let y = num('y');
                year = Some(if y <= 68 { y + 2000 } else { y + 1900 });
            }
            'Y' => year = Some(num('Y')),
            'G' => iso_year = Some(num('G')),
            'm' => month = num('m'),
            'B' => month = F_MONTH.iter().position(|m| *m == lower).unwrap_or(0) as i64 + 1,
            'b' => month = A_MONTH.iter().position(|m| *m == lower).unwrap_or(0) as i64 + 1,
            'd' => day = num('d'),
            'H' => hour = num('H'),
            'I' => {
                hour = num('I');
                let ampm = text_of('p').unwrap_or_default().to_lowercase();
                if ampm.is_empty() || ampm == "am" {
                    if hour == 12 {
                        hour = 0;
                    }
                } else if ampm == "pm" && hour != 12 {
                    hour += 12;
                }
            }
            'M' => minute = num('M'),
            'S' => second = num('S'),
            'f' => fraction = format!("{text:0<6}").parse().unwrap_or(0),
            'A' => weekday = F_WEEKDAY.iter().position(|w| *w == lower).map(|i| i as i64),
            'a' => weekday = A_WEEKDAY.iter().position(|w| *w == lower).map(|i| i as i64),
            'w' => {
                let w = num('w');
                weekday = Some(if w == 0 { 6 } else { w - 1 });
            }
            'u' => weekday = Some(num('u') - 1),
            'j' => julian = Some(num('j')),
            'U' | 'W' => {
                week_of_year = Some(num(key));
                week_starts_mon = key == 'W';
            }
            'V' => iso_week = Some(num('V')),
            'z' => {
                if text == "Z" {
                    gmtoff = Some(0);
                } else {
                    let mut z: Vec<char> = text.chars().collect();
                    if z.get(3) == Some(&':') {
                        z.remove(3);
                        if z.len() > 5 {
                            if z[5] != ':' {
                                return Err(
                                    ctx.value_error(format!("Inconsistent use of : in {text}"))
                                );
                            }
                            z.remove(5);
                        }
                    }
                    // `int(z[5:7] or 0)`: CPython's own slicing, and int()'s error when
                    // the seconds are not digits (`+0130:15`).
                    let part = |a: usize, b: usize| -> R<i64> {
                        let t: String = z[a.min(z.len())..b.min(z.len())].iter().collect();
                        if t.is_empty() {
                            return Ok(0);
                        }
                        t.parse().map_err(|_| {
                            ctx.value_error(format!(
                                "invalid literal for int() with base 10: '{t}'"
                            ))
                        })
                    };
                    let mut off = part(1, 3)? * 3600 + part(3, 5)? * 60 + part(5, 7)?;
                    let rest: String = z[8.min(z.len())..].iter().collect();
                    let mut frac: i64 = format!("{rest:0<6}").parse().unwrap_or(0);
                    if z[0] == '-' {
                        off = -off;
                        frac = -frac;
                    }
                    gmtoff = Some(off);
                    gmtoff_fraction = frac;
                }
            }
            'Z' => {
                let (std_name, dst_name, daylight) = super::time::tz_names();
                let is_std = lower == "utc" || lower == "gmt" || lower == std_name.to_lowercase();
                let is_dst = daylight && lower == dst_name.to_lowercase();
                let ambiguous =
                    std_name == dst_name && daylight && lower != "utc" && lower != "gmt";
                if (is_std || is_dst) && !ambiguous {
                    tz = if is_std { 0 } else { 1 };
                }
            }
            _ => {}
        }
    }
    if year.is_none() && iso_year.is_some() {
        if iso_week.is_none() || weekday.is_none() {
            return Err(ctx.value_error("ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday directive ('%A', '%a', '%w', or '%u')."));
        }
        if julian.is_some() {
            return Err(ctx.value_error("Day of the year directive '%j' is not compatible with ISO year directive '%G'. Use '%Y' instead."));
        }
    } else if week_of_year.is_none() && iso_week.is_some() {
        return Err(ctx.value_error(if weekday.is_none() {
            "ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday directive ('%A', '%a', '%w', or '%u')."
        } else {
            "ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year '%G' instead."
        }));
    }
    let mut leap_year_fix = false;
    let mut year = match year {
        None if month == 2 && day == 29 => {
            leap_year_fix = true;
            1904
        }
        None => 1900,
        Some(y) => y,
    };
    if julian.is_none() {
        if let Some(wd) = weekday {
            if let Some(week) = week_of_year {
                let mut first = weekday_of(ctx, year, 1, 1)?;
                let mut dow = wd;
                if !week_starts_mon {
                    first = (first + 1) % 7;
                    dow = (dow + 1) % 7;
                }
                let week_0_length = (7 - first) % 7;
                julian = Some(if week == 0 {
                    1 + dow - first
                } else {
                    1 + week_0_length + 7 * (week - 1) + dow
                });
            } else if let (Some(iy), Some(iw)) = (iso_year, iso_week) {
                let correction = (ordinal(ctx, iy, 1, 4)? - 1) % 7 + 1 + 3;
                let mut ord = iw * 7 + wd + 1 - correction;
                let mut iy = iy;
                if ord < 1 {
                    ord += ordinal(ctx, iy, 1, 1)?;
                    iy -= 1;
                    ord -= ordinal(ctx, iy, 1, 1)?;
                }
                year = iy;
                julian = Some(ord);
            }
            if let Some(j) = julian {
                if j <= 0 {
                    year -= 1;
                    julian = Some(j + if is_leap(year) { 366 } else { 365 });
                }
            }
        }
    }
    let julian = match julian {
        None => ordinal(ctx, year, month, day)? - ordinal(ctx, year, 1, 1)? + 1,
        Some(j) => {
            let (y, m, d) = from_ordinal(ctx, j - 1 + ordinal(ctx, year, 1, 1)?)?;
            year = y;
            month = m;
            day = d;
            j
        }
    };
    let weekday = match weekday {
        Some(w) => w,
        None => weekday_of(ctx, year, month, day)?,
    };
    if leap_year_fix {
        year = 1900;
    }
    Ok(Parsed {
        year,
        month,
        day,
        hour,
        minute,
        second,
        weekday,
        julian,
        tz,
        tzname: text_of('Z'),
        gmtoff,
        fraction,
        gmtoff_fraction,
    })
}

/// The two string arguments, with CPython's message (which counts from 0).
pub fn string_args<'a>(
    ctx: &Ctx,
    data: &'a Value,
    format: Option<&'a Value>,
) -> R<(&'a str, &'a str)> {
    let mut out = ["", "%a %b %d %H:%M:%S %Y"];
    for (i, v) in [Some(data), format].into_iter().enumerate() {
        match v {
            Some(Value::Str(s)) => out[i] = s,
            None => {}
            Some(other) => {
                return Err(ctx.type_error(format!(
                    "strptime() argument {i} must be str, not <class '{}'>",
                    type_name(other)
                )))
            }
        }
    }
    Ok((out[0], out[1]))
}

pub fn items() -> Vec<(&'static str, Value)> {
    vec![(
        "_strptime",
        builtin_fn("_strptime", |ctx, a, _| {
            let Some(data) = a.first() else {
                return Err(ctx.type_error(
                    "_strptime() missing 1 required positional argument: 'data_string'",
                ));
            };
            let (data, format) = string_args(ctx, data, a.get(1))?;
            let p = parse(ctx, data, format)?;
            let opt = |v: Option<i64>| v.map_or(Value::None, Value::Int);
            let tt = Value::tuple(vec![
                Value::Int(p.year),
                Value::Int(p.month),
                Value::Int(p.day),
                Value::Int(p.hour),
                Value::Int(p.minute),
                Value::Int(p.second),
                Value::Int(p.weekday),
                Value::Int(p.julian),
                Value::Int(p.tz),
                p.tzname.map_or(Value::None, Value::string),
                opt(p.gmtoff),
            ]);
            Ok(Value::tuple(vec![
                tt,
                Value::Int(p.fraction),
                Value::Int(p.gmtoff_fraction),
            ]))
        }),
    )]
}
