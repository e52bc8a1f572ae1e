//! How socklab shows things beside Python's own output: the palette (the one place that
//! decides colour), the hex view of bytes, and counts said in English (`english`). The socket table and event lines live in
//! `repl::socket_view`, next to the session they describe.

pub mod english;
mod hexdump;
mod palette;

pub use hexdump::hexdump;
pub use palette::{ColorChoice, Palette, Style};
