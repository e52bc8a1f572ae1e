//! Bytes as `hexdump -C` shows them: offset, sixteen bytes in hex (two groups of
//! eight), and the same bytes as ASCII with `.` for anything unprintable. This is how
//! the lecture's "what is actually on the wire" becomes visible: `b'Hi\r\n'` is four
//! bytes, `0d 0a` is the line ending HTTP wants.

use std::fmt::Write;

pub fn hexdump(data: &[u8]) -> String {
    let mut out = String::new();
    if data.is_empty() {
        out.push_str("(no bytes)\n");
        return out;
    }
    for (row, chunk) in data.chunks(16).enumerate() {
        let _ = write!(out, "{:08x}  ", row * 16);
        for i in 0..16 {
            match chunk.get(i) {
                Some(b) => {
                    let _ = write!(out, "{b:02x} ");
                }
                None => out.push_str("   "),
            }
            if i == 7 {
                out.push(' ');
            }
        }
        out.push_str(" |");
        for &b in chunk {
            out.push(if (0x20..0x7f).contains(&b) {
                b as char
            } else {
                '.'
            });
        }
        out.push_str("|\n");
    }
    let _ = writeln!(
        out,
        "{:08x}  ({} byte{})",
        data.len(),
        data.len(),
        if data.len() == 1 { "" } else { "s" }
    );
    out
}

#[cfg(test)]
mod tests {
    use super::hexdump;

    #[test]
    fn rows_of_sixteen_with_ascii() {
        let dump = hexdump(b"GET / HTTP/1.0\r\n\r\n");
        assert_eq!(
            dump,
            "00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 30 0d 0a  |GET / HTTP/1.0..|\n\
             00000010  0d 0a                                             |..|\n\
             00000012  (18 bytes)\n"
        );
    }

    #[test]
    fn empty_bytes_say_so() {
        assert_eq!(hexdump(b""), "(no bytes)\n");
    }
}
