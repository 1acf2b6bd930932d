//! Casualty counts: the words of a sentence in, tolls (killed, injured) with qualifiers and
//! categories out.
//!
//! A count is a number ("27", "seven", "14,535") followed within a few words by a death or
//! injury cue ("were killed", "martyred"), or preceded by one ("killed at least 27",
//! "claimed the lives of 36"). The noun after the number gives the category (civilians,
//! security forces, militants); "including 21 hostages" is a part, not another count.

use sitrep_model::record::Casualties;

use super::words::{Lexicons, Word};

/// Killed or injured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Harm {
    Killed,
    Injured,
}

/// One count found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Count {
    pub harm: Harm,
    pub value: u64,
    pub qualifier: &'static str,
    pub category: Option<&'static str>,
    /// Index of the number word.
    pub at: usize,
}

/// The value of a number word: digits ("14,535") or an English number word.
pub(super) fn number(w: &Word) -> Option<u64> {
    if w.number {
        if w.lower.contains('.') {
            return None;
        }
        return w.lower.replace(',', "").parse().ok();
    }
    Some(match w.lower.as_ref() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

fn qualifier(label: &str) -> &'static str {
    match label {
        "qualifier:at_least" => "at_least",
        "qualifier:more_than" => "more_than",
        "qualifier:about" => "about",
        "qualifier:up_to" => "up_to",
        _ => "exact",
    }
}

fn category(label: &str) -> Option<&'static str> {
    match label {
        "civilians" => Some("civilians"),
        "security_forces" => Some("security_forces"),
        "militants" => Some("militants"),
        _ => None,
    }
}

/// The casualty label of the phrase at word `i`: (words, label).
fn cue<'l>(lex: &'l Lexicons, words: &[Word], i: usize) -> Option<(usize, &'l str)> {
    lex.casualty.longest_at(&words[i..])
}

fn harm_of(label: &str) -> Option<Harm> {
    match label {
        "killed" => Some(Harm::Killed),
        "injured" => Some(Harm::Injured),
        _ => None,
    }
}

/// The counts in `words` (one sentence).
pub(super) fn counts(lex: &Lexicons, words: &[Word]) -> Vec<Count> {
    let mut out: Vec<Count> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(value) = number(w) else { continue };
        // A year, a percentage, a part ("including 21 hostages") are not tolls.
        if (1900..2100).contains(&value) && w.number && !w.lower.contains(',') {
            continue;
        }
        let before_word = |k: usize| i.checked_sub(k).map(|j| words[j].lower.as_ref());
        if before_word(1) == Some("including")
            || before_word(1) == Some("of") && before_word(2) == Some("out")
        {
            continue;
        }
        let mut q = "exact";
        // Where the number's phrase starts: at its qualifier ("at least 27").
        let mut phrase_start = i;
        for back in 1..=3 {
            if let Some(j) = i.checked_sub(back)
                && let Some((n, label)) = cue(lex, words, j)
                && j + n == i
                && label.starts_with("qualifier:")
            {
                q = qualifier(label);
                phrase_start = j;
                break;
            }
        }
        // The noun after the number, and the nearest harm cue after or before it.
        let mut cat = None;
        let mut after = None;
        let mut j = i + 1;
        let mut reach = i + 8;
        while j < words.len() && j <= reach {
            // "nine civilians, including four children and three women, were killed": the
            // parts are passed over on the way to the harm.
            if words[j].lower == "including" {
                reach = i + 16;
                j += 1;
                continue;
            }
            if words[j].number && reach == i + 8 {
                break;
            }
            if let Some((n, label)) = cue(lex, words, j) {
                if let Some(h) = harm_of(label) {
                    after = Some((j - i, h));
                    break;
                }
                if cat.is_none() && j <= i + 3 {
                    cat = category(label);
                }
                j += n;
                continue;
            }
            j += 1;
        }
        let mut before = None;
        for back in 1..=5 {
            let Some(k) = phrase_start.checked_sub(back) else {
                break;
            };
            if number(&words[k]).is_some() {
                break;
            }
            if let Some((_, label)) = cue(lex, words, k)
                && let Some(h) = harm_of(label)
            {
                before = Some((back, h));
                break;
            }
        }
        // "the death toll from Friday's bombing rose to 31"
        if before.is_none()
            && matches!(
                before_word(1),
                Some("to" | "at" | "reached" | "reaches" | "hit")
            )
            && words[i.saturating_sub(15)..i]
                .iter()
                .any(|x| x.lower == "toll")
        {
            before = Some((1, Harm::Killed));
        }
        let harm = match (before, after) {
            (Some((b, h)), Some((a, _))) if b < a => Some(h),
            (_, Some((_, h))) => Some(h),
            (Some((_, h)), None) => Some(h),
            (None, None) => None,
        };
        let Some(harm) = harm else { continue };
        out.push(Count {
            harm,
            value,
            qualifier: q,
            category: cat,
            at: i,
        });
    }
    out
}

/// Folds counts into one toll for `harm`: distinct categories add up ("36 civilians ... 22
/// security personnel were also killed"); otherwise the first count stands.
pub(super) fn toll(counts: &[Count], harm: Harm) -> Option<Casualties> {
    let mine: Vec<&Count> = counts.iter().filter(|c| c.harm == harm).collect();
    let first = *mine.first()?;
    let mut t = Casualties {
        total: first.value,
        qualifier: first.qualifier.to_string(),
        civilians: None,
        security_forces: None,
        militants: None,
    };
    set_category(&mut t, first);
    for c in &mine[1..] {
        let fresh = match c.category {
            Some("civilians") => t.civilians.is_none(),
            Some("security_forces") => t.security_forces.is_none(),
            Some("militants") => t.militants.is_none(),
            _ => false,
        };
        // Every side's dead count, as ACLED counts them: "seven soldiers were martyred and
        // four terrorists killed" is 11.
        if fresh && first.category.is_some() {
            t.total += c.value;
            set_category(&mut t, c);
        }
    }
    Some(t)
}

fn set_category(t: &mut Casualties, c: &Count) {
    match c.category {
        Some("civilians") => t.civilians = Some(c.value),
        Some("security_forces") => t.security_forces = Some(c.value),
        Some("militants") => t.militants = Some(c.value),
        _ => {}
    }
}
