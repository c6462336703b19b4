//! What content keeps about a person, for the export and erasure hooks.

pub mod service;
