//! `socklab lesson lint`: everything wrong with a set of lesson files, as
//! `file:line:col: what is wrong`. Every other lesson command lints first and refuses a
//! lesson with a problem, so a malformed lesson never reaches a student.

use super::format::{self, Lesson, Pos, Problem};
use super::Source;
use crate::syntax::{self, ast, ParseMode};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub path: String,
    pub pos: Pos,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.pos.line, self.pos.col, self.message
        )
    }
}

/// Functions a check may call: the helpers and built-ins that only compute.
pub const CHECK_FUNCTIONS: &[&str] = &[
    // The helpers (see `check.rs`).
    "state",
    "events",
    "last_exception",
    "output",
    "services",
    "service_address",
    "sockets",
    "packets",
    // Built-ins that only compute.
    "len",
    "str",
    "repr",
    "int",
    "float",
    "bool",
    "bytes",
    "list",
    "tuple",
    "set",
    "dict",
    "sorted",
    "min",
    "max",
    "sum",
    "any",
    "all",
    "abs",
    "round",
    "isinstance",
    "issubclass",
    "type",
    "hasattr",
    "callable",
    "range",
    "enumerate",
    "zip",
    "reversed",
    "chr",
    "ord",
    "hex",
    "bin",
    "oct",
    "format",
    "divmod",
    "pow",
];

/// Methods a check may call, on whatever value: ones that read and never change it (a
/// socket's are [`crate::session::PURE_SOCKET_METHODS`]).
pub const CHECK_METHODS: &[&str] = &[
    // str and bytes
    "startswith",
    "endswith",
    "decode",
    "encode",
    "count",
    "find",
    "rfind",
    "index",
    "lower",
    "upper",
    "strip",
    "lstrip",
    "rstrip",
    "split",
    "rsplit",
    "splitlines",
    "isdigit",
    "isalpha",
    "isspace",
    "isupper",
    "islower",
    "hex",
    "join",
    "replace",
    "format",
    "partition",
    "rpartition",
    "zfill",
    "ljust",
    "rjust",
    "center",
    "title",
    "capitalize",
    "casefold",
    "isalnum",
    "isdecimal",
    "isnumeric",
    "isprintable",
    "fromhex",
    "copy",
    // threads and their kin: reading their state
    "is_alive",
    "is_set",
    "locked",
    // dict
    "keys",
    "values",
    "items",
    "get",
    // the lecture's pure module functions
    "htons",
    "htonl",
    "ntohs",
    "ntohl",
    "inet_aton",
    "inet_ntoa",
    "unpack",
    "calcsize",
    "ip_address",
    "ip_network",
    "getservbyname",
    "getservbyport",
    "gethostname",
    "inet_pton",
    "inet_ntop",
    "pack",
];

/// Lint `sources` as one set (ids, prerequisites across files). Returns the lessons
/// that have no problem, and every problem.
pub fn lint(sources: &[Source]) -> (Vec<Lesson>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut parsed: Vec<(Lesson, usize)> = Vec::new();
    for src in sources {
        let text = match std::str::from_utf8(&src.bytes) {
            Ok(t) => t,
            Err(e) => {
                let good = &src.bytes[..e.valid_up_to()];
                let good = std::str::from_utf8(good).unwrap_or_default();
                let line = good.matches('\n').count() + 1;
                let col = good.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                diags.push(Diagnostic {
                    path: src.path.clone(),
                    pos: Pos { line, col },
                    message: "the file is not UTF-8 text (save it as UTF-8)".into(),
                });
                continue;
            }
        };
        let (lesson, problems) = format::parse(&src.path, text);
        let before = diags.len();
        push(&mut diags, &src.path, problems);
        push(&mut diags, &src.path, lint_lesson(&lesson));
        parsed.push((lesson, diags.len() - before));
    }
    // Ids across files.
    let mut by_id: BTreeMap<&str, &Lesson> = BTreeMap::new();
    let mut more = Vec::new();
    for (l, _) in &parsed {
        if l.id.is_empty() {
            continue;
        }
        if let Some(first) = by_id.get(l.id.as_str()) {
            more.push(Diagnostic {
                path: l.path.clone(),
                pos: l.id_pos,
                message: format!(
                    "lesson id `{}` is already used by {}:{}",
                    l.id, first.path, first.id_pos.line
                ),
            });
        } else {
            by_id.insert(&l.id, l);
        }
    }
    for (l, _) in &parsed {
        for need in &l.needs_lessons {
            if !by_id.contains_key(need.as_str()) {
                more.push(Diagnostic {
                    path: l.path.clone(),
                    pos: l.needs_lessons_pos,
                    message: format!("needs lesson `{need}`, which does not exist"),
                });
            }
        }
    }
    more.extend(cycles(&parsed.iter().map(|(l, _)| l).collect::<Vec<_>>()));
    let bad: BTreeSet<String> = more.iter().map(|d| d.path.clone()).collect();
    diags.extend(more);
    let good = parsed
        .into_iter()
        .filter(|(l, n)| *n == 0 && !bad.contains(&l.path))
        .map(|(l, _)| l)
        .collect();
    diags.sort();
    (good, diags)
}

fn push(diags: &mut Vec<Diagnostic>, path: &str, problems: Vec<Problem>) {
    diags.extend(problems.into_iter().map(|p| Diagnostic {
        path: path.to_string(),
        pos: p.pos,
        message: p.message,
    }));
}

/// Prerequisite cycles: each lesson on a cycle is told the whole cycle.
fn cycles(lessons: &[&Lesson]) -> Vec<Diagnostic> {
    let by_id: BTreeMap<&str, &Lesson> = lessons.iter().map(|l| (l.id.as_str(), *l)).collect();
    let mut out = Vec::new();
    for l in lessons {
        // Depth-first from l: a path that comes back to l is a cycle through it.
        let mut stack: Vec<(Vec<&str>, &Lesson)> = vec![(vec![l.id.as_str()], l)];
        let mut seen = BTreeSet::new();
        while let Some((path, at)) = stack.pop() {
            for need in &at.needs_lessons {
                if need == &l.id {
                    let mut cycle = path.clone();
                    cycle.push(need);
                    out.push(Diagnostic {
                        path: l.path.clone(),
                        pos: l.needs_lessons_pos,
                        message: format!(
                            "the lessons this one needs come back to it: {}",
                            cycle.join(" → ")
                        ),
                    });
                    stack.clear();
                    break;
                }
                if let Some(next) = by_id.get(need.as_str()) {
                    if seen.insert(need.as_str()) {
                        let mut p = path.clone();
                        p.push(need);
                        stack.push((p, next));
                    }
                }
            }
        }
    }
    out
}

/// What is wrong inside one lesson.
pub fn lint_lesson(l: &Lesson) -> Vec<Problem> {
    let mut out = Vec::new();
    for name in &l.needs_services {
        if name.parse::<crate::labs::Service>().is_err() {
            let known: Vec<&str> = crate::labs::Kind::ALL.iter().map(|k| k.name()).collect();
            out.push(Problem {
                pos: l.needs_services_pos,
                message: format!(
                    "unknown service `{name}`: the lab services are {}",
                    known.join(", ")
                ),
            });
        }
    }
    if l.steps.is_empty() && !l.id.is_empty() {
        out.push(Problem {
            pos: l.id_pos,
            message: "the lesson has no steps: add <!-- step: ID --> and a ## title".into(),
        });
    }
    let mut ids: BTreeMap<&str, Pos> = BTreeMap::new();
    for s in &l.steps {
        if let Some(first) = ids.get(s.id.as_str()) {
            out.push(Problem {
                pos: s.pos,
                message: format!("step id `{}` is already used at line {}", s.id, first.line),
            });
        } else {
            ids.insert(&s.id, s.pos);
        }
        if s.title.is_empty() {
            out.push(Problem {
                pos: s.pos,
                message: format!("step `{}` has no ## title after its marker", s.id),
            });
        }
        for (what, missing) in [
            ("solution (```python solution)", s.solution.is_none()),
            ("check (```python check)", s.checks.is_empty()),
            (
                "hint (<details><summary>Hint</summary>)",
                s.hints.is_empty(),
            ),
        ] {
            if missing {
                out.push(Problem {
                    pos: s.pos,
                    message: format!("step `{}` has no {what}", s.id),
                });
            }
        }
        for (role, code) in [("setup", &s.setup), ("solution", &s.solution)] {
            if let Some(code) = code {
                if let Some(p) = code_problem(&code.text, code.pos) {
                    out.push(Problem {
                        pos: p.pos,
                        message: format!("the {role} does not parse: {}", p.message),
                    });
                }
            }
        }
        for c in &s.checks {
            if let Some(p) = check_problem(&c.expr, c.pos) {
                out.push(p);
            }
        }
        let packet_checks: Vec<&format::Check> =
            s.checks.iter().filter(|c| reads_packets(&c.expr)).collect();
        if !l.capture {
            for c in &packet_checks {
                out.push(Problem {
                    pos: c.pos,
                    message: format!(
                        "step `{}`: this check reads packets, but the lesson does not capture \
                         them: add `capture = true` to its front matter",
                        s.id
                    ),
                });
            }
        } else if !packet_checks.is_empty() && packet_checks.len() == s.checks.len() {
            // Where no capture is possible the packet checks are left out; the step
            // must still check that the student did the work.
            out.push(Problem {
                pos: packet_checks[0].pos,
                message: format!(
                    "step `{}`: every check reads packets; add one that reads the sockets \
                     (`state(...)`, `events()`), which is what is checked where packets \
                     cannot be captured",
                    s.id
                ),
            });
        }
    }
    out
}

/// Whether a check calls `packets(...)`: it needs the capture, and is left out where
/// none is possible.
pub fn reads_packets(expr: &str) -> bool {
    let src = syntax::Source::new("<check>", format!("{expr}\n"));
    let Ok(e) = syntax::parse_expression(&src) else {
        return false;
    };
    let mut found = false;
    walk(&e, &mut |e| {
        if let ast::ExprKind::Call(func, _) = &e.kind {
            if matches!(&func.kind, ast::ExprKind::Name(n) if &*n.name == "packets") {
                found = true;
            }
        }
    });
    found
}

/// A syntax error in a setup or solution, placed in the lesson file.
fn code_problem(text: &str, at: Pos) -> Option<Problem> {
    let src = syntax::Source::new("<lesson>", text.to_string());
    let err = match syntax::parse_module(&src, ParseMode::File) {
        Ok(m) => syntax::validate(&m, &src).err()?,
        Err(e) => e,
    };
    Some(Problem {
        pos: Pos {
            line: at.line + err.line.max(1) - 1,
            col: err.col.max(1),
        },
        message: err.msg,
    })
}

/// A check must be one expression that only reads: no assignment, and calls only to
/// [`CHECK_FUNCTIONS`] and [`CHECK_METHODS`] (a check that consumed the student's data
/// or closed a socket would change what it checks).
fn check_problem(expr: &str, at: Pos) -> Option<Problem> {
    let src = syntax::Source::new("<check>", format!("{expr}\n"));
    let place = |offset: usize| Pos {
        line: at.line,
        col: at.col + src.text[..offset.min(src.text.len())].chars().count(),
    };
    let e = match syntax::parse_expression(&src) {
        Ok(e) => e,
        Err(err) => {
            return Some(Problem {
                pos: Pos {
                    line: at.line,
                    col: at.col + err.col.max(1) - 1,
                },
                message: format!("the check does not parse: {}", err.msg),
            })
        }
    };
    let mut bad = None;
    walk(&e, &mut |e| {
        if bad.is_some() {
            return;
        }
        let why = match &e.kind {
            ast::ExprKind::Walrus(..) => Some("a check cannot assign (:=)".to_string()),
            ast::ExprKind::Lambda(_) => Some("a check cannot define a function".to_string()),
            ast::ExprKind::Call(func, _) => match &func.kind {
                ast::ExprKind::Name(n) if CHECK_FUNCTIONS.contains(&&*n.name) => None,
                ast::ExprKind::Attribute(_, m)
                    if CHECK_METHODS.contains(&&*m.name)
                        || crate::session::PURE_SOCKET_METHODS.contains(&&*m.name) =>
                {
                    None
                }
                ast::ExprKind::Name(n) | ast::ExprKind::Attribute(_, n) => Some(format!(
                    "a check may not call `{}`: it may only read, with the helpers and \
                     built-ins that compute (see the authors' chapter)",
                    n.name
                )),
                _ => Some("a check may call only named functions and methods".to_string()),
            },
            _ => None,
        };
        if let Some(why) = why {
            bad = Some(Problem {
                pos: place(e.span.lo as usize),
                message: why,
            });
        }
    });
    bad
}

/// Every expression in `e`, outermost first.
fn walk(e: &ast::Expr, f: &mut dyn FnMut(&ast::Expr)) {
    use ast::ExprKind::*;
    f(e);
    match &e.kind {
        Name(_) | Const(_) | Lambda(_) => {}
        FString(parts) => walk_fparts(parts, f),
        Tuple(items) | List(items) | Set(items) => items.iter().for_each(|i| walk(i, f)),
        Dict(items) => {
            for (k, v) in items {
                if let Some(k) = k {
                    walk(k, f);
                }
                walk(v, f);
            }
        }
        Attribute(obj, _) => walk(obj, f),
        Subscript(a, b) => {
            walk(a, f);
            walk(b, f);
        }
        Slice(a, b, c) => [a, b, c].into_iter().flatten().for_each(|x| walk(x, f)),
        Call(func, args) => {
            walk(func, f);
            for a in args {
                match a {
                    ast::Arg::Pos(x) | ast::Arg::Star(x) | ast::Arg::StarStar(x) => walk(x, f),
                    ast::Arg::Kw(_, x) => walk(x, f),
                }
            }
        }
        Unary(_, x) | Starred(x) | Walrus(_, x) => walk(x, f),
        Binary(a, _, b) | And(a, b) | Or(a, b) => {
            walk(a, f);
            walk(b, f);
        }
        Compare(a, rest) => {
            walk(a, f);
            rest.iter().for_each(|(_, x)| walk(x, f));
        }
        IfExp(a, b, c) => {
            walk(a, f);
            walk(b, f);
            walk(c, f);
        }
        Comp(_, x, gens) => {
            walk(x, f);
            walk_gens(gens, f);
        }
        GenExp(def) => {
            if let Some(g) = &def.genexp {
                walk(&g.elt, f);
                walk_gens(&g.comps, f);
            }
        }
        Yield(x) => x.iter().for_each(|x| walk(x, f)),
        YieldFrom(x) => walk(x, f),
        DictComp(k, v, gens) => {
            walk(k, f);
            walk(v, f);
            walk_gens(gens, f);
        }
    }
}

fn walk_gens(gens: &[ast::Comprehension], f: &mut dyn FnMut(&ast::Expr)) {
    for g in gens {
        walk(&g.target, f);
        walk(&g.iter, f);
        g.ifs.iter().for_each(|x| walk(x, f));
    }
}

fn walk_fparts(parts: &[ast::FPart], f: &mut dyn FnMut(&ast::Expr)) {
    for p in parts {
        if let ast::FPart::Expr { expr, spec, .. } = p {
            walk(expr, f);
            walk_fparts(spec, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(path: &str, text: &str) -> Source {
        Source {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn checks_may_only_read() {
        let at = Pos { line: 7, col: 1 };
        assert_eq!(check_problem("state(cli) == 'connected'", at), None);
        assert_eq!(check_problem("cli.getpeername()[1] > 0", at), None);
        assert_eq!(check_problem("callable(f) and not t.is_alive()", at), None);
        let p = check_problem("cli.recv(10) == b'x'", at).expect("recv refused");
        assert_eq!(p.pos, Pos { line: 7, col: 1 });
        assert!(p.message.contains("`recv`"), "{}", p.message);
        let p = check_problem("len(x) == 1 and (y := 2)", at).expect("walrus refused");
        assert_eq!(p.pos.col, 17);
        let p = check_problem("x ==", at).expect("syntax");
        assert!(
            p.message.starts_with("the check does not parse"),
            "{}",
            p.message
        );
    }

    #[test]
    fn packet_checks_need_the_capture_and_a_check_beside_them() {
        let step = |checks: &str| {
            format!("<!-- step: s -->\n## S\n\n<details><summary>Hint</summary>\n\nh\n</details>\n\n```python solution\nx = 1\n```\n\n```python check\n{checks}\n```\n")
        };
        let both = step("x == 1\nlen(packets()) == 3");
        let only = step("len(packets()) == 3");
        let lesson = |front: &str, body: &str| {
            src(
                "a.md",
                &format!("<!-- lesson\nid = \"a\"\ntitle = \"A\"\n{front}-->\n{body}"),
            )
        };
        let (good, d) = lint(&[lesson("capture = true\n", &both)]);
        assert_eq!((good.len(), d), (1, vec![]));
        let (_, d) = lint(&[lesson("", &both)]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("add `capture = true`"), "{}", d[0]);
        assert_eq!(d[0].pos.line, 19);
        let (_, d) = lint(&[lesson("capture = true\n", &only)]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message.contains("every check reads packets"),
            "{}",
            d[0]
        );
        let (_, d) = lint(&[lesson("capture = \"yes\"\n", &both)]);
        assert!(
            d.iter()
                .any(|d| d.message == "`capture` must be true or false"),
            "{d:?}"
        );
        assert!(reads_packets("[p['kind'] for p in packets(c, srv)] == []"));
        assert!(!reads_packets("state(c) == 'connected'"));
    }

    #[test]
    fn a_cycle_names_every_lesson_on_it() {
        let a = "<!-- lesson\nid = \"a\"\ntitle = \"A\"\nneeds_lessons = [\"b\"]\n-->\n";
        let b = "<!-- lesson\nid = \"b\"\ntitle = \"B\"\nneeds_lessons = [\"a\"]\n-->\n";
        let (_, d) = lint(&[src("a.md", a), src("b.md", b)]);
        let cycles: Vec<String> = d
            .iter()
            .filter(|d| d.message.contains("come back"))
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            cycles,
            vec![
                "a.md:4:1: the lessons this one needs come back to it: a → b → a",
                "b.md:4:1: the lessons this one needs come back to it: b → a → b"
            ]
        );
    }

    proptest::proptest! {
        /// Any bytes at all (not UTF-8, half a lesson, noise) lint to problems, never a
        /// panic.
        #[test]
        fn any_bytes_lint_without_a_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let mut with_header = b"<!-- lesson\nid = \"x\"\ntitle = \"y\"\n-->\n<!-- step: s -->\n## S\n```python check\n".to_vec();
            with_header.extend_from_slice(&bytes);
            let _ = lint(&[src("a.md", ""), Source { path: "b.md".into(), bytes: bytes.clone() }, Source { path: "c.md".into(), bytes: with_header }]);
        }
    }
}
