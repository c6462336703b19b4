//! The PHI audit log (issue 15 point 5): one append-only row for every read, write and
//! refused access of health data, written in the transaction of the access it records
//! (a read whose row cannot be written fails), and the admins' audited query of it.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
