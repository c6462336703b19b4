//! Narrators (teachers): editors create and edit them; members read them from the catalog
//! snapshot.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
