//! Account administration (admins): list and read accounts, change roles, disable and re-enable.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
