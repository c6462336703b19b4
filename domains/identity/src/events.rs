//! Events the identity domain publishes and handles through the outbox.
//!
//! None yet: `user.erased` and `organization.member_joined/left` come with later slices
//! of issue 4.
