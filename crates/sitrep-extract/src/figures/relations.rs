//! How figures relate: parts of a whole, restatements, percentage bases and breakdown lists,
//! and measures inherited along lists.
//!
//! Takes the figures found, in text order; sets their relation fields.

use sitrep_analyse::numbers::{Quantity, Unit};

use super::text::{after_at, before_at, norm};
use super::{Ctx, Found, PartVia};

/// The text between two figures, normalised.
pub(super) fn between(text: &str, a: &Found, b: &Found) -> String {
    if a.q.span.end <= b.q.span.start {
        norm(&text[a.q.span.end..b.q.span.start])
    } else {
        String::new()
    }
}

pub(super) fn same_class(a: &Quantity, b: &Quantity) -> bool {
    match (a.unit, b.unit) {
        (Unit::Percent, Unit::Percent) | (Unit::Count, Unit::Count) => true,
        (Unit::Currency(x), Unit::Currency(y)) | (Unit::Measure(x), Unit::Measure(y)) => x == y,
        _ => false,
    }
}

/// Finds the relations between the figures of one document.
pub(super) fn relate(ctx: &Ctx, found: &mut [Found]) {
    let text = ctx.text;
    let w = ctx.w;
    let n = found.len();
    let same_sentence =
        |f: &[Found], i: usize, j: usize| f[i].sentence.is_some() && f[i].sentence == f[j].sentence;
    for i in 0..n {
        let prev = (i > 0 && same_sentence(found, i, i - 1)).then(|| i - 1);
        let gap_prev = prev.map(|p| between(text, &found[p], &found[i]));
        // The nearest earlier figure of the same class in the sentence.
        let whole_for = |f: &[Found], i: usize| {
            (0..i)
                .rev()
                .take_while(|&j| same_sentence(f, i, j))
                .find(|&j| same_class(&f[j].q, &f[i].q))
        };
        // "A of B", "A out of B".
        if i + 1 < n && same_sentence(found, i, i + 1) {
            let g = between(text, &found[i], &found[i + 1]);
            if matches!(
                g.as_str(),
                "of" | "of the" | "out of" | "out of the" | "of a total of" | "of some"
            ) && found[i].q.unit == Unit::Count
                && found[i + 1].q.unit == Unit::Count
            {
                found[i].part_of = Some((i + 1, PartVia::OfNumber));
            }
        }
        // "including 58", "of which 3,522".
        if found[i].part_of.is_none()
            && let Some(g) = &gap_prev
            && w.part_before.iter().any(|p| {
                g.ends_with(p)
                    && (g.len() == p.len()
                        || !g.as_bytes()[g.len() - p.len() - 1].is_ascii_alphabetic())
            })
            && let Some(j) = whole_for(found, i)
        {
            found[i].part_of = Some((j, PartVia::Including));
        }
        // "19 of whom".
        if found[i].part_of.is_none() && found[i].q.unit == Unit::Count {
            let after = norm(after_at(text, found[i].q.span.end, 16, text.len()));
            if w.part_after.iter().any(|p| after.starts_with(p))
                && let Some(j) = whole_for(found, i)
            {
                found[i].part_of = Some((j, PartVia::Including));
            }
        }
        // ", or 69 per cent", "(36pc)".
        if let (Some(p), Some(g)) = (prev, &gap_prev)
            && (g.ends_with(", or") || g.ends_with('('))
            && !g.contains(';')
        {
            // Restating "A of B": the part, not the whole.
            let target = (0..p)
                .rev()
                .find(|&a| found[a].part_of == Some((p, PartVia::OfNumber)))
                .unwrap_or(p);
            found[i].restates = Some(target);
        }
        // "of the 3,984 incidents nationwide this year, 2,809 were in KP".
        if found[i].part_of.is_none()
            && found[i].restates.is_none()
            && let (Some(p), Some(g)) = (prev, &gap_prev)
            && g.ends_with(',')
            && !g[..g.len() - 1].contains([',', ';', ':', '('])
            && found[i].q.unit == found[p].q.unit
            && found[p].q.unit == Unit::Count
        {
            let before_b = norm(before_at(text, found[p].q.span.start, 8));
            let a_bare = found[i].measure.is_none();
            if before_b.ends_with("of the") && a_bare {
                found[i].part_of = Some((p, PartVia::OfThe));
            }
        }
        // "38 per cent of them", "58 per cent of the annual target of Rs 93.5 billion".
        if found[i].q.unit == Unit::Percent {
            let after = norm(after_at(text, found[i].q.span.end, 14, text.len()));
            if ["of them", "of these", "of those", "of which", "of whom"]
                .iter()
                .any(|p| after.starts_with(p))
            {
                found[i].base = (0..i)
                    .rev()
                    .take_while(|&j| {
                        found[j].sentence.is_some()
                            && found[j].sentence >= found[i].sentence.map(|s| s.saturating_sub(1))
                    })
                    .find(|&j| found[j].q.unit != Unit::Percent);
            } else if i + 1 < n && same_sentence(found, i, i + 1) {
                let g = between(text, &found[i], &found[i + 1]);
                if g.starts_with("of")
                    && !g.contains([',', ';', '(', ':'])
                    && g.split(' ').count() <= 7
                {
                    found[i].base = Some(i + 1);
                }
            }
        }
        // Lists: "272 Army/FC personnel, 140 police and 165 civilians".
        let gap_list = gap_prev.as_ref().map(|g| {
            let mut g = g.as_str();
            while let Some((head, last)) = g.rsplit_once(' ') {
                if matches!(
                    last,
                    "the"
                        | "remaining"
                        | "rest"
                        | "another"
                        | "further"
                        | "additional"
                        | "other"
                        | "a"
                        | "an"
                ) {
                    g = head;
                } else {
                    break;
                }
            }
            g.to_string()
        });
        if let (Some(p), Some(g)) = (prev, &gap_list)
            && found[i].part_of.is_none()
            && found[i].restates.is_none()
            && same_class(&found[p].q, &found[i].q)
            && found[p].base != Some(i)
            && found[p].part_of.map(|x| x.0) != Some(i)
            && (g.ends_with(',')
                || g.ends_with(" and")
                || g == "and"
                || g.ends_with(" while")
                || g.ends_with("and the")
                || g.ends_with(", and"))
            && !g.contains(" - ")
            && !g.contains([':', ';', '(', ')'])
            && !g.contains(", or")
        {
            found[i].list_prev = Some(p);
        }
        // "Another Rs 18 billion": a breakdown going on from an earlier sentence.
        if found[i].list_prev.is_none() && i > 0 && same_class(&found[i - 1].q, &found[i].q) {
            let before = norm(before_at(text, found[i].q.span.start, 16));
            let cont = w.breakdown_continue.iter().any(|c| {
                before.ends_with(c)
                    && (before.len() == c.len()
                        || before.as_bytes()[before.len() - c.len() - 1] == b' ')
            });
            if cont && !same_sentence(found, i, i - 1) {
                found[i].list_prev = Some(i - 1);
            }
        }
        // A breakdown opened after its whole: "... martyred – 311 soldiers".
        if let Some(g) = &gap_prev {
            let t = g.trim_end();
            found[i].opens_breakdown = w.breakdown_open.iter().any(|o| {
                t.ends_with(o)
                    && (o.len() == 1
                        || t.len() == o.len()
                        || t.as_bytes()[t.len() - o.len() - 1] == b' ')
            });
        }
        // Closing a breakdown: "the remaining Rs 25 billion", "857 in the rest of the country".
        let before = norm(before_at(text, found[i].q.span.start, 16));
        let next_start = if i + 1 < n {
            found[i + 1].q.span.start
        } else {
            text.len()
        };
        let sent_end = found[i]
            .sentence
            .map_or(text.len(), |s| ctx.a.sentences[s].span.end);
        let after = norm(after_at(
            text,
            found[i].q.span.end,
            60,
            next_start.min(sent_end),
        ));
        // Only the figure's own phrase: up to the next clause or list member.
        let after = after
            .split([',', ';', ':', '('])
            .next()
            .unwrap_or("")
            .split(" and ")
            .next()
            .unwrap_or("")
            .split(" - ")
            .next()
            .unwrap_or("")
            .split(" while ")
            .next()
            .unwrap_or("")
            .to_string();
        let before_last = before.rsplit(' ').next().unwrap_or("");
        let words_after = || after.split(|c: char| !c.is_alphanumeric());
        found[i].closes = w.breakdown_close.contains(before_last)
            || words_after().any(|x| w.breakdown_close.contains(x));
        let remaining = |x: &str| matches!(x, "remaining" | "rest" | "balance");
        found[i].closes_remaining = remaining(before_last) || words_after().any(remaining);
    }
}

/// Figures with no counted phrase take their relative's: a part its whole's, a restatement
/// what it restates, a list member the member before.
pub(super) fn inherit_measures(found: &mut [Found]) {
    for _ in 0..3 {
        let mut changed = false;
        for i in 0..found.len() {
            if found[i].measure.is_some() {
                continue;
            }
            let has = |j: &usize| found[*j].measure.is_some() || found[*j].partitive.is_some();
            let from = found[i]
                .restates
                .filter(has)
                .or_else(|| (0..found.len()).find(|j| found[*j].restates == Some(i) && has(j)))
                .or(found[i].part_of.map(|p| p.0).filter(has))
                .or_else(|| {
                    (0..found.len())
                        .find(|j| found[*j].part_of == Some((i, PartVia::OfNumber)) && has(j))
                })
                .or(found[i].list_prev.filter(has));
            if let Some(j) = from {
                found[i].measure = found[j]
                    .measure
                    .clone()
                    .or_else(|| found[j].partitive.clone());
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}
