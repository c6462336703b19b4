//! `/v1/content/admin/narrators/…`: narrators, for editors (role `admin` with a second
//! factor). Members read narrators from the catalog (`catalog::api`).

use haven_platform::ApiResult;
use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::idempotency::IdempotencyKey;
use poem_openapi::param::{Header, Path};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{AdminNarratorDto, NarratorBody};
use super::error::{CreateNarratorErrors, GetNarratorErrors, NarratorError, ReplaceNarratorErrors};
use super::model::{Narrator, NarratorId};
use crate::api::ContentTag;
use crate::preconditions::{expected_revision, revision_etag};
use crate::service::ContentService;

/// Narrator operations of editors.
pub struct NarratorsApi {
    service: ContentService,
    guard: Guard,
}

impl NarratorsApi {
    /// Around the service.
    pub fn new(service: ContentService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

/// Answer of a creation.
#[derive(ApiResponse)]
pub enum NarratorCreated {
    /// The narrator was created.
    #[oai(status = 201)]
    Created(
        Json<AdminNarratorDto>,
        /// `"r{revision}"`: send it as `If-Match` with the next change.
        #[oai(header = "ETag")]
        String,
        /// `private`: editors only.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with one narrator.
#[derive(ApiResponse)]
pub enum NarratorOne {
    /// The narrator.
    #[oai(status = 200)]
    Ok(
        Json<AdminNarratorDto>,
        /// `"r{revision}"`: send it as `If-Match` with the next change.
        #[oai(header = "ETag")]
        String,
        /// `private`: editors only.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

impl NarratorOne {
    fn of(n: Narrator) -> Self {
        let etag = revision_etag(n.revision);
        Self::Ok(Json(n.into()), etag, Private)
    }
}

#[OpenApi(tag = "ContentTag::Publishing")]
impl NarratorsApi {
    /// Create a narrator
    ///
    /// Editors only (role `admin`, signed in with a second factor). Visible to members
    /// at once (on every node within 2 s).
    #[oai(
        path = "/v1/content/admin/narrators",
        method = "post",
        operation_id = "contentCreateNarrator"
    )]
    async fn create(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<NarratorBody>,
    ) -> ApiResult<NarratorCreated, CreateNarratorErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let n = self.service.create_narrator(body.0.into()).await?;
        let etag = revision_etag(n.revision);
        Ok(NarratorCreated::Created(Json(n.into()), etag, Private))
    }

    /// Read a narrator
    ///
    /// Editors only: every locale, and the `ETag` to send as `If-Match`.
    #[oai(
        path = "/v1/content/admin/narrators/:narrator_id",
        method = "get",
        operation_id = "contentGetNarrator"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The narrator.
        narrator_id: Path<NarratorId>,
    ) -> ApiResult<NarratorOne, GetNarratorErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        Ok(NarratorOne::of(
            self.service.narrator(&narrator_id.0).await?,
        ))
    }

    /// Replace a narrator
    ///
    /// Editors only. Needs `If-Match` with the current `ETag` (`428` without, `412`
    /// when stale). Visible to members at once.
    #[oai(
        path = "/v1/content/admin/narrators/:narrator_id",
        method = "put",
        operation_id = "contentReplaceNarrator"
    )]
    async fn replace(
        &self,
        auth: BearerAuth,
        /// The narrator.
        narrator_id: Path<NarratorId>,
        /// The `ETag` of the version this change is based on.
        #[oai(name = "If-Match")]
        if_match: Header<Option<String>>,
        body: Json<NarratorBody>,
    ) -> ApiResult<NarratorOne, ReplaceNarratorErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let expected =
            expected_revision(if_match.0.as_deref()).map_err(NarratorError::Precondition)?;
        let n = self
            .service
            .replace_narrator(&narrator_id.0, expected, body.0.into())
            .await?;
        Ok(NarratorOne::of(n))
    }
}
