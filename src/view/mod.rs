//! How socklab shows things beside Python's own output: the palette (`palette`, the one
//! place that decides colour), the hex view of bytes (`hexdump`), counts said in English (`english`), the `:log`
//! transcript (`transcript`), and text and tables fitted to the terminal (`wrap`,
//! `fit`). The socket table and event lines live in `repl::socket_view`, next to the
//! session they describe.

pub mod english;
pub mod fit;
mod hexdump;
mod palette;
pub mod transcript;
pub mod wrap;

pub use hexdump::hexdump;
pub use palette::{ColorChoice, Palette, Style};
