//! App Store Server Notifications V2 (issue 12 point 5): `signedPayload` verified up to a
//! configured root, its transaction and renewal info (signed too) mapped to the
//! subscription state machine.

pub mod jws;
pub mod notification;
pub mod service;
pub mod webhook;
