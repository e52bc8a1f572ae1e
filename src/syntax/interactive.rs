//! When is an interactive entry finished?
//!
//! Python's REPL reads line after line and asks `codeop` after each one whether the text
//! so far is a whole statement, needs more lines, or is a mistake to report now. socklab
//! decides the same, with the same rules:
//!
//! - Text that ends too early asks for more: a bracket still open, a triple-quoted string
//!   still running, a backslash at the very end, or a parse that fails only because the
//!   text ran out (a header with no body yet, `try:` with no `except` yet, a decorator with
//!   nothing to decorate, at any depth). Blank lines do not change that.
//! - A compound statement that parses (`if`, `for`, `def`, `class` ...) also waits for a
//!   blank line, because the next line could still belong to it (`else:`, more of a body).
//! - Any other mistake is reported at once, even in the middle of a block.
//! - A blank line ends the entry, as in the terminal's `python3`: outside a bracket or a
//!   triple-quoted string, a header still without its body (`if x:` ⏎ ⏎) or a `try:`
//!   still without its `except` is then the REPL's `IndentationError` / `SyntaxError`,
//!   not another `... ` line. (`codeop` alone would keep waiting there; the REPL a
//!   student compares socklab with does not.)
//!
//! `tests/codeop/expected.tsv`, generated from CPython's `codeop` by
//! `tests/codeop/regen.py`, is the table the tests below check this against.

use super::parser::parse_entry;
use super::source::Source;
use super::token::Tok;

/// What the REPL does with an entry typed so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Run it.
    Complete,
    /// Show `... ` and read another line.
    Incomplete,
    /// Report the mistake now (running it shows the `SyntaxError`).
    Error,
}

/// Whether `text` (one REPL entry, possibly several lines, without a final newline)
/// needs more lines before it can run.
pub fn is_incomplete(text: &str) -> bool {
    judge(text) == Verdict::Incomplete
}

/// Judge one REPL entry as CPython's `codeop.compile_command(text, symbol="single")`.
pub fn judge(text: &str) -> Verdict {
    // Only blank lines and comments: nothing to run, nothing to wait for.
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Verdict::Complete;
    }
    let ends_blank = text.contains('\n')
        && text
            .rsplit('\n')
            .next()
            .is_some_and(|last| last.trim().is_empty());
    // `\` at the very end: the statement goes on on the next line (a blank line there is
    // a mistake, reported by the parser below).
    if text.trim_end_matches([' ', '\t', '\x0c']).ends_with('\\') && !ends_blank {
        return Verdict::Incomplete;
    }
    let src = Source::new("<stdin>", format!("{text}\n"));
    let mut runs_on_open = false;
    if let Some(Tok::Error(lex)) = super::lexer::tokenize(&src).last().map(|t| &t.tok) {
        // A bracket or a triple-quoted string still open runs on into the next line; the
        // parser below says whether the text before it is right so far (`print x (` is not).
        let runs_on = lex.msg.ends_with("was never closed")
            || lex
                .msg
                .starts_with("unterminated triple-quoted string literal");
        if !runs_on {
            return Verdict::Error;
        }
        runs_on_open = true;
    }
    match parse_entry(&src) {
        Ok(module) => {
            let compound = module.body.last().is_some_and(|s| s.kind.is_compound());
            if compound && !ends_blank {
                Verdict::Incomplete
            } else {
                Verdict::Complete
            }
        }
        // The terminal's REPL ends the entry at a blank line unless a bracket or a
        // triple-quoted string is still open.
        Err((_, true)) if ends_blank && !runs_on_open => Verdict::Error,
        Err((_, true)) => Verdict::Incomplete,
        Err((_, false)) => Verdict::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::{judge, parse_entry, Source, Verdict};
    use crate::syntax::error::ErrorKind;

    /// CPython's verdicts, from `tests/codeop/regen.py`.
    const EXPECTED: &str = include_str!("../../tests/codeop/expected.tsv");

    /// Entries CPython's parser accepts and only its compiler rejects (`'return' outside
    /// function`, `'yield' outside function`): socklab parses them and reports the same
    /// error when it runs them.
    const COMPILER_ERRORS: &[&str] = &["return", "yield 1"];

    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut it = s.chars();
        while let Some(c) = it.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match it.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        }
        out
    }

    /// Where the terminal's REPL and `codeop` differ: a blank line ends the entry there,
    /// outside an open bracket or triple-quoted string, even with a body still missing.
    fn the_repl_ends_it_at_a_blank_line(text: &str) -> bool {
        let ends_blank = text.contains('\n') && text.rsplit('\n').next() == Some("");
        let src = Source::new("<stdin>", format!("{text}\n"));
        let open = matches!(
            crate::syntax::lexer::tokenize(&src).last().map(|t| &t.tok),
            Some(crate::syntax::token::Tok::Error(_))
        );
        ends_blank && !open && !text.trim_end().ends_with('\\')
    }

    #[test]
    fn a_blank_line_after_a_header_is_the_repl_s_error() {
        for text in ["if x:\n", "def f():\n    if y:\n", "try:\n    1/0\n"] {
            assert_eq!(judge(text), Verdict::Error, "{text:?}");
        }
        for text in ["x = (1 +\n", "s = '''a\n"] {
            assert_eq!(judge(text), Verdict::Incomplete, "{text:?}");
        }
        assert_eq!(judge("if x:\n    pass\n"), Verdict::Complete);
    }

    #[test]
    fn every_entry_is_judged_as_codeop_judges_it() {
        let mut wrong = Vec::new();
        let mut n = 0;
        for line in EXPECTED.lines() {
            let (verdict, escaped) = line.split_once('\t').expect("VERDICT<TAB>SOURCE");
            let text = unescape(escaped);
            let want = match verdict {
                "complete" => Verdict::Complete,
                "incomplete" if the_repl_ends_it_at_a_blank_line(&text) => Verdict::Error,
                "incomplete" => Verdict::Incomplete,
                "error" if COMPILER_ERRORS.contains(&text.as_str()) => Verdict::Complete,
                "error" => Verdict::Error,
                other => panic!("unknown verdict {other:?}"),
            };
            n += 1;
            let got = judge(&text);
            // Python socklab does not run (`async`, `match`): it says so at once.
            let unsupported = || {
                let src = Source::new("<stdin>", format!("{text}\n\n"));
                matches!(parse_entry(&src), Err((e, _)) if e.kind == ErrorKind::NotSupported)
            };
            if got != want && !(got == Verdict::Error && unsupported()) {
                wrong.push(format!("{text:?}: codeop says {want:?}, socklab {got:?}"));
            }
        }
        assert!(n > 200, "the table has only {n} entries");
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
