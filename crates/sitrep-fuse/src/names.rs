//! Name keys: the form names are compared in across reports.

/// Folds a name to a comparison key: lower case, letters and digits only, single spaces,
/// without the articles a/an/the ("The Tehreek-e-Taliban" and "tehreek e taliban" agree).
pub fn key(name: &str) -> String {
    let folded: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    folded
        .split_whitespace()
        .filter(|w| !matches!(*w, "a" | "an" | "the"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn folds_case_punctuation_and_articles() {
        assert_eq!(
            super::key("The Tehreek-e-Taliban  Pakistan"),
            "tehreek e taliban pakistan"
        );
        assert_eq!(super::key("LAKKI MARWAT"), super::key("Lakki Marwat"));
    }
}
