//! Paid twice: a member seated by their employer who still pays us personally (a
//! subscription that will renew, through Stripe, the App Store or Google Play) is told by
//! email; a Stripe subscription is set to cancel at the period's end through Stripe's API
//! (`billing.employer_cancel_personal_stripe`), a store subscription can only be
//! cancelled by the member, so the email says where. The work runs in a job enqueued with
//! the seat: a Stripe or mail outage is retried with backoff, and a rerun neither cancels
//! twice (Stripe's `Idempotency-Key` is derived from the seat and the subscription) nor
//! emails twice (the seat's `billing_employer_paid_twice` row is written after the email).

use diesel::QueryResult;
use futures_util::future::BoxFuture;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;
use haven_platform::jobs::{self, Job, JobHandler, NewJob};
use haven_platform::mail::Mail;
use haven_platform::time::now_utc;
use serde::{Deserialize, Serialize};

use super::model::MembershipId;
use super::repo::{self, SeatRow};
use crate::service::BillingService;
use crate::stripe::client::StripeError;
use crate::subscriptions::repo::SubscriptionRow;

/// The job's kind.
pub const KIND: &str = "billing.employer_paid_twice";

/// The job's payload: the seat.
#[derive(Debug, Serialize, Deserialize)]
struct PaidTwice {
    membership_id: MembershipId,
    user_id: UserId,
}

/// Enqueues the paid-twice job, in the seat's transaction, when the member has a
/// subscription that will renew.
pub(crate) fn check_later(conn: &mut AnyConnection, seat: &SeatRow) -> QueryResult<()> {
    if repo::renewing_subscriptions(conn, &seat.user_id)?.is_empty()
        || repo::paid_twice_notified(conn, &seat.membership_id)?
    {
        return Ok(());
    }
    let payload = PaidTwice {
        membership_id: seat.membership_id,
        user_id: seat.user_id,
    };
    let job = NewJob::new(KIND, &payload)
        // Two typed ids always serialize.
        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    jobs::enqueue(conn, job)?;
    Ok(())
}

/// Runs [`KIND`].
#[derive(Debug, Clone)]
pub struct PaidTwiceJob {
    service: BillingService,
}

impl PaidTwiceJob {
    /// Around the service.
    pub fn new(service: BillingService) -> Self {
        Self { service }
    }
}

impl JobHandler for PaidTwiceJob {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn run<'a>(&'a self, job: &'a Job) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let p: PaidTwice = serde_json::from_value(job.payload.clone())?;
            self.service.paid_twice(p.membership_id, p.user_id).await
        })
    }
}

/// A Stripe id as Stripe makes them (`sub_…`): safe in a URL path.
fn stripe_id(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn date(t: Option<chrono::NaiveDateTime>) -> String {
    t.map_or_else(
        || "the end of the current period".to_owned(),
        |t| t.format("%Y-%m-%d").to_string(),
    )
}

/// The email's paragraph about one subscription.
fn paragraph(s: &SubscriptionRow, stripe_canceled: bool) -> String {
    match s.provider.as_str() {
        "stripe" if stripe_canceled => format!(
            "- Your Haven subscription paid by card will not renew: it ends on {}, and you \
             will not be charged again.",
            date(s.current_period_end)
        ),
        "stripe" => "- Your Haven subscription paid by card still renews. Cancel it in the \
             app under Account > Billing > Manage subscription."
            .to_owned(),
        "app_store" => "- Your Haven subscription through the App Store still renews: only \
             you can cancel it. On your iPhone or iPad open Settings, tap your name, then \
             Subscriptions > Haven > Cancel Subscription."
            .to_owned(),
        _ => "- Your Haven subscription through Google Play still renews: only you can \
             cancel it. Open the Google Play Store app, tap your profile icon, then Payments \
             & subscriptions > Subscriptions > Haven > Cancel subscription."
            .to_owned(),
    }
}

impl BillingService {
    /// The paid-twice job for one seat. Safe to rerun.
    pub(crate) async fn paid_twice(
        &self,
        membership: MembershipId,
        user: UserId,
    ) -> anyhow::Result<()> {
        let (seated, notified, subscriptions) = self
            .db
            .read_primary(move |conn| {
                let seated =
                    repo::find_seat(conn, &membership)?.is_some_and(|s| s.state == "seated");
                Ok::<_, haven_platform::DbError>((
                    seated,
                    repo::paid_twice_notified(conn, &membership)?,
                    repo::renewing_subscriptions(conn, &user)?,
                ))
            })
            .await?;
        // Left the employer already, told already, or stopped paying meanwhile.
        if !seated || notified || subscriptions.is_empty() {
            return Ok(());
        }
        let cancel = self.settings.employer_cancel_personal_stripe;
        let mut lines = Vec::new();
        for s in &subscriptions {
            let mut canceled = false;
            if cancel && s.provider == "stripe" && stripe_id(&s.provider_ref) {
                let form = vec![("cancel_at_period_end".to_owned(), "true".to_owned())];
                let key = format!("haven-paid-twice-{membership}-{}", s.provider_ref);
                let path = format!("/v1/subscriptions/{}", s.provider_ref);
                match self.stripe.post_form(&path, &form, &key).await {
                    Ok(_) => {
                        canceled = true;
                        tracing::info!(subscription_id = %s.id, "personal Stripe subscription set to cancel at period end: employer-sponsored");
                    }
                    // Retrying cannot help (no key, or Stripe refuses, e.g. the
                    // subscription ended meanwhile): the email tells them to check it.
                    Err(e @ (StripeError::NotConfigured | StripeError::Refused(_))) => {
                        tracing::warn!(subscription_id = %s.id, error = %e, "cannot cancel the personal Stripe subscription");
                    }
                    // An outage: the job is retried with the same idempotency key.
                    Err(e @ StripeError::Unavailable(_)) => return Err(e.into()),
                }
            }
            lines.push(paragraph(s, canceled));
        }
        let Some(to) = self.contacts.email_of(&user).await? else {
            return Ok(());
        };
        let text = format!(
            "Hello,\n\nyour employer now sponsors your Haven membership, and you also pay \
             for Haven yourself:\n\n{}\n\nWhile your employer sponsors you, you keep \
             everything your plan includes.\n\nThe Haven team\n",
            lines.join("\n")
        );
        self.mail
            .send(Mail {
                to,
                subject: "Your employer now sponsors Haven: you no longer need to pay".to_owned(),
                text,
                link: None,
            })
            .await?;
        self.write(move |conn| {
            Ok::<_, haven_platform::DbError>(repo::record_paid_twice(
                conn,
                &membership,
                &user,
                now_utc(),
            )?)
        })
        .await?;
        metrics::counter!("haven_billing_paid_twice_total").increment(1);
        Ok(())
    }
}
