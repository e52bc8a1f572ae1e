//! Counts said in English: "an 11-byte datagram", "a 3-byte datagram", "1 request",
//! "2 requests". Event lines and service logs are read aloud in class, so the article
//! follows how the number is spoken, not how it is written.

/// "a" or "an" before `n` read aloud: "an" for eight, eleven, eighteen, eighty-..,
/// eight hundred .., and those thousands and millions ("an 8000-byte", "an 11000-byte").
pub fn article(n: u64) -> &'static str {
    // The number is spoken from its leading group of three digits.
    let mut lead = n;
    while lead >= 1000 {
        lead /= 1000;
    }
    match lead {
        8 | 11 | 18 | 80..=89 | 800..=899 => "an",
        _ => "a",
    }
}

/// "a" or "an" before a word as it is written: "an int", "a str", "an OSError".
pub fn article_for(word: &str) -> &'static str {
    match word.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// `n` with its noun, plural unless it is one: "1 request", "2 requests", "0 requests".
pub fn count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "a 3-byte", "an 11-byte": a size used as an adjective before a noun.
pub fn sized(n: u64, unit: &str) -> String {
    format!("{} {n}-{unit}", article(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_follow_the_spoken_number() {
        for n in [
            8, 11, 18, 80, 83, 800, 899, 8000, 11_000, 18_500, 80_000, 8_000_000,
        ] {
            assert_eq!(article(n), "an", "{n}");
        }
        for n in [
            0, 1, 3, 7, 10, 12, 19, 28, 100, 108, 111, 180, 1100, 1800, 65_507,
        ] {
            assert_eq!(article(n), "a", "{n}");
        }
        assert_eq!(sized(11, "byte"), "an 11-byte");
        assert_eq!(sized(5, "byte"), "a 5-byte");
        assert_eq!(article_for("int"), "an");
        assert_eq!(article_for("str"), "a");
    }

    #[test]
    fn one_is_singular() {
        assert_eq!(count(1, "request"), "1 request");
        assert_eq!(count(0, "request"), "0 requests");
        assert_eq!(count(2, "request"), "2 requests");
    }
}
