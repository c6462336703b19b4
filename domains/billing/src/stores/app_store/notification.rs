//! App Store notifications as billing reads them (only the fields it needs; Apple adds
//! fields freely). Times are Unix milliseconds.

use chrono::{DateTime, NaiveDateTime};
use serde_json::Value;

use crate::subscriptions::model::Status;

/// The notification types billing applies; others are answered `200` and not stored.
pub const HANDLED: &[&str] = &[
    "SUBSCRIBED",
    "DID_RENEW",
    "DID_FAIL_TO_RENEW",
    "EXPIRED",
    "REFUND",
    "REVOKE",
    "DID_CHANGE_RENEWAL_STATUS",
];

/// A malformed notification: the field that is missing or wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("malformed notification: {0}")]
pub struct Malformed(pub &'static str);

/// The decoded `signedPayload`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// `notificationUUID`: the inbox key.
    pub uuid: String,
    /// `notificationType`.
    pub notification_type: String,
    /// `subtype`.
    pub subtype: Option<String>,
    /// `signedDate`.
    pub signed_date_ms: i64,
    /// `data.bundleId`.
    pub bundle_id: String,
    /// `data.environment`: `Production` or `Sandbox`.
    pub environment: String,
    /// `data.signedTransactionInfo`.
    pub signed_transaction: Option<String>,
    /// `data.signedRenewalInfo`.
    pub signed_renewal: Option<String>,
}

fn text(v: &Value) -> Option<String> {
    v.as_str().filter(|s| !s.is_empty()).map(str::to_owned)
}

/// A time in Unix milliseconds.
pub fn time_ms(v: &Value) -> Option<NaiveDateTime> {
    v.as_i64()
        .and_then(DateTime::from_timestamp_millis)
        .map(|t| t.naive_utc())
}

/// Reads the decoded `signedPayload`.
pub fn parse(p: &Value) -> Result<Notification, Malformed> {
    let data = &p["data"];
    Ok(Notification {
        uuid: text(&p["notificationUUID"]).ok_or(Malformed("notificationUUID"))?,
        notification_type: text(&p["notificationType"]).ok_or(Malformed("notificationType"))?,
        subtype: text(&p["subtype"]),
        signed_date_ms: p["signedDate"].as_i64().ok_or(Malformed("signedDate"))?,
        bundle_id: text(&data["bundleId"]).ok_or(Malformed("data.bundleId"))?,
        environment: text(&data["environment"]).ok_or(Malformed("data.environment"))?,
        signed_transaction: text(&data["signedTransactionInfo"]),
        signed_renewal: text(&data["signedRenewalInfo"]),
    })
}

/// The state a handled notification reports, from its type and subtype, the decoded
/// transaction and (when sent) renewal info.
pub fn status_of(n: &Notification, tx: &Value, renewal: Option<&Value>) -> Status {
    let auto_renew_off = renewal.is_some_and(|r| r["autoRenewStatus"].as_i64() == Some(0));
    let paid = if auto_renew_off {
        Status::Canceled
    } else {
        Status::Active
    };
    match (n.notification_type.as_str(), n.subtype.as_deref()) {
        ("SUBSCRIBED", _)
            if tx["offerDiscountType"].as_str() == Some("FREE_TRIAL") && !auto_renew_off =>
        {
            Status::Trialing
        }
        ("DID_CHANGE_RENEWAL_STATUS", Some("AUTO_RENEW_DISABLED")) => Status::Canceled,
        ("DID_CHANGE_RENEWAL_STATUS", Some("AUTO_RENEW_ENABLED")) => Status::Active,
        ("DID_FAIL_TO_RENEW", _) => Status::PastDue,
        ("EXPIRED", _) => Status::Expired,
        ("REFUND", _) => Status::Refunded,
        ("REVOKE", _) => Status::Revoked,
        _ => paid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn n(t: &str, sub: Option<&str>) -> Notification {
        Notification {
            uuid: "u".into(),
            notification_type: t.into(),
            subtype: sub.map(Into::into),
            signed_date_ms: 1,
            bundle_id: "b".into(),
            environment: "Sandbox".into(),
            signed_transaction: None,
            signed_renewal: None,
        }
    }

    #[test]
    fn types_map_to_the_state_machine() {
        let tx = json!({});
        let on = json!({"autoRenewStatus": 1});
        let off = json!({"autoRenewStatus": 0});
        let trial = json!({"offerDiscountType": "FREE_TRIAL"});
        let cases = [
            (
                n("SUBSCRIBED", Some("INITIAL_BUY")),
                &tx,
                Some(&on),
                Status::Active,
            ),
            (n("SUBSCRIBED", None), &trial, Some(&on), Status::Trialing),
            (n("DID_RENEW", None), &tx, Some(&off), Status::Canceled),
            (n("DID_RENEW", None), &tx, None, Status::Active),
            (
                n("DID_FAIL_TO_RENEW", Some("GRACE_PERIOD")),
                &tx,
                None,
                Status::PastDue,
            ),
            (n("EXPIRED", Some("VOLUNTARY")), &tx, None, Status::Expired),
            (n("REFUND", None), &tx, None, Status::Refunded),
            (n("REVOKE", None), &tx, None, Status::Revoked),
            (
                n("DID_CHANGE_RENEWAL_STATUS", Some("AUTO_RENEW_DISABLED")),
                &tx,
                Some(&on),
                Status::Canceled,
            ),
            (
                n("DID_CHANGE_RENEWAL_STATUS", Some("AUTO_RENEW_ENABLED")),
                &tx,
                Some(&off),
                Status::Active,
            ),
        ];
        for (note, tx, renewal, want) in cases {
            assert_eq!(status_of(&note, tx, renewal), want, "{note:?}");
        }
    }

    #[test]
    fn a_payload_without_its_keys_is_malformed() {
        assert_eq!(parse(&json!({})), Err(Malformed("notificationUUID")));
        let p = json!({"notificationUUID": "x", "notificationType": "DID_RENEW",
                       "signedDate": 5, "data": {"bundleId": "b"}});
        assert_eq!(parse(&p), Err(Malformed("data.environment")));
    }
}
