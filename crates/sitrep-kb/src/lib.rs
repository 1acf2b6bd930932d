//! The knowledge base: reviewed data files in, compiled matchers out.
//!
//! Takes the repository's `kb/` files (embedded in the binary at build time) and any files a
//! user adds at run time; gives a [`KnowledgeBase`] that extraction reads.
#![deny(missing_docs)]

/// The loaded knowledge base.
#[derive(Debug, Default)]
pub struct KnowledgeBase {}

impl KnowledgeBase {
    /// A knowledge base with nothing in it.
    pub fn empty() -> Self {
        KnowledgeBase {}
    }
}
