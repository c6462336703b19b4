//! Errors of the subscription resource.

use haven_platform::{Invalid, error_set};

error_set!(
    /// `GET /v1/billing/me/subscriptions`: 400 (bad cursor), 401, 403, 422 (`limit`).
    pub MySubscriptionsErrors: Invalid
);

/// Reading one's subscriptions fails only in the common ways.
pub type MySubscriptionsError = haven_platform::Fault;
