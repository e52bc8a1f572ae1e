//! The lecture's Python, from text to a tree.
//!
//! Python is line-and-indentation based, so parsing happens in two passes, as in CPython:
//! `lexer` turns text into tokens (with the INDENT / DEDENT / NEWLINE tokens that carry
//! the block structure), then `parser` (nom combinators over the token slice) builds the
//! `ast`. Every node carries a `Span` into its `Source`; every mistake becomes a
//! `SyntaxError` that renders exactly as CPython renders it.
//!
//! - `source`: a program's text, its lines and `Span`s, and decoding a file's bytes;
//! - `token`, `lexer`: the tokens, and text to tokens;
//! - `parser/`: tokens to `ast` (expressions and statements);
//! - `fstring`: the inside of f-strings;
//! - `validate`: what CPython refuses after parsing (`return` outside a function ...);
//! - `interactive`: whether a REPL entry is complete, needs more, or is an error;
//! - `error`: `SyntaxError` and its rendering;
//! - `walk`, `unparse`: visiting a tree, and a tree back to text.

pub mod ast;
mod error;
mod fstring;
mod interactive;
mod lexer;
mod parser;
mod source;
mod token;
pub mod unparse;
mod validate;
pub mod walk;

pub use error::{ErrorKind, SyntaxError};
pub use interactive::{is_incomplete, judge, Verdict};
pub use lexer::tokenize;
pub use parser::{parse_expression, parse_module, ParseMode};
pub use source::{decode_source, Source, Span};
pub use token::{Tok, Token};
pub use validate::validate;
