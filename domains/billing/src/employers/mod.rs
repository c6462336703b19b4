//! Employers (issue 12 point 7): identity asks for a seat inside each join (its seat
//! port, answered by [`service::BillingService::admit_member`]); a join beyond the seats
//! of the organization's contract (or the configured default) is refused and the member
//! waitlisted for the admin to see. Identity's `organization.member_joined/left` events
//! confirm seats and end them; leaving ends the grant and seats the first member waiting.
//! A member seated while paying us personally is told (and their Stripe subscription set
//! to end) by the paid-twice job.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod paid_twice;
pub mod repo;
pub mod service;
