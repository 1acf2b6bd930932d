//! The HTML pages, one module each, sharing the frame and small views of [`layout`]. Each
//! handler reads the store on the blocking pool and renders with maud (escaped by default).

pub mod actors;
pub mod claims;
pub mod documents;
pub mod incidents;
pub mod indicators;
pub mod layout;
pub mod overview;
pub mod search;
