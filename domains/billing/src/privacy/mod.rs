//! A member's export and erasure (docs/platform.md "Account export and erasure").

pub mod service;
