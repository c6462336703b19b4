//! `/v1/identity/me/export` and `/v1/identity/me/exports/{export_id}`: exports of the
//! caller's data from every module.

use haven_platform::ApiResult;
use haven_platform::auth::BearerAuth;
use haven_platform::http::cache::{NoStore, Private};
use haven_platform::idempotency::IdempotencyKey;
use poem_openapi::param::Path;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::ExportDto;
use super::error::{DownloadExportErrors, ExportStatusErrors, RequestExportErrors};
use super::model::ExportId;
use crate::api::IdentityTag;
use crate::service::IdentityService;

/// Export operations.
pub struct ExportsApi {
    service: IdentityService,
}

impl ExportsApi {
    /// Around the service.
    pub fn new(service: IdentityService) -> Self {
        Self { service }
    }
}

/// Answer of an export request.
#[derive(ApiResponse)]
pub enum ExportAccepted {
    /// The export is being assembled; poll `GET /v1/identity/me/exports/{id}`.
    #[oai(status = 202)]
    Accepted(Json<ExportDto>),
}

/// Answer of an export's status.
#[derive(ApiResponse)]
pub enum ExportFound {
    /// The export.
    #[oai(status = 200)]
    Ok(
        Json<ExportDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer of a download.
#[derive(ApiResponse)]
pub enum ExportDocument {
    /// The export document: `{format, export_id, user_id, generated_at, modules}`, where
    /// `modules` has one section per module, `{"status": "exported", "data": …}` or
    /// `{"status": "nothing_stored"}`. Deleted from the server once sent.
    #[oai(status = 200)]
    Ok(
        Json<serde_json::Value>,
        /// `attachment; filename="haven-export-{id}.json"`.
        #[oai(header = "Content-Disposition")]
        String,
        /// `no-store`: the answer holds personal data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

#[OpenApi(tag = "IdentityTag::Privacy")]
impl ExportsApi {
    /// Export my data
    ///
    /// Starts assembling a JSON document with everything every module keeps about the
    /// caller. Poll its status; when `ready`, download it once within 7 days.
    #[oai(
        path = "/v1/identity/me/export",
        method = "post",
        operation_id = "identityRequestExport"
    )]
    async fn request(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
    ) -> ApiResult<ExportAccepted, RequestExportErrors> {
        let p = auth.0;
        let export = self
            .service
            .request_export(&p.user_id, &p.session_id)
            .await?;
        Ok(ExportAccepted::Accepted(Json(export.into())))
    }

    /// An export's status
    ///
    /// One of the caller's exports; `404` if it is not theirs.
    #[oai(
        path = "/v1/identity/me/exports/:export_id",
        method = "get",
        operation_id = "identityGetExport"
    )]
    async fn status(
        &self,
        auth: BearerAuth,
        /// The export.
        export_id: Path<ExportId>,
    ) -> ApiResult<ExportFound, ExportStatusErrors> {
        let export = self
            .service
            .export_status(&auth.0.user_id, &export_id.0)
            .await?;
        Ok(ExportFound::Ok(Json(export.into()), Private))
    }

    /// Download an export
    ///
    /// The export document, once: it is deleted from the server as it is sent, and a
    /// second download is `410 export_already_downloaded`. `409 export_not_ready` while
    /// it is assembled, `410 export_expired` after its expiry, `404` if it is not the
    /// caller's.
    #[oai(
        path = "/v1/identity/me/exports/:export_id/download",
        method = "get",
        operation_id = "identityDownloadExport"
    )]
    async fn download(
        &self,
        auth: BearerAuth,
        /// The export.
        export_id: Path<ExportId>,
    ) -> ApiResult<ExportDocument, DownloadExportErrors> {
        let p = auth.0;
        let payload = self
            .service
            .download_export(&p.user_id, &p.session_id, &export_id.0)
            .await?;
        let document: serde_json::Value = serde_json::from_str(&payload)
            .map_err(|e| haven_platform::ApiError::internal(&format!("stored export: {e}")))?;
        Ok(ExportDocument::Ok(
            Json(document),
            format!("attachment; filename=\"haven-export-{}.json\"", export_id.0),
            NoStore,
        ))
    }
}
