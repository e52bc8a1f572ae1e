//! Syntax errors as CPython 3.11 reports them: each test asserts the whole rendered
//! report (location line, stripped source line, carets, exception line) for a program,
//! against what `python3 prog.py` printed for the same bytes (pasted in, not run here).
//!
//! The last tests feed the parser hostile input (deep nesting, huge lines, many lines)
//! and assert only that it answers, with a result or an error, and does not crash.

use socklab::interp::INTERPRETER_STACK;
use socklab::interp::{self, Globals};
use socklab::syntax::decode_source;

/// What `socklab run prog.py` prints for `bytes` when they do not compile, or `None`.
fn report(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.to_vec();
    on_big_stack(move || {
        let src = match decode_source("prog.py", bytes) {
            Ok(src) => src,
            Err((src, err)) => return Some(err.render(&src)),
        };
        let globals = Globals::new("__main__");
        interp::compile(&src, &globals)
            .err()
            .map(|e| e.render(&src))
    })
}

/// The parser recurses per nesting level: run it on the stack `socklab run` gives it.
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK)
        .spawn(f)
        .expect("spawn")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

#[track_caller]
fn assert_report(program: &[u8], expected: &str) {
    match report(program) {
        Some(got) => assert_eq!(got, expected, "\n--- got\n{got}--- expected\n{expected}"),
        None => panic!("compiled without error; expected\n{expected}"),
    }
}

#[test]
fn paren_never_closed() {
    assert_report(
        b"x = 1\nprint(\"hi\"\ny = 2\n",
        r#"  File "prog.py", line 2
    print("hi"
         ^
SyntaxError: '(' was never closed
"#,
    );
}

#[test]
fn unterminated_string() {
    assert_report(
        b"name = 'socklab\nprint(name)\n",
        r#"  File "prog.py", line 1
    name = 'socklab
           ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    );
}

#[test]
fn unterminated_triple_quoted() {
    assert_report(
        b"x = 1\ndoc = \"\"\"starts here\n\nprint(x)\n",
        r#"  File "prog.py", line 2
    doc = """starts here
          ^
SyntaxError: unterminated triple-quoted string literal (detected at line 4)
"#,
    );
}

#[test]
fn expected_colon() {
    assert_report(
        b"if x == 1\n    print(x)\n",
        r#"  File "prog.py", line 1
    if x == 1
             ^
SyntaxError: expected ':'
"#,
    );
}

#[test]
fn missing_print_parentheses() {
    assert_report(
        b"print \"hello\"\n",
        r#"  File "prog.py", line 1
    print "hello"
    ^^^^^^^^^^^^^
SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
"#,
    );
}

#[test]
fn indented_block_if() {
    assert_report(
        b"if True:\nprint(1)\n",
        r#"  File "prog.py", line 2
    print(1)
    ^
IndentationError: expected an indented block after 'if' statement on line 1
"#,
    );
}

#[test]
fn indented_block_def() {
    assert_report(
        b"x = 0\ndef f():\nreturn 1\n",
        r#"  File "prog.py", line 3
    return 1
    ^
IndentationError: expected an indented block after function definition on line 2
"#,
    );
}

#[test]
fn indented_block_for() {
    assert_report(
        b"for i in range(3):\nprint(i)\n",
        r#"  File "prog.py", line 2
    print(i)
    ^
IndentationError: expected an indented block after 'for' statement on line 1
"#,
    );
}

#[test]
fn indented_block_while() {
    assert_report(
        b"while False:\nx = 1\n",
        r#"  File "prog.py", line 2
    x = 1
    ^
IndentationError: expected an indented block after 'while' statement on line 1
"#,
    );
}

#[test]
fn indented_block_try() {
    assert_report(
        b"try:\nx = 1\nexcept ValueError:\n    pass\n",
        r#"  File "prog.py", line 2
    x = 1
    ^
IndentationError: expected an indented block after 'try' statement on line 1
"#,
    );
}

#[test]
fn indented_block_with() {
    assert_report(
        b"with open('f') as f:\nf.read()\n",
        r#"  File "prog.py", line 2
    f.read()
    ^
IndentationError: expected an indented block after 'with' statement on line 1
"#,
    );
}

#[test]
fn indented_block_class() {
    assert_report(
        b"class Server:\ndef run(self): pass\n",
        r#"  File "prog.py", line 2
    def run(self): pass
    ^
IndentationError: expected an indented block after class definition on line 1
"#,
    );
}

#[test]
fn indented_block_at_eof() {
    assert_report(
        b"if True:\n",
        r#"  File "prog.py", line 1
    if True:
IndentationError: expected an indented block after 'if' statement on line 1
"#,
    );
}

#[test]
fn unindent_mismatch() {
    assert_report(
        b"if True:\n        x = 1\n    y = 2\n",
        r#"  File "prog.py", line 3
    y = 2
         ^
IndentationError: unindent does not match any outer indentation level
"#,
    );
}

#[test]
fn tabs_and_spaces() {
    assert_report(
        b"if True:\n        x = 1\n\ty = 2\n",
        r#"  File "prog.py", line 3
    y = 2
TabError: inconsistent use of tabs and spaces in indentation
"#,
    );
}

#[test]
fn invalid_syntax() {
    assert_report(
        b"x = 1 +\n",
        r#"  File "prog.py", line 1
    x = 1 +
           ^
SyntaxError: invalid syntax
"#,
    );
}

#[test]
fn invalid_syntax_keyword() {
    assert_report(
        b"x = 1\nclass = 2\n",
        r#"  File "prog.py", line 2
    class = 2
          ^
SyntaxError: invalid syntax
"#,
    );
}

#[test]
fn null_byte() {
    assert_report(
        b"x = 1\ny = 2\x00\n",
        r#"  File "prog.py", line 2
    y = 2
SyntaxError: source code cannot contain null bytes
"#,
    );
}

#[test]
fn invalid_utf8() {
    assert_report(
        b"x = 1\ns = '\xff'\n",
        r#"SyntaxError: Non-UTF-8 code starting with '\xff' in file prog.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details
"#,
    );
}

#[test]
fn invalid_utf8_declared() {
    assert_report(
        b"# -*- coding: utf-8 -*-\ns = 'caf\xe9'\n",
        r#"  File "prog.py", line 2
    s = 'caf�'
            ^
SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xe9 in position 3: unexpected end of data
"#,
    );
}

#[test]
fn unmatched_close() {
    assert_report(
        b"x = 1)\n",
        r#"  File "prog.py", line 1
    x = 1)
         ^
SyntaxError: unmatched ')'
"#,
    );
}

#[test]
fn mismatched_close() {
    assert_report(
        b"x = (1, 2]\n",
        r#"  File "prog.py", line 1
    x = (1, 2]
             ^
SyntaxError: closing parenthesis ']' does not match opening parenthesis '('
"#,
    );
}

#[test]
fn mismatched_close_other_line() {
    assert_report(
        b"x = (1,\n2]\n",
        r#"  File "prog.py", line 2
    2]
     ^
SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1
"#,
    );
}

#[test]
fn invalid_decimal_literal() {
    assert_report(
        b"port = 80a\n",
        r#"  File "prog.py", line 1
    port = 80a
            ^
SyntaxError: invalid decimal literal
"#,
    );
}

#[test]
fn invalid_character() {
    assert_report(
        b"price = 5 \xe2\x82\xac\n",
        r#"  File "prog.py", line 1
    price = 5 €
              ^
SyntaxError: invalid character '€' (U+20AC)
"#,
    );
}

#[test]
fn unexpected_indent() {
    assert_report(
        b"x = 1\n    y = 2\n",
        r#"  File "prog.py", line 2
    y = 2
IndentationError: unexpected indent
"#,
    );
}

#[test]
fn assign_to_call() {
    assert_report(
        b"f() = 1\n",
        r#"  File "prog.py", line 1
    f() = 1
    ^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
"#,
    );
}

#[test]
fn assign_to_call_in_if() {
    assert_report(
        b"if len(x) = 3:\n    pass\n",
        r#"  File "prog.py", line 1
    if len(x) = 3:
       ^^^^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
"#,
    );
}

#[test]
fn break_outside_loop() {
    assert_report(
        b"x = 1\nbreak\n",
        r#"  File "prog.py", line 2
    break
    ^^^^^
SyntaxError: 'break' outside loop
"#,
    );
}

#[test]
fn keyword_argument_repeated() {
    assert_report(
        b"f(host='a', port=1, host='b')\n",
        r#"  File "prog.py", line 1
    f(host='a', port=1, host='b')
                        ^^^^^^^^
SyntaxError: keyword argument repeated: host
"#,
    );
}

#[test]
fn forgot_comma() {
    assert_report(
        b"ports = [80 443]\n",
        r#"  File "prog.py", line 1
    ports = [80 443]
             ^^^^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    );
}

#[test]
fn indented_line_in_block() {
    assert_report(
        b"def f():\n    x = 1\n        y = 2\n",
        r#"  File "prog.py", line 3
    y = 2
IndentationError: unexpected indent
"#,
    );
}

#[test]
fn too_many_nested_parentheses() {
    let line = format!("x = {}1{}", "(".repeat(201), ")".repeat(201));
    // CPython points at the 201st bracket: after `x = ` and 200 others.
    let caret = format!("{}^", " ".repeat(4 + 200));
    let expected = format!(
        "  File \"prog.py\", line 1\n    {line}\n    {caret}\nSyntaxError: too many nested parentheses\n"
    );
    assert_report(format!("{line}\n").as_bytes(), &expected);
}

#[test]
fn if_header_assign_to_name_suggests_walrus() {
    assert_report(
        b"if x = 3:\n  pass\n",
        r#"  File "prog.py", line 1
    if x = 3:
       ^^^^^
SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
"#,
    );
}

#[test]
fn if_header_assign_to_attribute() {
    assert_report(
        b"if x.y = 3:\n  pass\n",
        r#"  File "prog.py", line 1
    if x.y = 3:
       ^^^
SyntaxError: cannot assign to attribute here. Maybe you meant '==' instead of '='?
"#,
    );
}

#[test]
fn invalid_hexadecimal_literal() {
    assert_report(
        b"x = 0x1g\n",
        r#"  File "prog.py", line 1
    x = 0x1g
          ^
SyntaxError: invalid hexadecimal literal
"#,
    );
}

#[test]
fn invalid_syntax_points_where_parsing_stopped() {
    assert_report(
        b"y = [1, 2 +]\n",
        r#"  File "prog.py", line 1
    y = [1, 2 +]
               ^
SyntaxError: invalid syntax
"#,
    );
}

#[test]
fn indented_block_at_eof_after_comment() {
    assert_report(
        b"x = 1\nif True:\n# c\n",
        r#"  File "prog.py", line 3
    # c
IndentationError: expected an indented block after 'if' statement on line 2
"#,
    );
}

// -------------------------------------------------------------------------------------
// Hostile input: each must answer (CPython's answer, where it has one) without a panic
// or a stack overflow. A panic or overflow fails the test by killing or failing it.

fn answer(program: String) -> Option<String> {
    report(program.as_bytes())
}

#[test]
fn five_thousand_nested_brackets() {
    let program = format!("x = {}{}\n", "(".repeat(5000), ")".repeat(5000));
    let got = answer(program).expect("an error");
    assert!(
        got.ends_with("SyntaxError: too many nested parentheses\n"),
        "{got}"
    );
    let program = format!("x = {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let got = answer(program).expect("an error");
    assert!(
        got.ends_with("SyntaxError: too many nested parentheses\n"),
        "{got}"
    );
}

#[test]
fn megabyte_line() {
    let items = vec!["1"; 500_000].join(",");
    let program = format!("x = [{items}]\n");
    assert!(program.len() > 1_000_000);
    assert_eq!(answer(program), None);
    let program = format!("s = '{}'\n", "a".repeat(1 << 20));
    assert_eq!(answer(program), None);
}

#[test]
fn hundred_thousand_lines() {
    let program = "x = 1\n".repeat(100_000);
    let tree = on_big_stack(move || {
        let src = socklab::syntax::Source::new("prog.py", program);
        socklab::syntax::parse_module(&src, socklab::syntax::ParseMode::File)
            .map(|m| m.body.len())
            .map_err(|e| e.render(&src))
    });
    assert_eq!(tree, Ok(100_000));
}

#[test]
fn hundred_thousand_unary_minuses() {
    let program = format!("x = {}1\n", "-".repeat(100_000));
    assert_eq!(answer(program).as_deref(), Some("MemoryError\n"));
    let program = format!("x = {}1\n", "not ".repeat(100_000));
    assert_eq!(answer(program).as_deref(), Some("MemoryError\n"));
}

#[test]
fn three_thousand_term_sum() {
    let program = format!("x = {}\n", vec!["1"; 3000].join("+"));
    assert_eq!(
        answer(program).as_deref(),
        Some("RecursionError: maximum recursion depth exceeded during compilation\n")
    );
}

#[test]
fn deep_right_nesting_without_brackets() {
    // Each of these nests without a bracket, so the tokenizer's limit does not stop them.
    for (program, expected) in [
        (
            format!("x = {}1\n", "1 if 1 else ".repeat(3000)),
            "RecursionError: maximum recursion depth exceeded during compilation\n",
        ),
        (
            format!("x = {}\n", vec!["1"; 3000].join("**")),
            "MemoryError\n",
        ),
        (
            format!("x = {}1\n", "lambda: ".repeat(3000)),
            "MemoryError\n",
        ),
    ] {
        let got = answer(program).unwrap_or_default();
        assert_eq!(got, expected);
    }
}

#[test]
fn parser_stack_limits_match_cpython() {
    // Where CPython's parser runs out of stack (MemoryError), and just below it.
    let recursion = "RecursionError: maximum recursion depth exceeded during compilation\n";
    for (program, expected) in [
        (format!("x = {}1\n", "-".repeat(5967)), Some(recursion)),
        (
            format!("x = {}1\n", "-".repeat(5968)),
            Some("MemoryError\n"),
        ),
        (format!("x = {}\n", vec!["1"; 2984].join("**")), None),
        (
            format!("x = {}\n", vec!["1"; 2985].join("**")),
            Some("MemoryError\n"),
        ),
        (format!("x = {}1\n", "lambda: ".repeat(2983)), None),
        (
            format!("x = {}1\n", "lambda: ".repeat(2984)),
            Some("MemoryError\n"),
        ),
    ] {
        let head: String = program.chars().take(20).collect();
        assert_eq!(answer(program).as_deref(), expected, "{head}...");
    }
}

#[test]
fn starred_for_target_alone() {
    // Found by the parser fuzzer: `for *x in` was accepted, and printed as `(*x)`.
    assert_report(
        b"print([x for *x in range(3)])\n",
        r#"  File "prog.py", line 1
    print([x for *x in range(3)])
                 ^^
SyntaxError: starred assignment target must be in a list or tuple
"#,
    );
    assert_report(
        b"for *x in y: pass\n",
        r#"  File "prog.py", line 1
    for *x in y: pass
        ^^
SyntaxError: starred assignment target must be in a list or tuple
"#,
    );
    assert_report(
        b"*x = 1\n",
        r#"  File "prog.py", line 1
    *x = 1
    ^^
SyntaxError: starred assignment target must be in a list or tuple
"#,
    );
}

#[test]
fn backslash_in_fstring_expression() {
    // Found by the parser fuzzer: a backslash inside a string inside `{...}` was let
    // through, though Python 3.11 refuses it there.
    assert_report(
        b"x = 1\nprint(f\"{'a\\\\s'} {x}\")\n",
        r#"  File "prog.py", line 2
    print(f"{'a\\s'} {x}")
                         ^
SyntaxError: f-string expression part cannot include a backslash
"#,
    );
    assert_report(
        b"print(f\"{x\\\\y}\")\n",
        r#"  File "prog.py", line 1
    print(f"{x\\y}")
                   ^
SyntaxError: f-string expression part cannot include a backslash
"#,
    );
}

#[test]
fn duplicate_argument() {
    // Found by the interpreter fuzzer: the frame had fewer slots than parameters, and
    // binding the arguments indexed past its end.
    assert_report(
        b"x = 1\ndef f(a, b, a):\n    pass\n",
        r#"  File "prog.py", line 2
    def f(a, b, a):
                ^
SyntaxError: duplicate argument 'a' in function definition
"#,
    );
    assert_report(
        b"g = lambda a, *a: 1\n",
        r#"  File "prog.py", line 1
    g = lambda a, *a: 1
                   ^
SyntaxError: duplicate argument 'a' in function definition
"#,
    );
    assert_report(
        b"def f(a, *, b, **a):\n    pass\n",
        r#"  File "prog.py", line 1
    def f(a, *, b, **a):
                     ^
SyntaxError: duplicate argument 'a' in function definition
"#,
    );
}
