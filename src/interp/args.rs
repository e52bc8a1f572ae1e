//! One argument binder for every native function and method.
//!
//! Each callable declares its [`Signature`] once, in a table; [`bind`] checks a call
//! against it before the callable's code runs, with CPython 3.11's words for too few or
//! too many positional arguments and for keywords it does not take. CPython has several
//! argument parsers whose messages differ (`str.upper() takes no arguments (1 given)`,
//! `replace expected at least 2 arguments, got 1`, `count() takes at most 3 arguments
//! (5 given)`, `'bogus' is an invalid keyword argument for encode()`), so a signature
//! names the parser its callable uses in CPython: its [`Style`].
//!
//! After binding, the positional slice holds at least `min` values and at most `max`,
//! and every parameter given by keyword that directly follows the positional ones has
//! been moved into its place: code may index `a[i]` for any required parameter, and
//! looks optional ones up with `a.get(i).or(kwarg(k, name))`. A call with no keywords
//! (the common case) is checked without allocating.

use crate::interp::value::{Name, Value};
use crate::interp::{Ctx, R};
use smallvec::SmallVec;

/// Which of CPython's argument parsers a callable uses: it decides the wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `METH_NOARGS`: `str.upper() takes no arguments (1 given)`.
    NoArgs,
    /// `METH_O`: `list.append() takes exactly one argument (0 given)`.
    One,
    /// Argument Clinic, positional only (`_PyArg_CheckPositional`):
    /// `replace expected at least 2 arguments, got 1`.
    Positional,
    /// `PyArg_ParseTuple` (older methods such as `str.count`):
    /// `count() takes at least 1 argument (0 given)`.
    Tuple,
    /// Argument Clinic with keywords (`_PyArg_UnpackKeywords`):
    /// `split() takes at most 2 arguments (3 given)`,
    /// `'bogus' is an invalid keyword argument for split()`.
    Keywords,
    /// Any number of positional arguments, no keywords (`set.union`).
    VarArgs,
    /// A function written in Python in CPython's library (`socket.create_connection`,
    /// `socket.socket.close`): the interpreter's own words, `takes from 1 to 3 positional
    /// arguments but 4 were given`, `missing 1 required positional argument: 'address'`,
    /// `got an unexpected keyword argument 'x'`. A method (`owner` set) counts `self`.
    Python,
    /// The callable checks its own arguments (`print`, `str.format`, `dict.update`).
    Own,
}

/// What a callable accepts. `params` names the parameters in order (positional ones,
/// then keyword-only ones); the first `posonly` cannot be passed by keyword. `min` and
/// `max` bound the positional arguments (`max` 255: no bound).
#[derive(Debug)]
pub struct Signature {
    pub name: &'static str,
    /// The type a method belongs to (`"str"`), or `""` for a function.
    pub owner: &'static str,
    pub style: Style,
    pub posonly: u8,
    pub min: u8,
    pub max: u8,
    pub params: &'static [&'static str],
}

/// Arguments rearranged by [`bind`]: keyword arguments moved into their positions.
pub type Rebound = (SmallVec<[Value; 4]>, SmallVec<[(Name, Value); 2]>);

impl Signature {
    /// A function checked by its own code (and so listed, but not bound here).
    pub const fn own(name: &'static str) -> Signature {
        Signature {
            name,
            owner: "",
            style: Style::Own,
            posonly: 0,
            min: 0,
            max: 255,
            params: &[],
        }
    }

    fn qualified(&self) -> String {
        if self.owner.is_empty() {
            self.name.to_string()
        } else {
            format!("{}.{}", self.owner, self.name)
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Check a call against `sig`. `Ok(None)`: the arguments are fine as they are;
/// `Ok(Some(..))`: use these instead (keywords moved into positions).
pub fn bind(ctx: &Ctx, sig: &Signature, a: &[Value], k: &[(Name, Value)]) -> R<Option<Rebound>> {
    let n = a.len();
    let (min, max) = (sig.min as usize, sig.max as usize);
    let err = |msg: String| Err(ctx.type_error(msg));
    match sig.style {
        Style::Own => Ok(None),
        Style::NoArgs | Style::One | Style::Positional | Style::Tuple | Style::VarArgs => {
            if !k.is_empty() {
                // Called directly (`s.recv(x=1)`); through a bound-method object
                // the tuple styles drop the type (`exec::bound_method_keywords`).
                let who = sig.qualified();
                return err(format!("{who}() takes no keyword arguments"));
            }
            if (min..=max).contains(&n) {
                return Ok(None);
            }
            let q = sig.qualified();
            let name = sig.name;
            err(match sig.style {
                Style::NoArgs => format!("{q}() takes no arguments ({n} given)"),
                Style::One => format!("{q}() takes exactly one argument ({n} given)"),
                Style::Positional => {
                    let (how, bound) = match (min == max, n < min) {
                        (true, _) => ("", min),
                        (false, true) => ("at least ", min),
                        (false, false) => ("at most ", max),
                    };
                    format!(
                        "{name} expected {how}{bound} argument{}, got {n}",
                        plural(bound)
                    )
                }
                _ => {
                    let (how, bound) = match (min == max, n < min) {
                        (true, _) => ("exactly", min),
                        (false, true) => ("at least", min),
                        (false, false) => ("at most", max),
                    };
                    format!(
                        "{name}() takes {how} {bound} argument{} ({n} given)",
                        plural(bound)
                    )
                }
            })
        }
        Style::Keywords => bind_keywords(ctx, sig, a, k),
        Style::Python => bind_python(ctx, sig, a, k),
    }
}

/// How CPython binds a call to a function written in Python (`ceval.c`).
fn bind_python(ctx: &Ctx, sig: &Signature, a: &[Value], k: &[(Name, Value)]) -> R<Option<Rebound>> {
    let n = a.len();
    let (min, max) = (sig.min as usize, sig.max as usize);
    if k.is_empty() && (min..=max).contains(&n) {
        return Ok(None);
    }
    let q = sig.qualified();
    let err = |msg: String| Err(ctx.type_error(msg));
    let this = usize::from(!sig.owner.is_empty());
    if n > max {
        let (lo, hi, given) = (min + this, max + this, n + this);
        let verb = if given == 1 { "was" } else { "were" };
        return err(if lo < hi {
            format!("{q}() takes from {lo} to {hi} positional arguments but {given} {verb} given")
        } else {
            format!(
                "{q}() takes {hi} positional argument{} but {given} {verb} given",
                plural(hi)
            )
        });
    }
    for (key, _) in k {
        match sig.params.iter().position(|p| *p == &**key) {
            None => return err(format!("{q}() got an unexpected keyword argument '{key}'")),
            Some(i) if i < n => {
                return err(format!("{q}() got multiple values for argument '{key}'"))
            }
            Some(_) => {}
        }
    }
    let missing: Vec<&str> = sig.params[n.min(min)..min]
        .iter()
        .copied()
        .filter(|p| !k.iter().any(|(key, _)| &**key == *p))
        .collect();
    if !missing.is_empty() {
        let quoted: Vec<String> = missing.iter().map(|p| format!("'{p}'")).collect();
        let list = match quoted.as_slice() {
            [one] => one.clone(),
            [first, second] => format!("{first} and {second}"),
            [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
            [] => String::new(),
        };
        return err(format!(
            "{q}() missing {} required positional argument{}: {list}",
            missing.len(),
            plural(missing.len())
        ));
    }
    Ok(Some(move_keywords(sig, a, k)))
}

/// Keywords naming the parameters right after the positional ones, moved into place.
fn move_keywords(sig: &Signature, a: &[Value], k: &[(Name, Value)]) -> Rebound {
    let maxpos = sig.max as usize;
    let mut pos: SmallVec<[Value; 4]> = a.iter().cloned().collect();
    let mut rest: SmallVec<[(Name, Value); 2]> = k.iter().cloned().collect();
    while pos.len() < maxpos && pos.len() < sig.params.len() {
        let Some(j) = rest
            .iter()
            .position(|(key, _)| &**key == sig.params[pos.len()])
        else {
            break;
        };
        pos.push(rest.remove(j).1);
    }
    (pos, rest)
}

/// `_PyArg_UnpackKeywords`, check for check and message for message.
fn bind_keywords(
    ctx: &Ctx,
    sig: &Signature,
    a: &[Value],
    k: &[(Name, Value)],
) -> R<Option<Rebound>> {
    let name = sig.name;
    let nargs = a.len();
    let (minpos, maxpos) = (sig.min as usize, sig.max as usize);
    let posonly = sig.posonly as usize;
    if k.is_empty() && minpos <= nargs && nargs <= maxpos {
        return Ok(None);
    }
    let maxargs = sig.params.len();
    let err = |msg: String| Err(ctx.type_error(msg));
    if nargs + k.len() > maxargs {
        return err(format!(
            "{name}() takes at most {maxargs} {}argument{} ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            plural(maxargs),
            nargs + k.len()
        ));
    }
    if nargs > maxpos {
        if maxpos == 0 {
            return err(format!("{name}() takes no positional arguments"));
        }
        return err(format!(
            "{name}() takes {} {maxpos} positional argument{} ({nargs} given)",
            if minpos < maxpos {
                "at most"
            } else {
                "exactly"
            },
            plural(maxpos)
        ));
    }
    let minposonly = posonly.min(minpos);
    if nargs < minposonly {
        return err(format!(
            "{name}() takes {} {minposonly} positional argument{} ({nargs} given)",
            if minposonly < maxpos {
                "at least"
            } else {
                "exactly"
            },
            plural(minposonly)
        ));
    }
    let find = |p: &str| k.iter().position(|(key, _)| &**key == p);
    let mut used = 0;
    for i in nargs.max(posonly)..maxargs {
        match find(sig.params[i]) {
            Some(_) => used += 1,
            None if i < minpos => {
                return err(format!(
                    "{name}() missing required argument '{}' (pos {})",
                    sig.params[i],
                    i + 1
                ))
            }
            None => {}
        }
    }
    if used < k.len() {
        for (i, p) in sig.params.iter().enumerate().take(nargs).skip(posonly) {
            if find(p).is_some() {
                return err(format!(
                    "argument for {name}() given by name ('{p}') and position ({})",
                    i + 1
                ));
            }
        }
        // The first keyword that names no parameter (or a positional-only one).
        let unknown = k
            .iter()
            .find(|(key, _)| !sig.params[posonly..].iter().any(|p| *p == &**key))
            .map(|(key, _)| key.to_string())
            .unwrap_or_default();
        return err(format!(
            "'{unknown}' is an invalid keyword argument for {name}()"
        ));
    }
    Ok(Some(move_keywords(sig, a, k)))
}

/// For functions that take a few keywords beside any number of positional arguments
/// (`max(..., key=, default=)`, `zip(..., strict=)`): the first keyword not in `allowed`
/// is CPython's `'bogus' is an invalid keyword argument for max()`.
pub fn keywords_among(ctx: &Ctx, func: &str, k: &[(Name, Value)], allowed: &[&str]) -> R<()> {
    match k.iter().find(|(key, _)| !allowed.contains(&&**key)) {
        Some((key, _)) => Err(ctx.type_error(format!(
            "'{key}' is an invalid keyword argument for {func}()"
        ))),
        None => Ok(()),
    }
}

/// Find `name` in a table sorted by name.
pub fn lookup<'a>(table: &'a [Signature], name: &str) -> Option<&'a Signature> {
    row(table, name).map(|i| &table[i])
}

/// Where `name` is in a table sorted by name.
pub fn row(table: &[Signature], name: &str) -> Option<usize> {
    table
        .binary_search_by(|s| short_cmp(s.name.as_bytes(), name.as_bytes()))
        .ok()
}

/// `a.cmp(b)` for the short names of methods, inline: every method call looks its
/// signature up, and a call into the C library's `memcmp` per step was most of it.
#[inline]
fn short_cmp(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPLIT: Signature = Signature {
        name: "split",
        owner: "str",
        style: Style::Keywords,
        posonly: 0,
        min: 0,
        max: 2,
        params: &["sep", "maxsplit"],
    };

    fn message(sig: &Signature, a: &[Value], k: &[(&str, Value)]) -> String {
        let interp = crate::interp::Interp::new(vec![]);
        let mut ctx = interp.new_ctx();
        let k: Vec<(Name, Value)> = k.iter().map(|(n, v)| (Name::from(*n), v.clone())).collect();
        match bind(&ctx, sig, a, &k) {
            Ok(_) => "ok".into(),
            Err(e) => crate::interp::repr::str(&mut ctx, &e.value).unwrap_or_default(),
        }
    }

    #[test]
    fn keywords_are_checked_as_argument_clinic_does() {
        let one = Value::Int(1);
        assert_eq!(message(&SPLIT, &[], &[("maxsplit", one.clone())]), "ok");
        assert_eq!(
            message(&SPLIT, &[], &[("bogus", one.clone())]),
            "'bogus' is an invalid keyword argument for split()"
        );
        assert_eq!(
            message(&SPLIT, std::slice::from_ref(&one), &[("sep", one.clone())]),
            "argument for split() given by name ('sep') and position (1)"
        );
        assert_eq!(
            message(&SPLIT, &[one.clone(), one.clone(), one.clone()], &[]),
            "split() takes at most 2 arguments (3 given)"
        );
    }

    #[test]
    fn keywords_move_into_their_places() {
        let interp = crate::interp::Interp::new(vec![]);
        let ctx = interp.new_ctx();
        let k = vec![
            (Name::from("maxsplit"), Value::Int(1)),
            (Name::from("sep"), Value::Int(2)),
        ];
        let (pos, rest) = bind(&ctx, &SPLIT, &[], &k).ok().flatten().expect("rebound");
        assert!(matches!(pos.as_slice(), [Value::Int(2), Value::Int(1)]));
        assert!(rest.is_empty());
    }
}
