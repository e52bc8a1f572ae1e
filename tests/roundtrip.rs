//! The printer's promise: `parse(print(tree)) == tree`, and printing is a fixed point
//! (`print(parse(print(tree))) == print(tree)`).
//!
//! Two sources of trees: every program of the conformance corpus, and random programs
//! from a grammar of the lecture's subset (written as text, with random parentheses,
//! quote styles, escapes and number spellings, so the parser sees varied input too).

use proptest::prelude::*;
use socklab::syntax::{self, unparse, ParseMode, Source};

fn parse(name: &str, text: &str) -> Result<syntax::ast::Module, String> {
    let src = Source::new(name, text);
    syntax::parse_module(&src, ParseMode::File).map_err(|e| e.render(&src))
}

/// Print, re-parse, compare; print again, compare texts. Returns a description of the
/// first difference.
fn check_round_trip(text: &str) -> Result<(), String> {
    let tree =
        parse("<generated>", text).map_err(|e| format!("original does not parse:\n{e}\n{text}"))?;
    let printed = unparse::module(&tree);
    let again = parse("<printed>", &printed).map_err(|e| {
        format!("printed text does not parse:\n{e}\n--- original\n{text}\n--- printed\n{printed}")
    })?;
    if again != tree {
        return Err(format!(
            "re-parsed tree differs\n--- original\n{text}\n--- printed\n{printed}\n--- trees\n{tree:#?}\n{again:#?}"
        ));
    }
    let printed_again = unparse::module(&again);
    if printed_again != printed {
        return Err(format!(
            "printing is not a fixed point\n--- first\n{printed}\n--- second\n{printed_again}"
        ));
    }
    Ok(())
}

/// Deep programs (the corpus has some) need the stack `socklab run` gives its parser.
fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(socklab::interp::INTERPRETER_STACK)
        .spawn(f)
        .expect("spawn")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
}

/// What the parser fuzzer found: text that decodes to nothing (a backslash-newline inside
/// an f-string) made an empty text part, which `f''` does not have.
#[test]
fn fstring_text_that_decodes_to_nothing_round_trips() {
    for text in ["f\"\\\n\"\n", "f'a\\\nb{1}\\\n'\n", "x = f'\\\n' f''\n"] {
        check_round_trip(text).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Annotations: parameters (with defaults, `*args`, keyword-only, `**kwargs`), the
/// return, and annotated assignments, print and parse back the same.
#[test]
fn annotations_round_trip() {
    for text in [
        "def f(a: int, b: 'str' = 'x', *rest: bytes, c: float = 1.5, **kw: dict) -> None:\n    pass\n",
        "def g(a, /, b: list[int], *, c) -> tuple[int, str]:\n    return (1, 'a')\n",
        "class C:\n    port: int = 80\n    def m(self) -> 'C':\n        x: int = 1\n        return self\n",
        "f = lambda x, y=1: x\n",
        // What the parser fuzzer found: a name used twice (a SyntaxError later, when the
        // tree is checked) keeps each annotation with the parameter that wrote it.
        "def h(a: int, a: str, a, *a: bytes, a=1, **a: float):\n    pass\n",
        "def k(c: socket.socket, d, c: int, *, e, d: str) -> None:\n    pass\n",
        "def m(a: int, *rest: bytes, a: float = 2.0, rest: str = 'x', **kw: int) -> None:\n    return None\n",
    ] {
        check_round_trip(text).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// What the parser fuzzer found: `del ()` deletes nothing and printed as a bare `del`.
#[test]
fn del_of_nothing_round_trips() {
    for text in [
        "del ()\n",
        "del []\n",
        "del (), x\n",
        "del [a, (b, [c])], ()\n",
        "if x:\n    del ()\n",
    ] {
        check_round_trip(text).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn conformance_corpus_round_trips() {
    on_big_stack(corpus_round_trips);
}

fn corpus_round_trips() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/lang");
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        // The megabyte-sized robustness inputs test the parser's limits, not the
        // printer, and would take most of this test's time in a debug build.
        if text.len() > 64 * 1024 {
            continue;
        }
        // Programs that are meant to be syntax errors have nothing to print.
        if parse("<corpus>", &text).is_err() {
            continue;
        }
        if let Err(e) = check_round_trip(&text) {
            panic!("{}: {e}", path.display());
        }
        checked += 1;
    }
    assert!(checked > 100, "only {checked} corpus programs parsed");
}

// -------------------------------------------------------------------------------------
// A grammar of the subset, as text. Each expression strategy yields its text and its
// binding strength (the printer's levels), so a combinator can parenthesise exactly
// where Python needs it, and sometimes where it does not.

const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 6;
const FACTOR: u8 = 12;
const PRIMARY: u8 = 14;
const ATOM: u8 = 15;

#[derive(Clone, Debug)]
struct E {
    text: String,
    prec: u8,
    /// A number literal: `1.real` would lex as `1.` `real`.
    number: bool,
}

impl E {
    fn new(text: impl Into<String>, prec: u8) -> E {
        E {
            text: text.into(),
            prec,
            number: false,
        }
    }
    /// The text, parenthesised if it binds looser than `want`.
    fn at(&self, want: u8) -> String {
        if self.prec < want {
            format!("({})", self.text)
        } else {
            self.text.clone()
        }
    }
}

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a", "b", "x", "y", "n", "data", "_tmp", "sock", "conn", "Émile", "i2",
    ])
    .prop_map(str::to_string)
}

fn int_literal() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..1000).prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        Just("123456789012345678901234567890123".to_string()),
        any::<u16>().prop_map(|n| format!("0x{n:X}")),
        any::<u16>().prop_map(|n| format!("0o{n:o}")),
        any::<u8>().prop_map(|n| format!("0b{n:b}")),
        Just("1_000_000".to_string()),
        Just("0".to_string()),
        Just("00".to_string()),
    ]
}

fn float_literal() -> impl Strategy<Value = String> {
    prop_oneof![
        // Any finite value, written as Rust's shortest round-trip text.
        any::<f64>().prop_map(|f| {
            let f = if f.is_finite() { f.abs() } else { 0.5 };
            format!("{f:?}")
        }),
        (0u32..10000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        prop::sample::select(vec![
            "1e10", ".5", "5.", "1.5E-7", "1_0.2_5", "1e999", "0.0"
        ])
        .prop_map(str::to_string),
    ]
}

/// Characters a string may hold, weighted towards the ones that need care.
fn str_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        1 => prop::sample::select(vec![
            ' ', '\'', '"', '\\', '\n', '\t', '\r', '\0', '{', '}', '\x7f', '\u{1b}', 'é', '€',
            '\u{2028}', '\u{a0}', '😀', '#', ':', '!', '=',
        ]),
    ]
}

/// One string literal holding `value`, spelled with a random quote style and escapes.
fn spell_str(value: &str, quote: &str, variant: u8) -> String {
    let q = quote.chars().next().unwrap_or('\'');
    let triple = quote.len() == 3;
    let mut body = String::new();
    for (k, c) in value.chars().enumerate() {
        match c {
            '\\' => body.push_str("\\\\"),
            '\n' if triple && variant.is_multiple_of(2) => body.push('\n'),
            '\n' => body.push_str("\\n"),
            '\t' => body.push_str("\\t"),
            '\r' => body.push_str("\\r"),
            // Not `\0`: a digit after it would join the octal escape.
            '\0' => body.push_str("\\x00"),
            c if c == q => {
                body.push('\\');
                body.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                body.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !c.is_ascii() && (k + variant as usize).is_multiple_of(2) => {
                let v = c as u32;
                if v <= 0xffff {
                    body.push_str(&format!("\\u{v:04x}"));
                } else {
                    body.push_str(&format!("\\U{v:08x}"));
                }
            }
            c => body.push(c),
        }
    }
    format!("{quote}{body}{quote}")
}

fn quote_style() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["'", "\"", "'''", "\"\"\""])
}

fn str_literal() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            prop::collection::vec(str_char(), 0..12),
            quote_style(),
            any::<u8>()
        )
            .prop_map(|(cs, q, v)| {
                let value: String = cs.into_iter().collect();
                spell_str(&value, q, v)
            }),
        // Raw strings keep their backslashes.
        "[a-z\\\\ ]{0,8}".prop_map(|s| {
            let s = if s.ends_with('\\') {
                format!("{s}x")
            } else {
                s
            };
            format!("r'{s}'")
        }),
    ]
}

fn bytes_literal() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u8>(), 0..10).prop_map(|bs| {
        let mut body = String::new();
        for b in bs {
            match b {
                b'\\' => body.push_str("\\\\"),
                b'\'' => body.push_str("\\'"),
                0x20..=0x7e => body.push(b as char),
                _ => body.push_str(&format!("\\x{b:02x}")),
            }
        }
        format!("b'{body}'")
    })
}

/// A simple expression that may stand inside an f-string field quoted with `q`:
/// no backslash, and nested strings use the other quote.
fn field_expr(q: char) -> impl Strategy<Value = String> {
    let other = if q == '\'' { '"' } else { '\'' };
    prop_oneof![
        name(),
        int_literal(),
        (name(), name()).prop_map(|(a, b)| format!("{a}.{b}")),
        (name(), 0u8..9).prop_map(|(a, k)| format!("{a}[{k}]")),
        (name(), name()).prop_map(|(a, b)| format!("{a}({b}, k=1)")),
        (name(), int_literal()).prop_map(|(a, n)| format!("{a} + {n}")),
        // Control characters stand raw in such a string: no escape is allowed there.
        "[a-z :\x01\t]{0,6}".prop_map(move |s| format!("{other}{s}{other}")),
        (name(), name()).prop_map(|(a, b)| format!("{{{a}: {b}}}")),
        name().prop_map(|a| format!("{a} if {a} else -{a}")),
        name().prop_map(|a| format!("(lambda: {a})()")),
        (name(), name()).prop_map(|(a, b)| format!("{a} != {b}")),
    ]
}

/// An f-string literal: text with braces and escapes, fields with conversions, format
/// specs (some with nested fields) and `=` debugging.
fn fstring_literal() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!['\'', '"']),
        prop::collection::vec(
            (
                "[a-z {}:N]{0,6}",
                any::<bool>(),
                any::<u8>(),
                0u8..6,
                any::<bool>(),
            ),
            0..4,
        ),
        prop::collection::vec(field_expr('\''), 4),
        prop::collection::vec(field_expr('"'), 4),
    )
        .prop_map(|(q, pieces, single, double)| {
            let exprs = if q == '\'' { single } else { double };
            let mut body = String::new();
            for (k, (text, field, conv, spec, debug)) in pieces.into_iter().enumerate() {
                // Literal text: braces doubled, `N` spelled as the escape `\n`.
                let text = text
                    .replace('{', "{{")
                    .replace('}', "}}")
                    .replace('N', "\\n");
                body.push_str(&text);
                if !field {
                    continue;
                }
                let e = &exprs[k % exprs.len()];
                body.push('{');
                // `{x=}` only for plain names, whose text is what the debug prints.
                let is_plain = e.chars().all(|c| c.is_alphanumeric() || c == '_');
                if debug && is_plain {
                    body.push_str(e);
                    body.push('=');
                } else if e.contains(" if ") || e.contains('!') || e.starts_with('{') {
                    body.push_str(&format!("({e})"));
                } else {
                    body.push_str(e);
                }
                match conv % 4 {
                    1 => body.push_str("!r"),
                    2 => body.push_str("!s"),
                    3 => body.push_str("!a"),
                    _ => {}
                }
                match spec {
                    1 => body.push_str(":>10"),
                    2 => body.push_str(":.3f"),
                    3 => body.push_str(":{width}"),
                    4 => body.push_str(":0{width}d"),
                    5 => body.push(':'),
                    _ => {}
                }
                body.push('}');
            }
            let prefix = if body.len().is_multiple_of(3) {
                "F"
            } else {
                "f"
            };
            format!("{prefix}{q}{body}{q}")
        })
}

fn atom() -> impl Strategy<Value = E> {
    prop_oneof![
        6 => name().prop_map(|n| E::new(n, ATOM)),
        2 => int_literal().prop_map(|n| E { number: true, ..E::new(n, ATOM) }),
        1 => float_literal().prop_map(|n| E { number: true, ..E::new(n, ATOM) }),
        3 => str_literal().prop_map(|s| E::new(s, ATOM)),
        // Adjacent literals concatenate; an f-string among them makes the whole an f-string.
        1 => (str_literal(), fstring_literal()).prop_map(|(a, b)| E::new(format!("{a} {b}"), ATOM)),
        1 => (fstring_literal(), str_literal()).prop_map(|(a, b)| E::new(format!("{a} {b}"), ATOM)),
        1 => bytes_literal().prop_map(|s| E::new(s, ATOM)),
        2 => fstring_literal().prop_map(|s| E::new(s, ATOM)),
        1 => prop::sample::select(vec!["None", "True", "False", "..."]).prop_map(|s| E::new(s, ATOM)),
    ]
}

const BINOPS: &[(&str, u8)] = &[
    ("|", 6),
    ("^", 7),
    ("&", 8),
    ("<<", 9),
    (">>", 9),
    ("+", 10),
    ("-", 10),
    ("*", 11),
    ("/", 11),
    ("//", 11),
    ("%", 11),
    ("@", 11),
];

const CMPOPS: &[&str] = &[
    "==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in",
];

fn list_of(e: BoxedStrategy<E>, max: usize) -> impl Strategy<Value = Vec<E>> {
    prop::collection::vec(e, 0..max)
}

/// An item of a display: an expression or `*starred`.
fn item(e: &BoxedStrategy<E>) -> impl Strategy<Value = String> {
    (e.clone(), any::<u8>()).prop_map(|(e, k)| {
        if k % 6 == 0 {
            format!("*{}", e.at(BOR))
        } else {
            e.at(TEST)
        }
    })
}

fn comprehension_clauses(e: &BoxedStrategy<E>) -> impl Strategy<Value = String> {
    prop::collection::vec(
        (target(), e.clone(), prop::collection::vec(e.clone(), 0..2)),
        1..3,
    )
    .prop_map(|clauses| {
        let mut s = String::new();
        for (t, iter, ifs) in clauses {
            s.push_str(&format!(" for {t} in {}", iter.at(OR)));
            for c in ifs {
                s.push_str(&format!(" if {}", c.at(OR)));
            }
        }
        s
    })
}

/// Parameters of a `def` or `lambda`: positional (defaults only at the end), `*args`
/// or a bare `*`, keyword-only, `**kwargs`.
fn params(e: &BoxedStrategy<E>) -> impl Strategy<Value = String> {
    (
        0usize..3,
        prop::collection::vec(e.clone(), 0..2),
        0u8..3,
        prop::collection::vec(prop::option::of(e.clone()), 0..2),
        any::<bool>(),
    )
        .prop_map(|(plain, defaults, star, kwonly, starstar)| {
            let mut ps: Vec<String> = Vec::new();
            for k in 0..plain {
                ps.push(format!("p{k}"));
            }
            for (k, d) in defaults.iter().enumerate() {
                ps.push(format!("d{k}={}", d.at(TEST)));
            }
            let has_kwonly = !kwonly.is_empty();
            match star {
                1 => ps.push("*args".into()),
                2 if has_kwonly => ps.push("*".into()),
                _ if has_kwonly => ps.push("*rest".into()),
                _ => {}
            }
            for (k, d) in kwonly.iter().enumerate() {
                match d {
                    Some(d) => ps.push(format!("k{k}={}", d.at(TEST))),
                    None => ps.push(format!("k{k}")),
                }
            }
            if starstar {
                ps.push("**kw".into());
            }
            ps.join(", ")
        })
}

fn call_args(e: &BoxedStrategy<E>) -> impl Strategy<Value = String> {
    (
        list_of(e.clone(), 3),
        prop::option::of(e.clone()),
        prop::collection::vec((name(), e.clone()), 0..3),
        prop::option::of(e.clone()),
    )
        .prop_map(|(pos, star, kws, starstar)| {
            let mut args: Vec<String> = pos.iter().map(|p| p.at(TEST)).collect();
            if let Some(s) = star {
                args.push(format!("*{}", s.at(TEST)));
            }
            let mut seen = Vec::new();
            for (k, v) in kws {
                if !seen.contains(&k) {
                    args.push(format!("{k}={}", v.at(TEST)));
                    seen.push(k);
                }
            }
            if let Some(s) = starstar {
                args.push(format!("**{}", s.at(TEST)));
            }
            args.join(", ")
        })
}

fn subscript(e: &BoxedStrategy<E>) -> impl Strategy<Value = String> {
    let part = (
        prop::option::of(e.clone()),
        prop::option::of(e.clone()),
        prop::option::of(e.clone()),
        0u8..3,
    )
        .prop_map(|(lo, hi, step, shape)| {
            let t = |o: &Option<E>| o.as_ref().map_or(String::new(), |e| e.at(TEST));
            match (shape, &lo) {
                (0, Some(lo)) => lo.at(TEST),
                (1, _) => format!("{}:{}", t(&lo), t(&hi)),
                _ => format!("{}:{}:{}", t(&lo), t(&hi), t(&step)),
            }
        });
    prop::collection::vec(part, 1..3).prop_map(|parts| {
        if parts.len() == 1 {
            parts[0].clone()
        } else {
            parts.join(", ")
        }
    })
}

fn expression() -> BoxedStrategy<E> {
    atom()
        .boxed()
        .prop_recursive(4, 48, 4, |inner| {
            let e = inner.clone();
            prop_oneof![
                // Parentheses the grammar does not need.
                e.clone()
                    .prop_map(|x| E::new(format!("({})", x.text), ATOM)),
                (prop::sample::select(vec!["-", "+", "~"]), e.clone())
                    .prop_map(|(op, x)| E::new(format!("{op}{}", x.at(FACTOR)), FACTOR)),
                e.clone()
                    .prop_map(|x| E::new(format!("not {}", x.at(NOT)), NOT)),
                (e.clone(), prop::sample::select(BINOPS.to_vec()), e.clone()).prop_map(
                    |(l, (op, p), r)| E::new(format!("{} {op} {}", l.at(p), r.at(p + 1)), p)
                ),
                (e.clone(), e.clone()).prop_map(|(l, r)| {
                    let base = if l.number {
                        format!("({})", l.text)
                    } else {
                        l.at(PRIMARY)
                    };
                    E::new(format!("{base} ** {}", r.at(FACTOR)), 13)
                }),
                (e.clone(), e.clone())
                    .prop_map(|(l, r)| E::new(format!("{} and {}", l.at(AND), r.at(NOT)), AND)),
                (e.clone(), e.clone())
                    .prop_map(|(l, r)| E::new(format!("{} or {}", l.at(OR), r.at(AND)), OR)),
                (
                    e.clone(),
                    prop::collection::vec((prop::sample::select(CMPOPS.to_vec()), e.clone()), 1..3)
                )
                    .prop_map(|(first, rest)| {
                        let mut s = first.at(BOR);
                        for (op, r) in rest {
                            s.push_str(&format!(" {op} {}", r.at(BOR)));
                        }
                        E::new(s, CMP)
                    }),
                (e.clone(), e.clone(), e.clone()).prop_map(|(b, t, o)| E::new(
                    format!("{} if {} else {}", b.at(OR), t.at(OR), o.at(TEST)),
                    TEST
                )),
                (params(&e), e.clone()).prop_map(|(ps, body)| {
                    let head = if ps.is_empty() {
                        "lambda".to_string()
                    } else {
                        format!("lambda {ps}")
                    };
                    E::new(format!("{head}: {}", body.at(TEST)), TEST)
                }),
                (e.clone(), name()).prop_map(|(v, n)| {
                    let base = if v.number {
                        format!("({})", v.text)
                    } else {
                        v.at(PRIMARY)
                    };
                    E::new(format!("{base}.{n}"), PRIMARY)
                }),
                (e.clone(), call_args(&e))
                    .prop_map(|(f, a)| E::new(format!("{}({a})", f.at(PRIMARY)), PRIMARY)),
                (e.clone(), subscript(&e))
                    .prop_map(|(v, s)| E::new(format!("{}[{s}]", v.at(PRIMARY)), PRIMARY)),
                prop::collection::vec(item(&e), 0..4)
                    .prop_map(|items| E::new(format!("[{}]", items.join(", ")), ATOM)),
                prop::collection::vec(item(&e), 0..4).prop_map(|items| {
                    let text = match items.len() {
                        0 => "()".to_string(),
                        1 => format!("({},)", items[0]),
                        _ => format!("({})", items.join(", ")),
                    };
                    E::new(text, ATOM)
                }),
                prop::collection::vec(item(&e), 1..4)
                    .prop_map(|items| E::new(format!("{{{}}}", items.join(", ")), ATOM)),
                prop::collection::vec((e.clone(), e.clone(), any::<u8>()), 0..4).prop_map(
                    |pairs| {
                        let items: Vec<String> = pairs
                            .iter()
                            .map(|(k, v, n)| {
                                if n % 5 == 0 {
                                    format!("**{}", v.at(BOR))
                                } else {
                                    format!("{}: {}", k.at(TEST), v.at(TEST))
                                }
                            })
                            .collect();
                        E::new(format!("{{{}}}", items.join(", ")), ATOM)
                    }
                ),
                (e.clone(), comprehension_clauses(&e), 0u8..3).prop_map(|(elt, clauses, kind)| {
                    let (o, c) = [("[", "]"), ("{", "}"), ("(", ")")][kind as usize];
                    E::new(format!("{o}{}{clauses}{c}", elt.at(TEST)), ATOM)
                }),
                (e.clone(), e.clone(), comprehension_clauses(&e)).prop_map(|(k, v, clauses)| {
                    E::new(format!("{{{}: {}{clauses}}}", k.at(TEST), v.at(TEST)), ATOM)
                }),
                (e.clone(), comprehension_clauses(&e)).prop_map(|(f, clauses)| E::new(
                    format!("f(x{clauses})",).replace("f(x", &format!("{}({}", "f", f.at(TEST))),
                    PRIMARY
                )),
                (name(), e.clone())
                    .prop_map(|(n, v)| E::new(format!("({n} := {})", v.at(TEST)), ATOM)),
            ]
        })
        .boxed()
}

/// An assignment target: a name, attribute, subscript, or a tuple or list of targets
/// (one of which may be starred).
fn target() -> impl Strategy<Value = String> {
    let simple = prop_oneof![
        3 => name(),
        1 => (name(), name()).prop_map(|(a, b)| format!("{a}.{b}")),
        1 => (name(), name()).prop_map(|(a, b)| format!("{a}[{b}]")),
    ];
    prop_oneof![
        3 => simple.clone(),
        1 => (prop::collection::vec(simple.clone(), 1..4), 0u8..4, any::<bool>()).prop_map(|(ts, shape, star)| {
            let mut ts = ts;
            if star {
                ts[0] = format!("*{}", ts[0]);
            }
            let joined = ts.join(", ");
            let one = ts.len() == 1;
            match shape {
                0 if !(one && star) => if one { format!("{joined},") } else { joined },
                1 => if one { format!("({joined},)") } else { format!("({joined})") },
                _ => format!("[{joined}]"),
            }
        }),
    ]
}

fn simple_target() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => name(),
        1 => (name(), name()).prop_map(|(a, b)| format!("{a}.{b}")),
        1 => (name(), name()).prop_map(|(a, b)| format!("{a}[{b}]")),
    ]
}

/// A statement, as lines without the block's indentation.
type Lines = Vec<String>;

fn simple_statement() -> impl Strategy<Value = String> {
    let e = expression();
    prop_oneof![
        4 => e.clone().prop_map(|x| x.at(TUPLE)),
        1 => prop::collection::vec(e.clone(), 2..4).prop_map(|xs| xs.iter().map(|x| x.at(TEST)).collect::<Vec<_>>().join(", ")),
        4 => (prop::collection::vec(target(), 1..3), e.clone()).prop_map(|(ts, v)| format!("{} = {}", ts.join(" = "), v.at(TUPLE))),
        1 => (target(), prop::collection::vec(e.clone(), 2..4)).prop_map(|(t, vs)| format!("{t} = {}", vs.iter().map(|x| x.at(TEST)).collect::<Vec<_>>().join(", "))),
        2 => (simple_target(), prop::sample::select(BINOPS.iter().map(|b| b.0).chain(["**"]).collect::<Vec<_>>()), e.clone())
            .prop_map(|(t, op, v)| format!("{t} {op}= {}", v.at(TUPLE))),
        1 => (simple_target(), e.clone(), prop::option::of(e.clone())).prop_map(|(t, ann, v)| match v {
            Some(v) => format!("{t}: {} = {}", ann.at(TEST), v.at(TUPLE)),
            None => format!("{t}: {}", ann.at(TEST)),
        }),
        1 => Just("pass".to_string()),
        1 => Just("break".to_string()),
        1 => Just("continue".to_string()),
        1 => prop::option::of(e.clone()).prop_map(|v| match v {
            Some(v) => format!("return {}", v.at(TUPLE)),
            None => "return".to_string(),
        }),
        1 => (prop::option::of(e.clone()), prop::option::of(e.clone())).prop_map(|(x, c)| match (x, c) {
            (Some(x), Some(c)) => format!("raise {} from {}", x.at(TEST), c.at(TEST)),
            (Some(x), None) => format!("raise {}", x.at(TEST)),
            _ => "raise".to_string(),
        }),
        1 => (e.clone(), prop::option::of(e.clone())).prop_map(|(t, m)| match m {
            Some(m) => format!("assert {}, {}", t.at(TEST), m.at(TEST)),
            None => format!("assert {}", t.at(TEST)),
        }),
        1 => prop::sample::select(vec![
            "import socket", "import os.path as p, sys", "from socket import *",
            "from socket import socket as s, AF_INET", "from a.b import (c, d as e,)",
            "global a, b", "nonlocal x",
        ]).prop_map(str::to_string),
        1 => prop::collection::vec(simple_target(), 1..3).prop_map(|ts| format!("del {}", ts.join(", "))),
    ]
}

fn block(body: Lines, indent: &str) -> Lines {
    body.into_iter().map(|l| format!("{indent}{l}")).collect()
}

fn statement() -> BoxedStrategy<Lines> {
    let simple = prop::collection::vec(simple_statement(), 1..3).prop_map(|ss| vec![ss.join("; ")]);
    simple
        .boxed()
        .prop_recursive(3, 24, 3, |inner| {
            let body = prop::collection::vec(inner.clone(), 1..3).prop_map(|ss| ss.concat());
            let e = expression();
            let indent = prop::sample::select(vec!["    ", "  ", "\t"]);
            prop_oneof![
                (
                    e.clone(),
                    body.clone(),
                    prop::collection::vec((e.clone(), body.clone()), 0..2),
                    prop::option::of(body.clone()),
                    indent.clone()
                )
                    .prop_map(|(t, b, elifs, orelse, ind)| {
                        let mut out = vec![format!("if {}:", t.at(TEST))];
                        out.extend(block(b, ind));
                        for (t, b) in elifs {
                            out.push(format!("elif {}:", t.at(TEST)));
                            out.extend(block(b, ind));
                        }
                        if let Some(o) = orelse {
                            out.push("else:".into());
                            out.extend(block(o, ind));
                        }
                        out
                    }),
                (
                    e.clone(),
                    body.clone(),
                    prop::option::of(body.clone()),
                    indent.clone()
                )
                    .prop_map(|(t, b, orelse, ind)| {
                        let mut out = vec![format!("while {}:", t.at(TEST))];
                        out.extend(block(b, ind));
                        if let Some(o) = orelse {
                            out.push("else:".into());
                            out.extend(block(o, ind));
                        }
                        out
                    }),
                (
                    target(),
                    e.clone(),
                    body.clone(),
                    prop::option::of(body.clone()),
                    indent.clone()
                )
                    .prop_map(|(t, it, b, orelse, ind)| {
                        let mut out = vec![format!("for {t} in {}:", it.at(TUPLE))];
                        out.extend(block(b, ind));
                        if let Some(o) = orelse {
                            out.push("else:".into());
                            out.extend(block(o, ind));
                        }
                        out
                    }),
                (
                    body.clone(),
                    prop::collection::vec(
                        (
                            prop::option::of((e.clone(), prop::option::of(name()))),
                            body.clone()
                        ),
                        0..3
                    ),
                    prop::option::of(body.clone()),
                    prop::option::of(body.clone()),
                    indent.clone()
                )
                    .prop_map(|(b, handlers, orelse, finalbody, ind)| {
                        let mut out = vec!["try:".to_string()];
                        out.extend(block(b, ind));
                        let n = handlers.len();
                        for (k, (kind, hb)) in handlers.into_iter().enumerate() {
                            match kind {
                                Some((k_e, Some(as_name))) => {
                                    out.push(format!("except {} as {as_name}:", k_e.at(TEST)))
                                }
                                Some((k_e, None)) => out.push(format!("except {}:", k_e.at(TEST))),
                                // A bare `except:` must come last.
                                None if k + 1 == n => out.push("except:".into()),
                                None => out.push("except Exception:".into()),
                            }
                            out.extend(block(hb, ind));
                        }
                        if n > 0 {
                            if let Some(o) = orelse {
                                out.push("else:".into());
                                out.extend(block(o, ind));
                            }
                        }
                        if n == 0 || finalbody.is_some() {
                            out.push("finally:".into());
                            out.extend(block(
                                finalbody.unwrap_or_else(|| vec!["pass".into()]),
                                ind,
                            ));
                        }
                        out
                    }),
                (
                    prop::collection::vec((e.clone(), prop::option::of(target())), 1..3),
                    body.clone(),
                    indent.clone()
                )
                    .prop_map(|(items, b, ind)| {
                        let items: Vec<String> = items
                            .iter()
                            .map(|(c, t)| match t {
                                // A bare tuple target would read as two items.
                                Some(t) if t.contains(',') && !t.starts_with(['(', '[']) => {
                                    format!("{} as ({t})", c.at(TEST))
                                }
                                Some(t) => format!("{} as {t}", c.at(TEST)),
                                None => c.at(TEST),
                            })
                            .collect();
                        let mut out = vec![format!("with {}:", items.join(", "))];
                        out.extend(block(b, ind));
                        out
                    }),
                (
                    prop::collection::vec(e.clone(), 0..2),
                    name(),
                    params(&e),
                    any::<bool>(),
                    body.clone(),
                    indent.clone()
                )
                    .prop_map(|(decos, n, ps, ret, b, ind)| {
                        let mut out: Vec<String> =
                            decos.iter().map(|d| format!("@{}", d.at(TEST))).collect();
                        let arrow = if ret { " -> int" } else { "" };
                        out.push(format!("def {n}({ps}){arrow}:"));
                        out.extend(block(b, ind));
                        out
                    }),
                (
                    name(),
                    prop::option::of(call_args(&e)),
                    body.clone(),
                    indent.clone()
                )
                    .prop_map(|(n, bases, b, ind)| {
                        let mut out = vec![match bases {
                            Some(a) => format!("class {n}({a}):"),
                            None => format!("class {n}:"),
                        }];
                        out.extend(block(b, ind));
                        out
                    }),
                // A one-line body after the colon.
                (e.clone(), simple_statement())
                    .prop_map(|(t, s)| vec![format!("if {}: {s}", t.at(TEST))]),
            ]
        })
        .boxed()
}

fn program() -> impl Strategy<Value = String> {
    prop::collection::vec(statement(), 1..5).prop_map(|stmts| {
        let mut text = stmts.concat().join("\n");
        text.push('\n');
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_programs_round_trip(text in program()) {
        let r = std::thread::Builder::new()
            .stack_size(socklab::interp::INTERPRETER_STACK)
            .spawn(move || check_round_trip(&text))
            .expect("spawn")
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        prop_assert!(r.is_ok(), "{}", r.err().unwrap_or_default());
    }

    #[test]
    fn random_expressions_round_trip(e in expression()) {
        let text = e.text.clone();
        let src = Source::new("<expr>", text.clone());
        let tree = syntax::parse_expression(&src);
        prop_assert!(tree.is_ok(), "does not parse: {text}\n{}", tree.as_ref().err().map(|e| e.render(&src)).unwrap_or_default());
        let tree = tree.unwrap_or_else(|_| unreachable!());
        let printed = unparse::expr(&tree);
        let src2 = Source::new("<printed>", printed.clone());
        let again = syntax::parse_expression(&src2);
        prop_assert!(again.is_ok(), "printed text does not parse: {text}\n=> {printed}");
        let again = again.unwrap_or_else(|_| unreachable!());
        prop_assert!(again == tree, "tree differs: {text}\n=> {printed}");
        prop_assert_eq!(unparse::expr(&again), printed);
    }
}
