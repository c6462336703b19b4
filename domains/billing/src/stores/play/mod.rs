//! Google Play real-time developer notifications (issue 12 point 6): Pub/Sub pushes
//! authenticated by their OIDC token; each only says that a subscription changed, so its
//! state is fetched from the Play Developer API and applied to the state machine.

pub mod client;
pub mod oidc;
pub mod service;
pub mod webhook;
