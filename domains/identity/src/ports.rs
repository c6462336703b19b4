//! Traits the identity domain needs from other domains.
//!
//! None yet: account erasure (issue 4, point 10) will add the per-module erasure port.
