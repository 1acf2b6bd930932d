//! The claim lexicons: reporting verbs (with the claim kind they signal) and collective
//! sources, compiled once per knowledge base and cached per thread.

use std::cell::RefCell;
use std::rc::Rc;

use sitrep_kb::{KnowledgeBase, Phrases};

/// The compiled lexicons claims read.
pub(super) struct Lexicon {
    /// Reporting verbs and cues, labelled with a claim kind.
    pub verbs: Phrases,
    /// Collective sources ("security sources"), labelled `weak` for documents that speak
    /// only when nobody else is named ("the statement").
    pub collectives: Phrases,
    /// Role nouns that name a person by post ("spokesperson", "defence minister").
    pub roles: Phrases,
    key: Vec<String>,
}

const VERBS: &str = "reporting_verbs";
const COLLECTIVES: &str = "collective_sources";
const ROLES: &str = "speaker_roles";

thread_local! {
    static CACHE: RefCell<Option<Rc<Lexicon>>> = const { RefCell::new(None) };
}

fn key_of(kb: &KnowledgeBase) -> impl Iterator<Item = &String> {
    let get = |name| kb.lexicons.get(name).into_iter().flatten();
    get(VERBS)
        .chain(std::iter::once(&SEP))
        .chain(get(COLLECTIVES))
        .chain(std::iter::once(&SEP))
        .chain(get(ROLES))
}

static SEP: String = String::new();

/// The lexicons of `kb`, compiled on first use in this thread.
pub(super) fn of(kb: &KnowledgeBase) -> Rc<Lexicon> {
    CACHE.with(|cell| {
        if let Some(lex) = cell.borrow().as_ref()
            && lex.key.iter().eq(key_of(kb))
        {
            return lex.clone();
        }
        let lex = Rc::new(Lexicon {
            verbs: Phrases::from_lines(kb.lexicons.get(VERBS).into_iter().flatten()),
            collectives: Phrases::from_lines(kb.lexicons.get(COLLECTIVES).into_iter().flatten()),
            roles: Phrases::from_lines(kb.lexicons.get(ROLES).into_iter().flatten()),
            key: key_of(kb).cloned().collect(),
        });
        *cell.borrow_mut() = Some(lex.clone());
        lex
    })
}
