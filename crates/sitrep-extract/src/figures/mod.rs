//! Figures: the quantities of things a report states, as contract [`Figure`]s.
//!
//! Takes an [`Analysis`] (its quantities from `sitrep_analyse::numbers` and dates from
//! `sitrep_analyse::dates`, resolved against the publication date) and, optionally, place
//! mentions from the entity recogniser ([`PlaceHint`]). Gives every quantity of things
//! (people, operations, incidents, money, volumes, percentages) with its counted phrase
//! (`measure`: the noun phrase after the number, "of" phrases after percentages and units, or
//! the phrase before "of"/"worth"/"stands at" when nothing follows), qualifier, unit, period
//! (a date or year in the same sentence) and place; and, for the consistency checks of
//! [`crate::checks`], how the figures relate: a part of a whole ("including 58 Afghans",
//! "4,355 of 8,011", "of the 3,984 incidents, 2,809"), a restatement (", or 69 per cent"), a
//! percentage's base ("38 per cent of them") and breakdown lists ("311 soldiers, 221
//! policemen and 52 others"). Dates, years, ages, ordinals, times, numbers inside names and
//! numbers in removed text are not figures. The words are knowledge, in `data/figures.txt`.
//!
//! The parts: `text` (the data file and text helpers), `phrase` (measures), `relations`
//! (parts, restatements, bases, lists) and `context` (place and period).

mod context;
mod phrase;
mod relations;
#[cfg(test)]
pub(crate) mod tests;
mod text;

use sitrep_analyse::Analysis;
use sitrep_analyse::dates::find_dates_in;
use sitrep_analyse::numbers::{Quantity, Unit, find_quantities};
use sitrep_model::record::{Claim, Figure};
use sitrep_model::{CharIndex, Span};

use context::{locative, nearest, period_of};
use phrase::measure_of;
use relations::{inherit_measures, relate};
use text::{Words, age_after_name, words};

/// A place mention the entity recogniser found: where, and the place's canonical name.
#[derive(Clone, Copy, Debug)]
pub struct PlaceHint<'a> {
    /// The mention's bytes in the document text.
    pub span: Span,
    /// The place's canonical name.
    pub name: &'a str,
}

/// How a figure is a part of another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartVia {
    /// "769 terrorists, including 58 Afghans", "5,104 incidents, of which 3,522".
    Including,
    /// "4,355 of 8,011", "31 out of 48".
    OfNumber,
    /// "of the 3,984 incidents nationwide, 2,809 were in KP".
    OfThe,
}

/// One figure with what the checks need to know about it.
#[derive(Clone, Debug)]
pub struct Found {
    /// The quantity.
    pub q: Quantity,
    /// Index of the sentence holding it.
    pub sentence: Option<usize>,
    /// The counted phrase, as written.
    pub measure: Option<String>,
    /// The head word of a partitive "of the operations" after the number, lower case.
    pub partitive: Option<String>,
    /// The whole this figure is a part of, and how.
    pub part_of: Option<(usize, PartVia)>,
    /// The figure this one states again in other terms (", or 69 per cent").
    pub restates: Option<usize>,
    /// For a percentage: the figure it is a percentage of ("38 per cent of them").
    pub base: Option<usize>,
    /// The figure before this one in a list ("311 soldiers, 221 policemen and 52 others").
    pub list_prev: Option<usize>,
    /// True when the list member opens with a breakdown word after its whole ("– 311").
    pub opens_breakdown: bool,
    /// True when this figure closes a breakdown ("the remaining Rs 25 billion").
    pub closes: bool,
    /// True when it closes it with "the remaining" or "the rest": a total stated before.
    pub closes_remaining: bool,
}

/// The figures of a document: the records and, index for index, what the checks use.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// The contract records.
    pub records: Vec<Figure>,
    /// The same figures with their relations.
    pub found: Vec<Found>,
}

struct Ctx<'a, 'd> {
    a: &'a Analysis<'d>,
    text: &'d str,
    w: &'static Words,
}

/// Finds the figures of `analysis`. `places` are the place mentions the entity recogniser
/// found (may be empty); each figure takes the nearest one in its sentence.
pub fn extract(analysis: &Analysis, chars: &CharIndex, places: &[PlaceHint]) -> Figures {
    let doc = analysis.doc;
    let text = doc.text.as_str();
    let ctx = Ctx {
        a: analysis,
        text,
        w: words(),
    };
    let mixed = analysis.casing.is_mixed();
    let mut quantities: Vec<Quantity> = find_quantities(analysis)
        .into_iter()
        .filter(|q| q.is_figure() && q.best().is_some() && !(mixed && age_after_name(text, q)))
        .collect();
    if quantities.is_empty() {
        return Figures::default();
    }
    // Dates matter only in the sentences that hold figures.
    let mut sentences: Vec<Span> = quantities
        .iter()
        .filter_map(|q| analysis.sentence_at(q.core.start))
        .map(|i| analysis.sentences[i].span)
        .collect();
    sentences.dedup();
    let dates = find_dates_in(analysis, doc.published, &sentences);
    quantities.retain(|q| !dates.iter().any(|d| d.span.overlaps(q.core)));
    let mut found: Vec<Found> = quantities
        .iter()
        .map(|q| {
            let sentence = analysis.sentence_at(q.core.start);
            let (measure, partitive) = measure_of(&ctx, q, sentence);
            Found {
                q: *q,
                sentence,
                measure: measure.map(|s| s.of(text).to_string()),
                partitive,
                part_of: None,
                restates: None,
                base: None,
                list_prev: None,
                opens_breakdown: false,
                closes: false,
                closes_remaining: false,
            }
        })
        .collect();
    relate(&ctx, &mut found);
    inherit_measures(&mut found);
    // Number words with nothing counted and no relation ("or six or seven") are not figures.
    let keep: Vec<bool> = found
        .iter()
        .map(|f| !f.q.words || f.measure.is_some() || f.q.unit != Unit::Count)
        .collect();
    if keep.iter().any(|k| !k) {
        let mut map = vec![usize::MAX; found.len()];
        let mut n = 0;
        for (i, k) in keep.iter().enumerate() {
            if *k {
                map[i] = n;
                n += 1;
            }
        }
        let fix = |x: Option<usize>| x.and_then(|i| (map[i] != usize::MAX).then(|| map[i]));
        found = found
            .into_iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(mut f, _)| {
                f.part_of = f.part_of.and_then(|(i, v)| fix(Some(i)).map(|i| (i, v)));
                f.restates = fix(f.restates);
                f.base = fix(f.base);
                f.list_prev = fix(f.list_prev);
                f
            })
            .collect();
    }
    // Places named as where something is ("in KP"), once per document.
    let locatives: Vec<(Span, &str)> = places
        .iter()
        .filter(|p| locative(text, p.span))
        .map(|p| (p.span, p.name))
        .collect();
    let records = found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let q = &f.q;
            // A place before the figure counts only when no figure stands between.
            let prev_end = if i > 0 && found[i - 1].sentence == f.sentence {
                usize::MAX
            } else {
                0
            };
            let next_start = found.get(i + 1).map_or(usize::MAX, |g| g.q.span.start);
            let ranged = q.low.is_some();
            Figure {
                value: if ranged { None } else { q.value },
                low: q.low,
                high: q.high,
                qualifier: q.qualifier.as_str().to_string(),
                unit: q.unit.code().to_string(),
                measure: f.measure.clone(),
                subject: None,
                place: nearest(
                    analysis,
                    q.core,
                    f.sentence,
                    (prev_end, next_start),
                    locatives.iter().copied(),
                )
                .map(str::to_string),
                period: period_of(analysis, q.core, f.sentence, &dates),
                source: None,
                start: chars.char_offset(q.core.start),
                end: chars.char_offset(q.core.end),
                text: q.core.of(text).to_string(),
            }
        })
        .collect();
    Figures { records, found }
}

/// Names the speaker of the claim each figure sits in as the figure's source, and lists the
/// figures inside each claim (character offsets).
pub fn attach_sources(figures: &mut [Figure], claims: &mut [Claim]) {
    for c in claims.iter_mut() {
        for (i, f) in figures.iter_mut().enumerate() {
            if f.start >= c.start && f.end <= c.end {
                if f.source.is_none() {
                    f.source = Some(c.speaker.clone());
                }
                if !c.figures.contains(&i) {
                    c.figures.push(i);
                }
            }
        }
    }
}
