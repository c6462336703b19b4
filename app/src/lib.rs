//! The `haven` binary's library half: CLI, composition root and the app's own API, kept
//! in a library so integration tests build exactly the app that ships.

pub mod cli;
pub mod meta;
pub mod modules;
pub mod run;
#[cfg(feature = "test-support")]
pub mod testing;
pub mod wiring;
