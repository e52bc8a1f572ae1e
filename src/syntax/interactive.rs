//! When is an interactive entry finished?
//!
//! Python's REPL reads line after line until the text so far is a whole statement. It
//! asks the parser: if the text fails only because it *ends too early* (a bracket still
//! open, a triple-quoted string still running, a block header with no body yet, a
//! backslash continuation), it shows `... ` and waits for more. A compound statement
//! (`if`, `for`, `def` ...) also waits for a blank line, because the next line could still
//! belong to its block (`else:`, another statement of the body).

use super::error::ErrorKind;
use super::parser::{parse_module, ParseMode};
use super::source::Source;
use super::token::Tok;

/// Whether `text` (one REPL entry, possibly several lines, without a final newline)
/// needs more lines before it can run.
pub fn is_incomplete(text: &str) -> bool {
    if text.trim().is_empty() {
        return false;
    }
    let ends_blank = text
        .rsplit('\n')
        .next()
        .is_some_and(|last| last.trim().is_empty())
        && text.contains('\n');
    let last_line = text.lines().rev().find(|l| !l.trim().is_empty());
    let last_line = last_line.unwrap_or("");
    // `\` at the very end: the statement goes on on the next line.
    if !ends_blank && text.trim_end_matches([' ', '\t']).ends_with('\\') {
        return true;
    }
    // A decorator needs the `def` or `class` it decorates.
    if !ends_blank && last_line.trim_start().starts_with('@') {
        return true;
    }
    let src = Source::new("<stdin>", format!("{text}\n"));
    if let Some(Tok::Error(lex)) = super::lexer::tokenize(&src).last().map(|t| &t.tok) {
        if lex.msg.ends_with("was never closed")
            || lex
                .msg
                .starts_with("unterminated triple-quoted string literal")
        {
            return true;
        }
    }
    match parse_module(&src, ParseMode::Interactive) {
        Ok(module) => {
            // A compound statement ends at a blank line, as in Python's REPL.
            let compound = module.body.iter().any(|s| s.kind.is_compound());
            compound && !ends_blank
        }
        Err(e) => {
            // Only "the block has no body yet" at the very end asks for more; any other
            // mistake is shown at once.
            // (At end of input the parser reports the last line with no caret.)
            e.kind == ErrorKind::Indentation
                && e.msg.starts_with("expected an indented block")
                && e.line >= src.line_count()
                && e.col == 0
                && !ends_blank
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_incomplete;

    #[test]
    fn simple_statements_are_complete() {
        for t in [
            "x = 1",
            "print('hi')",
            "s.bind(('127.0.0.1', 0))",
            "",
            "   ",
            "# note",
            "x = 1 +",
            "print x",
        ] {
            assert!(!is_incomplete(t), "{t:?}");
        }
    }

    #[test]
    fn open_brackets_and_strings_continue() {
        for t in [
            "s.bind(('127.0.0.1',",
            "d = {",
            "x = [1,\n2,",
            "msg = \"\"\"first line",
            "x = 1 + \\",
            "@decorator",
        ] {
            assert!(is_incomplete(t), "{t:?}");
        }
    }

    #[test]
    fn a_block_waits_for_its_body_and_a_blank_line() {
        assert!(is_incomplete("while True:"));
        assert!(is_incomplete("def f():\n    return 1"));
        assert!(is_incomplete("if x:\n    pass\nelse:"));
        assert!(is_incomplete("for i in range(3): print(i)"));
        assert!(!is_incomplete("def f():\n    return 1\n"));
        assert!(!is_incomplete("for i in range(3): print(i)\n"));
    }

    #[test]
    fn a_blank_line_after_a_header_is_an_error_not_more_waiting() {
        assert!(!is_incomplete("while True:\n"));
    }

    #[test]
    fn mistakes_inside_a_block_are_shown_at_once() {
        assert!(!is_incomplete("def f():\n    return )"));
        assert!(!is_incomplete("if x:\n  a = 1\n    b = 2"));
    }
}
