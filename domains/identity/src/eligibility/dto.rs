//! Wire types of the eligibility upload: the CSV body and the report.

use poem::http::StatusCode;
use poem::{Request, RequestBody};
use poem_openapi::payload::{ParsePayload, Payload};
use poem_openapi::registry::{MetaSchema, MetaSchemaRef};
use poem_openapi::{Object, impl_apirequest_for_payload};
use tokio::io::AsyncReadExt;

use super::model::{ELIGIBILITY_MAX_BYTES, EligibilityReplaced};

/// What an accepted eligibility upload did.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityEligibilityReport")]
pub struct EligibilityReportDto {
    /// Entries on the new list (it replaced the previous one).
    pub entries: u32,
    /// Memberships ended because the member is no longer on the list
    /// (`eligibility_removed`).
    pub memberships_ended: u32,
}

impl From<EligibilityReplaced> for EligibilityReportDto {
    fn from(r: EligibilityReplaced) -> Self {
        Self {
            entries: u32::try_from(r.entries).unwrap_or(u32::MAX),
            memberships_ended: u32::try_from(r.memberships_ended).unwrap_or(u32::MAX),
        }
    }
}

/// A `text/csv` request body (UTF-8), read up to [`ELIGIBILITY_MAX_BYTES`]: a larger one
/// is `413` without reading the rest, bytes that are not UTF-8 are `400`.
#[derive(Debug, Clone)]
pub struct CsvBody(pub String);

impl Payload for CsvBody {
    const CONTENT_TYPE: &'static str = "text/csv";

    fn check_content_type(content_type: &str) -> bool {
        content_type
            .split(';')
            .next()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("text/csv"))
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(MetaSchema {
            description: Some(
                "CSV (UTF-8): a header row naming `email` and/or `employee_id`, then one \
                 person per row.",
            ),
            ..MetaSchema::new("string")
        }))
    }
}

impl ParsePayload for CsvBody {
    const IS_REQUIRED: bool = true;

    async fn from_request(_request: &Request, body: &mut RequestBody) -> poem::Result<Self> {
        let limit = u64::try_from(ELIGIBILITY_MAX_BYTES).unwrap_or(u64::MAX);
        let mut bytes = Vec::new();
        body.take()?
            .into_async_read()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .await
            .map_err(|e| {
                poem::Error::from_string(format!("reading the body: {e}"), StatusCode::BAD_REQUEST)
            })?;
        if bytes.len() > ELIGIBILITY_MAX_BYTES {
            return Err(poem::Error::from_string(
                format!("An eligibility list is at most {ELIGIBILITY_MAX_BYTES} bytes."),
                StatusCode::PAYLOAD_TOO_LARGE,
            ));
        }
        String::from_utf8(bytes).map(Self).map_err(|_| {
            poem::Error::from_string("The CSV must be UTF-8 text.", StatusCode::BAD_REQUEST)
        })
    }
}

impl_apirequest_for_payload!(CsvBody);
