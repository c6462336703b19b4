//! Outgoing email (`email.*` settings): plain-text messages sent over SMTP with lettre
//! (tokio, rustls), or, with no `email.smtp_url` (development), written to the log with
//! their link. In the JSON log format (production) the link's token and the recipient's
//! local part are redacted, so a log line never carries a usable secret or an address.
//!
//! A failed delivery is an error: call [`Mailer::send`] from a job or an outbox handler,
//! whose retry (with backoff) is the delivery retry.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{EmailSettings, LogFormat, Settings};

#[cfg(test)]
mod tests;

/// Why a message was not sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The recipient is not a valid address.
    #[error("invalid recipient address")]
    InvalidRecipient,
    /// The message could not be assembled.
    #[error("cannot build the message: {0}")]
    Build(String),
    /// The SMTP server refused the message or could not be reached.
    #[error("SMTP delivery failed: {0}")]
    Smtp(String),
}

/// A link that carries a secret token: the full URL goes into the message, only the
/// redacted form may reach a production log. `Debug` never shows the token.
#[derive(Clone)]
pub struct MailLink {
    url: String,
    redacted: String,
}

impl std::fmt::Debug for MailLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("MailLink").field(&self.redacted).finish()
    }
}

impl MailLink {
    /// The URL with its token, for the message body only.
    pub fn expose(&self) -> &str {
        &self.url
    }

    /// The URL with the token replaced by `***`.
    pub fn redacted(&self) -> &str {
        &self.redacted
    }
}

/// One plain-text message.
#[derive(Debug, Clone)]
pub struct Mail {
    /// Recipient address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body (may contain the link's full URL).
    pub text: String,
    /// The message's call-to-action link, logged when SMTP is not configured.
    pub link: Option<MailLink>,
}

/// A file attached to a message (e.g. an iCalendar invitation).
#[derive(Debug, Clone)]
pub struct Attachment {
    /// File name shown to the recipient.
    pub filename: String,
    /// MIME type, e.g. `text/calendar; charset=utf-8; method=PUBLISH`.
    pub content_type: String,
    /// The file's bytes.
    pub body: Vec<u8>,
}

/// Sends [`Mail`]. Cheap to clone; one per process, in the platform context.
#[derive(Clone)]
pub struct Mailer {
    inner: Arc<Inner>,
}

struct Inner {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
    link_base_url: String,
    redact_logs: bool,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("smtp", &self.inner.transport.is_some())
            .field("from", &self.inner.from.to_string())
            .finish_non_exhaustive()
    }
}

/// Checks the `email.*` keys; the message names the key and never echoes the password.
pub fn validate_settings(email: &EmailSettings) -> Result<(), String> {
    if let Some(url) = &email.smtp_url {
        transport(url.expose(), email.timeout_ms)?;
    }
    email
        .from
        .parse::<Mailbox>()
        .map_err(|_| "email.from: expected an address such as `Haven <no-reply@example.com>`")?;
    let base = &email.link_base_url;
    if !(base.starts_with("http://") || base.starts_with("https://")) || base.contains('?') {
        return Err(
            "email.link_base_url: expected an http:// or https:// URL without a query".to_owned(),
        );
    }
    if email.timeout_ms == 0 {
        return Err("email.timeout_ms: expected a positive number of milliseconds".to_owned());
    }
    Ok(())
}

fn transport(url: &str, timeout_ms: u64) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
    if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
        return Err("email.smtp_url: expected an smtp:// or smtps:// URL".to_owned());
    }
    // lettre's error text may quote the URL; say what is accepted instead.
    let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|_| {
        "email.smtp_url: expected smtp://[user:pass@]host[:port][?tls=required|opportunistic] \
         or smtps://[user:pass@]host[:port]"
            .to_owned()
    })?;
    Ok(builder
        .timeout(Some(Duration::from_millis(timeout_ms)))
        .build())
}

impl Mailer {
    /// From validated settings; the log format decides whether logged links are redacted.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let email = &settings.email;
        validate_settings(email).map_err(anyhow::Error::msg)?;
        let transport = match &email.smtp_url {
            Some(url) => {
                Some(transport(url.expose(), email.timeout_ms).map_err(anyhow::Error::msg)?)
            }
            None => None,
        };
        let from = email
            .from
            .parse::<Mailbox>()
            .map_err(|e| anyhow::anyhow!("email.from: {e}"))?;
        Ok(Self {
            inner: Arc::new(Inner {
                transport,
                from,
                link_base_url: email.link_base_url.trim_end_matches('/').to_owned(),
                redact_logs: settings.telemetry.format == LogFormat::Json,
            }),
        })
    }

    /// Whether messages go to an SMTP server (else they are only logged).
    pub fn is_smtp(&self) -> bool {
        self.inner.transport.is_some()
    }

    /// `{email.link_base_url}{path}?token={token}`; `path` starts with `/`, `token` is
    /// URL-safe (e.g. base64url).
    pub fn link(&self, path: &str, token: &str) -> MailLink {
        let base = format!("{}{path}?token=", self.inner.link_base_url);
        MailLink {
            url: format!("{base}{token}"),
            redacted: format!("{base}***"),
        }
    }

    /// Sends `mail`, or logs it when no SMTP server is configured. An error means it was
    /// not accepted by the server: retry later.
    #[tracing::instrument(skip_all, fields(subject = %mail.subject))]
    pub async fn send(&self, mail: Mail) -> Result<(), MailError> {
        self.deliver(mail, None).await
    }

    /// Sends `mail` with `attachment` (`multipart/mixed`), or logs it (without the
    /// attachment) when no SMTP server is configured.
    #[tracing::instrument(skip_all, fields(subject = %mail.subject))]
    pub async fn send_with_attachment(
        &self,
        mail: Mail,
        attachment: Attachment,
    ) -> Result<(), MailError> {
        self.deliver(mail, Some(attachment)).await
    }

    async fn deliver(&self, mail: Mail, attachment: Option<Attachment>) -> Result<(), MailError> {
        use lettre::message::{MultiPart, SinglePart};

        let to: Mailbox = mail.to.parse().map_err(|_| MailError::InvalidRecipient)?;
        let Some(transport) = &self.inner.transport else {
            self.log(&mail);
            return Ok(());
        };
        let builder = Message::builder()
            .from(self.inner.from.clone())
            .to(to)
            .subject(mail.subject);
        let message = match attachment {
            None => builder.header(ContentType::TEXT_PLAIN).body(mail.text),
            Some(a) => {
                let content_type = ContentType::parse(&a.content_type)
                    .map_err(|e| MailError::Build(e.to_string()))?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(SinglePart::plain(mail.text))
                        .singlepart(
                            lettre::message::Attachment::new(a.filename).body(a.body, content_type),
                        ),
                )
            }
        }
        .map_err(|e| MailError::Build(e.to_string()))?;
        transport
            .send(message)
            .await
            .map_err(|e| MailError::Smtp(e.to_string()))?;
        metrics::counter!("haven_mail_sent_total").increment(1);
        tracing::info!("email sent");
        Ok(())
    }

    /// The development path: the message and its link in the log.
    fn log(&self, mail: &Mail) {
        let (to, link) = if self.inner.redact_logs {
            (
                redact_address(&mail.to),
                mail.link.as_ref().map(|l| l.redacted().to_owned()),
            )
        } else {
            (
                mail.to.clone(),
                mail.link.as_ref().map(|l| l.expose().to_owned()),
            )
        };
        metrics::counter!("haven_mail_logged_total").increment(1);
        tracing::info!(
            to = %to,
            link = link.as_deref().unwrap_or("-"),
            "email not sent (no email.smtp_url configured); logged instead"
        );
    }
}

/// `ana@example.com` → `***@example.com`.
fn redact_address(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((_, domain)) => format!("***@{domain}"),
        None => "***".to_owned(),
    }
}
