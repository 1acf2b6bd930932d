//! The claim lexicons: reporting verbs (with the claim kind they signal) and collective
//! sources, compiled once per knowledge base and kept with it.

use std::sync::Arc;

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
}

const VERBS: &str = "reporting_verbs";
const COLLECTIVES: &str = "collective_sources";
const ROLES: &str = "speaker_roles";

/// The lexicons of `kb`, compiled on first use and kept with it.
pub(super) fn of(kb: &KnowledgeBase) -> Arc<Lexicon> {
    kb.compiled(|kb| {
        let phrases = |name: &str| Phrases::from_lines(kb.lexicons.get(name).into_iter().flatten());
        Lexicon {
            verbs: phrases(VERBS),
            collectives: phrases(COLLECTIVES),
            roles: phrases(ROLES),
        }
    })
}
