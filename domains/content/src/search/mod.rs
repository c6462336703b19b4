//! Full-text search of the published catalog: an in-RAM tantivy index built with each
//! snapshot, answered like browse (public, cacheable, filtered, in one locale).

pub mod api;
pub mod index;
