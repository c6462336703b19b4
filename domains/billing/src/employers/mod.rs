//! Employers (issue 12 point 7): identity's `organization.member_joined/left` events
//! become employer grants under the organization's contract (a product and a number of
//! seats); a join beyond the seats waits on a list the admin sees and is seated when a
//! seat frees up; leaving ends the grant.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
