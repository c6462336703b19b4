//! Export: the member's subscriptions, Stripe customer link, store account token, grants
//! (revoked ones too), consumed sessions, the ledger's history, employer sponsorships and
//! waitlist places. Erasure: the ledger (grants, consumptions, history), the Stripe
//! customer link, the store account token, the member's waitlist places and paid-twice
//! records are deleted; subscription rows are kept, cut
//! from the person (they hold only the pseudonymous user id, product, price, status and
//! dates), because they back the provider's invoices that tax law requires keeping. The
//! member's ledger version row stays, a bare counter, so no node's cache can mistake a
//! later ledger for the erased one.

use haven_platform::DbError;
use haven_platform::http::timestamp::format_utc;
use haven_platform::ids::UserId;
use serde_json::{Value, json};

use crate::ledger::repo as ledger;
use crate::service::BillingService;
use crate::subscriptions::repo as subs;

fn time(t: chrono::NaiveDateTime) -> String {
    format_utc(&t.and_utc())
}

impl BillingService {
    /// Everything billing keeps about the member, as JSON.
    pub async fn export_member(&self, user_id: &UserId) -> Result<Value, DbError> {
        let user = *user_id;
        self.db
            .read_primary(move |conn| {
                let grants: Vec<Value> = ledger::all_grants(conn, &user)?
                    .into_iter()
                    .map(|g| {
                        json!({
                            "id": g.id, "feature": g.feature, "source": g.source,
                            "source_ref": g.source_ref, "valid_from": time(g.valid_from),
                            "valid_until": g.valid_until.map(time), "quota": g.quota,
                            "revoked_at": g.revoked_at.map(time), "revoke_reason": g.revoke_reason,
                        })
                    })
                    .collect();
                let consumptions: Vec<Value> = ledger::all_consumptions(conn, &user)?
                    .into_iter()
                    .map(|c| {
                        json!({
                            "id": c.id, "feature": c.feature, "reference": c.reference,
                            "benefit_year": c.benefit_year, "consumed_at": time(c.consumed_at),
                            "released_at": c.released_at.map(time),
                        })
                    })
                    .collect();
                let history: Vec<Value> = ledger::entries(conn, &user, None, i64::MAX)?
                    .into_iter()
                    .map(|e| {
                        json!({
                            "id": e.id, "feature": e.feature, "action": e.action,
                            "grant_id": e.grant_id, "source": e.source, "source_ref": e.source_ref,
                            "reference": e.reference, "reason": e.reason, "at": time(e.at),
                        })
                    })
                    .collect();
                let subscriptions: Vec<Value> = subs::all_of_user(conn, &user)?
                    .into_iter()
                    .map(|s| {
                        json!({
                            "id": s.id, "provider": s.provider, "provider_ref": s.provider_ref,
                            "product_id": s.product_id, "price_id": s.price_id, "status": s.status,
                            "started_at": time(s.started_at),
                            "current_period_end": s.current_period_end.map(time),
                            "cancel_at_period_end": s.cancel_at_period_end,
                        })
                    })
                    .collect();
                let redemptions: Vec<Value> = crate::promo::repo::redemptions_of(conn, &user)?
                    .into_iter()
                    .map(|(r, code)| {
                        json!({"id": r.id, "code": code, "redeemed_at": time(r.redeemed_at),
                               "applied_at": r.applied_at.map(time)})
                    })
                    .collect();
                let sponsorships: Vec<Value> = crate::employers::repo::seats_of(conn, &user)?
                    .into_iter()
                    .map(|s| {
                        json!({"membership_id": s.membership_id, "organization_id": s.organization_id,
                               "state": s.state, "joined_at": time(s.joined_at),
                               "ended_at": s.ended_at.map(time)})
                    })
                    .collect();
                let waitlists: Vec<Value> = crate::employers::repo::waitlist_of(conn, &user)?
                    .into_iter()
                    .map(|w| {
                        json!({"organization_id": w.organization_id, "membership_id": w.membership_id,
                               "requested_at": time(w.requested_at)})
                    })
                    .collect();
                Ok(json!({
                    "employer_sponsorships": sponsorships,
                    "employer_waitlists": waitlists,
                    "promo_redemptions": redemptions,
                    "stripe_customer_id": subs::customer_of(conn, &user)?,
                    "store_account_token": crate::stores::repo::token_of(conn, &user)?,
                    "subscriptions": subscriptions,
                    "grants": grants,
                    "consumptions": consumptions,
                    "ledger_history": history,
                }))
            })
            .await
    }

    /// Deletes what billing keeps about the member; employer seats stay, cut from the
    /// person (the employer is billed per seat). Idempotent.
    pub async fn erase_member(&self, user_id: &UserId) -> Result<usize, DbError> {
        let user = *user_id;
        let n = self
            .write(move |conn| {
                let n = ledger::delete_member(conn, &user)?
                    + subs::delete_customer(conn, &user)?
                    + crate::employers::repo::delete_waitlist_of(conn, &user)?
                    + crate::employers::repo::pseudonymize_seats_of(conn, &user)?
                    + crate::stores::repo::delete_token(conn, &user)?;
                crate::ledger::service::bump_version(conn, &user)?;
                Ok::<_, DbError>(n)
            })
            .await?;
        self.cache.forget(user_id);
        Ok(n)
    }
}
