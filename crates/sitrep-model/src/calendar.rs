//! Month names, as reports write them.

const FULL: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1-12) a lower-case word names: the full name, its first three letters, "sept",
/// or a longer start of the full name ("janu").
pub fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    FULL.iter()
        .position(|m| m.starts_with(word) || (word == "sept" && m.starts_with("sep")))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months() {
        let cases = [
            ("march", Some(3)),
            ("mar", Some(3)),
            ("sept", Some(9)),
            ("sep", Some(9)),
            ("janu", Some(1)),
        ];
        for (w, want) in cases {
            assert_eq!(month_number(w), want, "{w}");
        }
        for w in ["ma", "marching", "monday", "novel", ""] {
            assert_eq!(month_number(w), None, "{w}");
        }
    }
}
