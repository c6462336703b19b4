//! The public keys that verify access tokens (JWKS).

pub mod api;
pub mod dto;
