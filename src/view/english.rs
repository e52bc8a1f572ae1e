//! Words said in English: "1 request", "2 requests", "an int", "a str". (An article
//! before a number, "an 11-byte datagram", is `net::event::article_for`, where the
//! event lines are worded.)

/// "a" or "an" before a word as it is written: "an int", "a str", "an OSError".
pub fn article_before_word(word: &str) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_follow_the_first_letter() {
        assert_eq!(article_before_word("int"), "an");
        assert_eq!(article_before_word("OSError"), "an");
        assert_eq!(article_before_word("str"), "a");
        assert_eq!(article_before_word("float"), "a");
    }

    #[test]
    fn one_is_singular() {
        assert_eq!(count(1, "request"), "1 request");
        assert_eq!(count(0, "request"), "0 requests");
        assert_eq!(count(2, "request"), "2 requests");
    }
}
