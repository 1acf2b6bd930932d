//! Word lists the extractors read, compiled for lookups at a word position.

use rustc_hash::FxHashMap as HashMap;

/// A set of phrases (one or more words), looked up by the words of a text.
#[derive(Clone, Debug, Default)]
pub struct Phrases {
    by_first: HashMap<String, Vec<(Vec<String>, String)>>,
}

impl Phrases {
    /// Builds the set from lines `words` or `words<TAB>label`; words are lower-cased, split
    /// on spaces and hyphens, with full stops dropped.
    pub fn from_lines<'a>(lines: impl IntoIterator<Item = &'a String>) -> Phrases {
        let mut by_first: HashMap<String, Vec<(Vec<String>, String)>> = HashMap::default();
        for line in lines {
            let (words, label) = line.split_once('\t').unwrap_or((line, ""));
            let words: Vec<String> = split_words(words);
            if let Some(first) = words.first() {
                let list = by_first.entry(first.clone()).or_default();
                if !list.iter().any(|(w, _)| *w == words) {
                    list.push((words, label.trim().to_string()));
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Phrases { by_first }
    }

    /// The longest phrase that starts `words` (lower case, without full stops): how many
    /// words it has and its label.
    pub fn longest_at<W: AsRef<str>>(&self, words: &[W]) -> Option<(usize, &str)> {
        let first = words.first()?;
        self.by_first
            .get(first.as_ref())?
            .iter()
            .find_map(|(phrase, label)| {
                (phrase.len() <= words.len()
                    && phrase.iter().zip(words).all(|(p, w)| p == w.as_ref()))
                .then_some((phrase.len(), label.as_str()))
            })
    }

    /// True when the set holds nothing.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// Splits a phrase into lower-case words on spaces and hyphens, dropping full stops.
pub fn split_words(s: &str) -> Vec<String> {
    s.split([' ', '-'])
        .map(|w| w.trim_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins() {
        let lines: Vec<String> = ["lt gen", "lt", "railway station\tfacility", "station"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let p = Phrases::from_lines(&lines);
        assert_eq!(p.longest_at(&["lt", "gen", "x"]), Some((2, "")));
        assert_eq!(p.longest_at(&["lt", "col"]), Some((1, "")));
        assert_eq!(p.longest_at(&["railway", "station"]), Some((2, "facility")));
        assert_eq!(p.longest_at(&["railway"]), None);
    }
}
