//! How socklab shows things beside Python's own output: the palette (the one place that
//! decides colour) and the hex view of bytes. The socket table and event lines live in
//! `repl::socket_view`, next to the session they describe.

mod hexdump;
mod palette;

pub use hexdump::hexdump;
pub use palette::{ColorChoice, Palette, Style};
