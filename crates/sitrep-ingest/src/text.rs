//! Plain text: one document per file, the first line as its headline.

use sitrep_model::SourceFormat;

use crate::{Batch, Draft};

pub(crate) fn read(name: &str, id: &str, content: &str, batch: &mut Batch) {
    let title = content
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .filter(|l| l.chars().count() <= 250)
        .map(str::to_string);
    let draft = Draft {
        id: id.to_string(),
        title,
        text: content.to_string(),
        ..Draft::default()
    };
    batch.documents.push(draft.finish(name, SourceFormat::Text));
}
