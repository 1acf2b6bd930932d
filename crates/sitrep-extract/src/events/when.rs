//! Dates of events: a sentence's date expressions (found by `sitrep_analyse::dates`, the one
//! date reader of the engine) as day ranges, each at the index of its first word.

use chrono::NaiveDate;
use sitrep_analyse::Analysis;
use sitrep_analyse::dates::find_dates_in;
use sitrep_model::Span;

use super::words::Word;

/// A date found in a sentence: first and last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct When {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl When {
    /// Days covered.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// Every resolved date in the sentence `words` (of `a`, spanning `sentence`), with the index
/// of its first word.
pub(super) fn dates(
    a: &Analysis,
    words: &[Word],
    sentence: Span,
    published: Option<NaiveDate>,
) -> Vec<(usize, When)> {
    find_dates_in(a, published, &[sentence])
        .into_iter()
        .filter_map(|d| {
            let (start, end) = (d.start?, d.end?);
            let i = words.partition_point(|w| w.span.end <= d.span.start);
            (i < words.len()).then_some((
                i,
                When {
                    start,
                    end: end.max(start),
                },
            ))
        })
        .collect()
}
