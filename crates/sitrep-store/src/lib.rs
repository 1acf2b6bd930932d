//! Storage (work in progress).
