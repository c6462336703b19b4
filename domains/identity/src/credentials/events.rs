//! `identity.email_verification_requested` and `identity.password_reset_requested`: the
//! payload is the account id only, so no token or address sits in the outbox. Their
//! handler mints the token (storing its hash) and sends the email in one go; a retry
//! after a failed delivery mints a fresh token.

use futures_util::future::BoxFuture;
use haven_platform::ids::UserId;
use haven_platform::outbox::{DomainEvent, Event, EventHandler};
use serde::{Deserialize, Serialize};

use super::model::EmailTokenPurpose;
use crate::service::IdentityService;

/// The member should get an email that verifies their address (on registration, or
/// asked for again).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EmailVerificationRequested {
    /// `usr_…`.
    pub user_id: UserId,
}

impl DomainEvent for EmailVerificationRequested {
    const TYPE: &'static str = "identity.email_verification_requested";
}

/// The member asked for a password-reset email.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PasswordResetRequested {
    /// `usr_…`.
    pub user_id: UserId,
}

impl DomainEvent for PasswordResetRequested {
    const TYPE: &'static str = "identity.password_reset_requested";
}

/// Sends the email each of those events asks for.
#[derive(Debug, Clone)]
pub struct SendAccountEmail {
    service: IdentityService,
}

impl SendAccountEmail {
    /// Around the service that mints tokens and sends mail.
    pub fn new(service: IdentityService) -> Self {
        Self { service }
    }
}

/// Both events' payload.
#[derive(Deserialize)]
struct Payload {
    user_id: UserId,
}

impl EventHandler for SendAccountEmail {
    fn name(&self) -> &'static str {
        "identity.send_account_email"
    }

    fn event_types(&self) -> Vec<&'static str> {
        vec![
            EmailVerificationRequested::TYPE,
            PasswordResetRequested::TYPE,
        ]
    }

    fn handle<'a>(&'a self, event: &'a Event) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let purpose = match event.event_type.as_str() {
                EmailVerificationRequested::TYPE => EmailTokenPurpose::VerifyEmail,
                PasswordResetRequested::TYPE => EmailTokenPurpose::ResetPassword,
                other => anyhow::bail!("unexpected event type {other}"),
            };
            anyhow::ensure!(
                event.version == 1,
                "unsupported version {} of {}",
                event.version,
                event.event_type
            );
            let payload: Payload = serde_json::from_value(event.payload.clone())?;
            self.service
                .send_account_email(payload.user_id, purpose)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))
        })
    }
}
