//! Consistency checks: arithmetic between the figures of one document.
//!
//! Takes the [`Found`] figures of [`crate::figures`] with their relations and gives contract
//! [`Check`]s, each naming its figures (indices into the record's `figures`) with a verdict
//! and a sentence a person can read:
//!
//! - `part_of_whole`: a part no larger than its whole ("769 terrorists, including 58
//!   Afghans"; "312 militants, including 340 foreigners" is inconsistent);
//! - `percent_of_counts`: a percentage against the counts it restates ("54.3%, or 4,355 of
//!   8,011": 54.36%, consistent within the stated precision, which allows rounding or
//!   truncation of the last stated digit);
//! - `share_of_counts`: a percentage standing near a part and its whole without restating
//!   them ("of the 3,984 incidents, 2,809 were in KP ... more than 70%": 70.5%);
//! - `parts_sum`: a breakdown against its total ("584 martyred – 311, 221 and 52"), equal
//!   when the breakdown is complete (opened by a dash or colon, or closed by "the remaining",
//!   "the rest", "other"), no larger otherwise.
//!
//! Qualifiers count: "more than 70%" wants more than 70, "nearly 70 percent" within a few
//! points. When the words leave the answer open ("at least 27 killed, including 30
//! children"), no check is given.

use sitrep_analyse::numbers::{Qualifier, Unit};
use sitrep_model::record::{Check, Figure};

use crate::figures::{Found, PartVia};

/// The checks over `found`; `records` are the same figures as written in the record.
pub fn check(found: &[Found], records: &[Figure]) -> Vec<Check> {
    let mut out = Vec::new();
    part_of_whole(found, records, &mut out);
    percentages(found, records, &mut out);
    parts_sum(found, records, &mut out);
    out
}

fn value(f: &Found) -> Option<f64> {
    f.q.best()
}

fn label(r: &Figure) -> String {
    match &r.measure {
        Some(m) if r.unit == "count" => format!("{} {}", r.text, m),
        _ => r.text.clone(),
    }
}

/// (lowest, highest) a qualified value allows.
fn bounds(f: &Found) -> Option<(f64, f64)> {
    let v = value(f)?;
    let hi = f.q.high.unwrap_or(v);
    Some(match f.q.qualifier {
        Qualifier::Exact => (v, hi),
        Qualifier::AtLeast | Qualifier::MoreThan => (v, f64::INFINITY),
        Qualifier::About => (v * 0.9, hi * 1.1),
        Qualifier::UpTo | Qualifier::LessThan => (0.0, hi),
    })
}

fn part_of_whole(found: &[Found], records: &[Figure], out: &mut Vec<Check>) {
    for (i, f) in found.iter().enumerate() {
        let Some((w, via)) = f.part_of else { continue };
        if f.q.unit == Unit::Percent || found[w].q.unit == Unit::Percent {
            continue;
        }
        let (Some((plo, phi)), Some((wlo, whi))) = (bounds(f), bounds(&found[w])) else {
            continue;
        };
        let consistent = if plo > whi {
            false
        } else if phi <= wlo {
            true
        } else {
            continue;
        };
        let how = match via {
            PartVia::Including => "is counted within",
            PartVia::OfNumber | PartVia::OfThe => "is a share of",
        };
        let message = if consistent {
            format!(
                "{} {} {}: the part is no larger than the whole (consistent)",
                label(&records[i]),
                how,
                label(&records[w])
            )
        } else {
            format!(
                "{} {} {}, but the part is larger than the whole (inconsistent)",
                label(&records[i]),
                how,
                label(&records[w])
            )
        };
        out.push(Check {
            kind: "part_of_whole".into(),
            consistent,
            message,
            figures: vec![w, i],
        });
    }
}

/// Does an actual percentage agree with a stated one under its qualifier and precision?
fn percent_agrees(actual: f64, stated: &Found) -> Option<bool> {
    let p = value(stated)?;
    let unit = 10f64.powi(-i32::from(stated.q.decimals));
    let eps = 1e-9;
    Some(match stated.q.qualifier {
        // Rounding of the last stated digit, or truncation.
        Qualifier::Exact => actual >= p - unit / 2.0 - eps && actual < p + unit - eps,
        Qualifier::About => (actual - p).abs() <= (0.05 * p).max(1.0) + unit / 2.0,
        Qualifier::MoreThan => actual > p - eps,
        Qualifier::AtLeast => actual >= p - unit / 2.0 - eps,
        Qualifier::UpTo => actual <= p + unit / 2.0 + eps,
        Qualifier::LessThan => actual < p + eps,
    })
}

fn qualifier_words(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::AtLeast => "at least ",
        Qualifier::MoreThan => "more than ",
        Qualifier::About => "about ",
        Qualifier::UpTo => "up to ",
        Qualifier::LessThan => "less than ",
    }
}

fn percent_check(
    kind: &str,
    p: usize,
    a: usize,
    w: usize,
    found: &[Found],
    records: &[Figure],
    out: &mut Vec<Check>,
) {
    let (Some(av), Some(wv)) = (value(&found[a]), value(&found[w])) else {
        return;
    };
    let loose = |q: Qualifier| matches!(q, Qualifier::Exact | Qualifier::About);
    if wv <= 0.0 || !loose(found[a].q.qualifier) || !loose(found[w].q.qualifier) {
        return;
    }
    let actual = av / wv * 100.0;
    // Approximate counts make the percentage approximate too.
    let mut stated = found[p].clone();
    if found[a].q.qualifier == Qualifier::About || found[w].q.qualifier == Qualifier::About {
        if stated.q.qualifier != Qualifier::Exact {
            return;
        }
        stated.q.qualifier = Qualifier::About;
    }
    let Some(ok) = percent_agrees(actual, &stated) else {
        return;
    };
    let message = format!(
        "{} of {} is {:.2}%, stated as {}{}: {}",
        money_or_count(&records[a], av),
        money_or_count(&records[w], wv),
        actual,
        qualifier_words(found[p].q.qualifier),
        records[p].text,
        match (ok, found[p].q.qualifier) {
            (true, Qualifier::Exact) => "consistent within the stated precision",
            (true, _) => "consistent",
            (false, _) => "inconsistent",
        }
    );
    out.push(Check {
        kind: kind.into(),
        consistent: ok,
        message,
        figures: vec![p, a, w],
    });
}

fn percentages(found: &[Found], records: &[Figure], out: &mut Vec<Check>) {
    for (p, f) in found.iter().enumerate() {
        if f.q.unit != Unit::Percent || value(f).is_none() {
            continue;
        }
        // The count this percentage restates, in either direction.
        let restated = f
            .restates
            .filter(|&a| found[a].q.unit != Unit::Percent)
            .or_else(|| {
                (0..found.len())
                    .find(|&a| found[a].restates == Some(p) && found[a].q.unit != Unit::Percent)
            });
        if let Some(a) = restated {
            let whole = found[a].part_of.map(|x| x.0).or(f.base);
            if let Some(w) = whole {
                percent_check("percent_of_counts", p, a, w, found, records, out);
            } else {
                // The whole is not named: a larger figure of the same class in the sentence
                // that gives the stated share ("4,150 against 6,500 – a shortfall of 2,350, or
                // 36pc"). Only agreement is reported: an unnamed whole cannot be wrong.
                let cands: Vec<usize> = (0..found.len())
                    .filter(|&w| {
                        w != a
                            && found[w].sentence == found[a].sentence
                            && found[w].q.unit == found[a].q.unit
                            && value(&found[w]) > value(&found[a])
                    })
                    .collect();
                for w in cands {
                    let actual =
                        value(&found[a]).unwrap_or(0.0) / value(&found[w]).unwrap_or(1.0) * 100.0;
                    if percent_agrees(actual, f) == Some(true) {
                        percent_check("percent_of_counts", p, a, w, found, records, out);
                        break;
                    }
                }
            }
            continue;
        }
        if f.base.is_some() {
            continue; // "nearly 70 percent of the 5,104 incidents": no count to check against.
        }
        // A share standing near a part and its whole.
        let Some(s) = f.sentence else { continue };
        let pair = (0..found.len()).rev().find(|&a| {
            found[a].sentence.is_some_and(|x| x + 1 >= s && x <= s)
                && a != p
                && found[a].q.unit == Unit::Count
                && found[a].part_of.is_some_and(|(w, via)| {
                    via != PartVia::Including && found[w].q.unit == Unit::Count
                })
        });
        if let Some(a) = pair {
            let w = found[a].part_of.unwrap().0;
            percent_check("share_of_counts", p, a, w, found, records, out);
        }
    }
}

fn parts_sum(found: &[Found], records: &[Figure], out: &mut Vec<Check>) {
    let n = found.len();
    let mut in_group = vec![false; n];
    for last in (0..n).rev() {
        if in_group[last] || found[last].list_prev.is_none() {
            continue;
        }
        // Walk the list back from its last member.
        let mut group = vec![last];
        let mut k = last;
        while let Some(p) = found[k].list_prev {
            group.push(p);
            k = p;
        }
        group.reverse();
        for &g in &group {
            in_group[g] = true;
        }
        if group.len() < 2 {
            continue;
        }
        let first = group[0];
        let closes = found[*group.last().unwrap()].closes;
        // The whole: before a breakdown opened by a dash, colon or "including"...
        let mut whole = None;
        let mut complete = closes;
        if first > 0
            && found[first].opens_breakdown
            && found[first - 1].q.unit == found[first].q.unit
        {
            whole = Some(first - 1);
            let g = &records[first];
            let _ = g;
            complete = complete || !matches!(found[first].part_of, Some((_, PartVia::Including)));
        } else if let Some((w, PartVia::Including)) = found[first].part_of {
            whole = Some(w);
        } else if let Some(head) = &found[first].partitive {
            // ... or named by "12,857 of the operations".
            let stem = |s: &str| s.trim_end_matches('s').to_lowercase();
            whole = (0..first).rev().find(|&w| {
                found[w].q.unit == found[first].q.unit
                    && found[w].measure.as_deref().is_some_and(|m| {
                        m.split(|c: char| !c.is_alphanumeric())
                            .any(|x| stem(x) == stem(head))
                    })
            });
        } else if found[*group.last().unwrap()].closes_remaining {
            // ... or the nearest earlier total of the same unit larger than every part ("the
            // remaining Rs 25 billion").
            let max = group
                .iter()
                .filter_map(|&g| value(&found[g]))
                .fold(0.0, f64::max);
            whole = (0..first)
                .rev()
                .find(|&w| found[w].q.unit == found[first].q.unit)
                .filter(|&w| value(&found[w]).is_some_and(|v| v > max));
        }
        let Some(w) = whole else { continue };
        if group
            .iter()
            .any(|&g| found[g].q.qualifier != Qualifier::Exact)
            || found[w].q.qualifier != Qualifier::Exact
        {
            continue;
        }
        let Some(wv) = value(&found[w]) else { continue };
        let sum: f64 = group.iter().filter_map(|&g| value(&found[g])).sum();
        let decimals = group
            .iter()
            .chain([&w])
            .map(|&g| found[g].q.decimals)
            .max()
            .unwrap_or(0);
        let scale = wv.abs().max(1.0);
        let tol = (10f64.powi(-i32::from(decimals)) * group.len() as f64).max(scale * 1e-9);
        // Decimals of a scaled figure ("Rs 18.6 billion") are in the scale's units.
        let tol = if records[w].text.chars().any(|c| c.is_alphabetic()) {
            tol.max(scale * 0.005)
        } else {
            tol
        };
        let consistent = if complete {
            (sum - wv).abs() <= tol
        } else {
            sum <= wv + tol
        };
        let parts = group
            .iter()
            .map(|&g| records[g].text.as_str())
            .collect::<Vec<_>>()
            .join(" + ");
        let sum_text = like(sum, &records[w]);
        let message = if complete {
            format!(
                "{} = {}, against a stated total of {}: {}",
                parts,
                sum_text,
                records[w].text,
                if consistent {
                    "consistent"
                } else {
                    "inconsistent: the parts do not add up to the total"
                }
            )
        } else {
            format!(
                "{} = {}, within a stated total of {}: {}",
                parts,
                sum_text,
                records[w].text,
                if consistent {
                    "consistent"
                } else {
                    "inconsistent: the parts exceed the total"
                }
            )
        };
        let mut figures = vec![w];
        figures.extend(&group);
        out.push(Check {
            kind: "parts_sum".into(),
            consistent,
            message,
            figures,
        });
    }
}

/// `v` written the way `r` is ("Rs 96 billion" makes 9.6e10 read "96 billion").
fn like(v: f64, r: &Figure) -> String {
    let lower = r.text.to_lowercase();
    for (word, scale) in [
        ("trillion", 1e12),
        ("billion", 1e9),
        ("bn", 1e9),
        ("crore", 1e7),
        ("million", 1e6),
        ("mn", 1e6),
        ("lakh", 1e5),
        ("thousand", 1e3),
    ] {
        if lower.contains(word) {
            let x = v / scale;
            let x = (x * 1000.0).round() / 1000.0;
            return format!("{x} {word}");
        }
    }
    fmt(v)
}

/// A count with separators ("8.011" written as 8,011); money as written.
fn money_or_count(r: &Figure, v: f64) -> String {
    if r.unit == "count" {
        fmt(v)
    } else {
        r.text.clone()
    }
}

/// A number with thousands separators.
fn fmt(v: f64) -> String {
    if v.fract().abs() > 1e-9 {
        return format!("{v}");
    }
    let s = format!("{}", v.abs() as u128);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::tests::figures_of;

    fn checks(text: &str) -> Vec<Check> {
        let f = figures_of(text, Some("2025-06-30"));
        check(&f.found, &f.records)
    }

    fn verdicts(text: &str) -> Vec<(String, bool)> {
        checks(text)
            .into_iter()
            .map(|c| (c.kind, c.consistent))
            .collect()
    }

    #[test]
    fn part_of_whole() {
        assert_eq!(
            verdicts("Troops killed 420 insurgents, including 37 foreigners."),
            vec![("part_of_whole".into(), true)]
        );
        assert_eq!(
            verdicts("Troops killed 312 militants, including 340 foreigners."),
            vec![("part_of_whole".into(), false)]
        );
        // An open whole cannot be exceeded.
        assert!(verdicts("At least 27 died, including 30 children.").is_empty());
        let c = checks("Troops killed 312 militants, including 340 foreigners.");
        assert_eq!(c[0].figures, vec![0, 1]);
        assert!(c[0].message.contains("inconsistent"), "{}", c[0].message);
    }

    #[test]
    fn percent_against_counts() {
        // Truncated: 2,140 / 3,497 = 61.195...%, stated 61.1%.
        let v =
            verdicts("The province had registered only 61.1% of seminaries, or 2,140 of 3.497.");
        assert!(v.contains(&("percent_of_counts".into(), true)), "{v:?}");
        // Rounded: 3,012 / 4,400 = 68.45%, stated 68.5%.
        let v = verdicts("Of the 4,400 cases heard, 3,012, or 68.5 per cent, ended in acquittal.");
        assert!(v.contains(&("percent_of_counts".into(), true)), "{v:?}");
        // A planted error: 38% of 1,200 is 456, not 700.
        let v = verdicts(
            "Courts decided 1,200 cases, convicting in 38 per cent of them, or 700 cases.",
        );
        assert!(v.contains(&("percent_of_counts".into(), false)), "{v:?}");
        // "A of the B ..., or P".
        let v = verdicts("Some 1,820 of the 2,600 wells in the district, or 70 per cent, are dry.");
        assert!(v.contains(&("percent_of_counts".into(), true)), "{v:?}");
        // The whole named later: "Rs 40.5 billion, or 45 per cent of the target of Rs 90 billion".
        let v = verdicts(
            "Collection reached Rs 40.5 billion, or 45 per cent of the annual target of Rs 90 billion.",
        );
        assert!(v.contains(&("percent_of_counts".into(), true)), "{v:?}");
    }

    #[test]
    fn share_against_counts() {
        let v = verdicts(
            "The minister said of the 1,500 raids carried out this year, 1,090 were in the north. \
             \"Why are more than 70% in the north?\" he asked.",
        );
        assert_eq!(
            v,
            vec![
                ("part_of_whole".into(), true),
                ("share_of_counts".into(), true)
            ]
        );
        let v = verdicts(
            "Of the 1,500 raids this year, 990 were in the north. More than 70% were there.",
        );
        assert!(v.contains(&("share_of_counts".into(), false)), "{v:?}");
    }

    #[test]
    fn parts_against_total() {
        let v = verdicts(
            "In all, 640 personnel were killed – 402 soldiers, 180 policemen and 58 others.",
        );
        assert_eq!(v, vec![("parts_sum".into(), true)]);
        let v = verdicts(
            "In all, 640 personnel were killed – 402 soldiers, 180 policemen and 68 others.",
        );
        assert_eq!(v, vec![("parts_sum".into(), false)]);
        let v = verdicts(
            "Police ran 9,000 patrols in 2024. Exactly 4,000 of the patrols were in Quetta, \
             3,500 in Gwadar and 1,500 in the rest of the province.",
        );
        assert!(v.contains(&("parts_sum".into(), true)), "{v:?}");
        let v = verdicts(
            "The cabinet approved Rs 50 billion. Rs 20 billion goes to schools, while Rs 12 billion \
             is for clinics. Another Rs 8 billion is for roads and the remaining Rs 10 billion for water.",
        );
        assert!(v.contains(&("parts_sum".into(), true)), "{v:?}");
        let v = verdicts(
            "The cabinet approved Rs 50 billion. Rs 20 billion goes to schools, while Rs 12 billion \
             is for clinics. Another Rs 8 billion is for roads and the remaining Rs 15 billion for water.",
        );
        assert!(v.contains(&("parts_sum".into(), false)), "{v:?}");
        // A list with no total says nothing.
        assert!(verdicts("Police arrested 12 men, 4 women and 2 boys.").is_empty());
    }
}
