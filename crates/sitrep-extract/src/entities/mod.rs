//! Entities: an [`Analysis`] and the knowledge base in, the document's [`Entities`] out.
//!
//! Recognition runs in stages, each adding mentions where earlier ones found nothing:
//! 1. [`known`]: one pass of the knowledge-base matcher over the folded text, with evidence
//!    rules for names that are also words, acronyms and village names, then leftmost-longest
//!    selection; offices resolve to their holder on the publication date.
//! 2. [`patterns`]: unknown organisations ("X Liberation Army", "Lashkar-e-X"), persons by
//!    title ("Lt Gen X", "Minister X") and named facilities ("Tralai Imambargah", "Quetta
//!    railway station"), geocoded to their town.
//! 3. [`resolve`]: within the document, short names ("Chaudhry", "Asif") and generic words
//!    ("the army") join the entity they stand for.

mod known;
mod patterns;
mod resolve;
mod words;

use sitrep_analyse::Analysis;
use sitrep_kb::{ActorKind, KnowledgeBase, Place, PlaceKind};
use sitrep_model::record::{Entity, Mention};
use sitrep_model::{CharIndex, Span};

/// What kind of entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    /// An actor of this kind.
    Actor(ActorKind),
    /// A place of this kind.
    Place(PlaceKind),
}

impl EntityKind {
    /// The contract's type name.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Actor(k) => k.as_str(),
            EntityKind::Place(_) => "place",
        }
    }

    /// True for places.
    pub fn is_place(self) -> bool {
        matches!(self, EntityKind::Place(_))
    }

    /// True for persons.
    pub fn is_person(self) -> bool {
        self == EntityKind::Actor(ActorKind::Person)
    }
}

/// One entity of the document.
#[derive(Clone, Debug)]
pub struct DocEntity {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Knowledge-base id, when known.
    pub kb_id: Option<String>,
    /// Country, when known.
    pub country: Option<String>,
    /// For places: the gazetteer entry (or the town a facility was geocoded to).
    pub place: Option<Place>,
}

/// How a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// A name or alias in the knowledge base.
    Name,
    /// An office, resolved to its holder.
    Office,
    /// A pattern (unknown organisation, titled person, facility).
    Pattern,
    /// A short form of a name already seen ("Chaudhry").
    ShortName,
    /// A generic word standing for an actor of the document's country ("the army").
    Generic,
}

/// A mention: where, of which entity, found how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocMention {
    /// Byte span in the document text.
    pub span: Span,
    /// Index into [`Entities::list`].
    pub entity: usize,
    /// How it was found.
    pub via: Via,
}

/// The entities of one document and their mentions.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    /// Entities, in order of first mention.
    pub list: Vec<DocEntity>,
    /// Mentions, in text order, not overlapping.
    pub mentions: Vec<DocMention>,
    /// Mentions inside other mentions: the organisation named within an office ("ISPR" in
    /// "Director General of ISPR"). Kept apart so `mentions` never overlap.
    pub nested: Vec<DocMention>,
    /// The country the document is mostly about, when it can be told.
    pub country: Option<String>,
}

impl Entities {
    /// Recognises the entities of a document.
    pub fn recognise(analysis: &Analysis, kb: &KnowledgeBase) -> Entities {
        let words = words::words(analysis);
        let mut found = known::recognise(analysis, kb);
        patterns::recognise(analysis, kb, &words, &mut found);
        resolve::within_document(analysis, kb, &words, &mut found);
        found.mentions.sort_by_key(|m| m.span.start);
        found.renumber();
        found
    }

    /// Mentions inside `span`.
    pub fn within(&self, span: Span) -> impl Iterator<Item = &DocMention> {
        let i = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions[i..]
            .iter()
            .take_while(move |m| m.span.end <= span.end)
    }

    /// The mention covering byte offset `at`.
    pub fn at(&self, at: usize) -> Option<&DocMention> {
        let i = self.mentions.partition_point(|m| m.span.end <= at);
        self.mentions.get(i).filter(|m| m.span.start <= at)
    }

    /// The entity of a mention.
    pub fn entity(&self, m: &DocMention) -> &DocEntity {
        &self.list[m.entity]
    }

    /// Adds a mention of an entity, reusing an entity with the same key.
    pub(crate) fn add(&mut self, span: Span, entity: DocEntity, via: Via) -> usize {
        let i = self.find_entity(&entity).unwrap_or_else(|| {
            self.list.push(entity);
            self.list.len() - 1
        });
        self.mentions.push(DocMention {
            span,
            entity: i,
            via,
        });
        i
    }

    fn find_entity(&self, e: &DocEntity) -> Option<usize> {
        self.list.iter().position(|x| match (&x.kb_id, &e.kb_id) {
            (Some(a), Some(b)) => a == b,
            (None, None) => x.kind == e.kind && fold_name(&x.name) == fold_name(&e.name),
            _ => false,
        })
    }

    /// True when `span` overlaps an existing mention.
    pub(crate) fn overlaps(&self, span: Span) -> bool {
        self.mentions.iter().any(|m| m.span.overlaps(span))
    }

    /// Drops entities without mentions and orders entities by first mention.
    fn renumber(&mut self) {
        let mut order: Vec<usize> = Vec::new();
        let mut all: Vec<&DocMention> = self.mentions.iter().chain(&self.nested).collect();
        all.sort_by_key(|m| m.span.start);
        for m in all {
            if !order.contains(&m.entity) {
                order.push(m.entity);
            }
        }
        let mut new_index = vec![usize::MAX; self.list.len()];
        for (n, &old) in order.iter().enumerate() {
            new_index[old] = n;
        }
        self.list = order.iter().map(|&i| self.list[i].clone()).collect();
        for m in self.mentions.iter_mut().chain(self.nested.iter_mut()) {
            m.entity = new_index[m.entity];
        }
    }

    /// The contract's `entities` array.
    pub fn to_records(&self, text: &str, chars: &CharIndex) -> Vec<Entity> {
        self.list
            .iter()
            .enumerate()
            .map(|(i, e)| Entity {
                id: e.kb_id.clone(),
                name: e.name.clone(),
                kind: e.kind.as_str().to_string(),
                mentions: self
                    .mentions
                    .iter()
                    .chain(&self.nested)
                    .filter(|m| m.entity == i)
                    .map(|m| Mention {
                        start: chars.char_offset(m.span.start),
                        end: chars.char_offset(m.span.end),
                        text: m.span.of(text).to_string(),
                    })
                    .collect(),
                country: e.country.clone(),
                admin1: e.place.as_ref().and_then(|p| p.admin1.clone()),
                admin2: e.place.as_ref().and_then(|p| p.admin2.clone()),
                lat: e.place.as_ref().map(|p| p.lat),
                lon: e.place.as_ref().map(|p| p.lon),
            })
            .collect()
    }
}

/// Names compared for identity: folded, hyphens and punctuation as spaces.
pub(crate) fn fold_name(name: &str) -> String {
    sitrep_kb::fold_pattern(name)
        .replace(['.', ',', '\''], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
