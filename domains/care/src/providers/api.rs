//! `/v1/care/admin/providers` (admins) and `/v1/care/providers` (the member directory).

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{ProviderAdminDto, ProviderDto, ProviderInput as InputDto};
use super::error::{
    AdminListProvidersErrors, AdminProviderErrors, GetProviderErrors, ListProvidersErrors,
    WriteProviderErrors,
};
use super::model::{License, ProviderId};
use super::service::{ProviderInput, today};
use crate::CareTag;
use crate::service::CareService;

/// Answer with a provider profile (admin view).
#[derive(ApiResponse)]
pub enum AdminProviderAnswer {
    /// The profile.
    #[oai(status = 200)]
    Ok(
        Json<ProviderAdminDto>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
    /// The profile was created.
    #[oai(status = 201)]
    Created(
        Json<ProviderAdminDto>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a page of provider profiles (admin view).
#[derive(ApiResponse)]
pub enum AdminProviderPage {
    /// One page, in id order.
    #[oai(status = 200)]
    Ok(
        Json<Page<ProviderAdminDto>>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a provider (directory view).
#[derive(ApiResponse)]
pub enum ProviderAnswer {
    /// The provider.
    #[oai(status = 200)]
    Ok(
        Json<ProviderDto>,
        /// `private`: for signed-in members.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a page of providers (directory view).
#[derive(ApiResponse)]
pub enum ProviderPage {
    /// One page, in id order.
    #[oai(status = 200)]
    Ok(
        Json<Page<ProviderDto>>,
        /// `private`: for signed-in members.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

fn input(b: InputDto) -> ProviderInput {
    ProviderInput {
        user_id: b.user_id,
        provider_type: b.provider_type.into(),
        display_name: b.display_name.into(),
        bio: b.bio.into(),
        time_zone: b.time_zone.into(),
        accepting_new: b.accepting_new,
        specialties: b
            .specialties
            .into_inner()
            .into_iter()
            .map(Into::into)
            .collect(),
        languages: b.languages.into_strings(),
        licenses: b
            .licenses
            .into_inner()
            .into_iter()
            .map(|l| License {
                jurisdiction: l.jurisdiction.into(),
                number: l.number.into(),
                authority: l.authority.into(),
                expires_on: l.expires_on,
            })
            .collect(),
    }
}

/// Provider profiles for admins.
pub struct ProviderAdminApi {
    service: CareService,
    guard: Guard,
}

impl ProviderAdminApi {
    /// Around the service.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::ProviderAdmin")]
impl ProviderAdminApi {
    /// Create a provider profile
    ///
    /// Admins only (role `admin`, signed in with a second factor). Links an account
    /// holding role `coach` (coaches) or `clinician` (therapists, psychiatrists) to its
    /// profile: licenses, specialties, languages, zone, bio. An account without the role
    /// is `422` (`user_id`: `role_missing`); one with a profile already `409
    /// provider_exists`.
    #[oai(
        path = "/v1/care/admin/providers",
        method = "post",
        operation_id = "careCreateProvider"
    )]
    async fn create(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<InputDto>,
    ) -> ApiResult<AdminProviderAnswer, WriteProviderErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let p = self.service.create_provider(input(body.0)).await?;
        Ok(AdminProviderAnswer::Created(Json(p.into()), Private))
    }

    /// Replace a provider profile
    ///
    /// Admins only. Every field is replaced (the account cannot change; the provider's
    /// schedule is kept).
    #[oai(
        path = "/v1/care/admin/providers/:provider_id",
        method = "put",
        operation_id = "careUpdateProvider"
    )]
    async fn update(
        &self,
        auth: BearerAuth,
        /// The provider.
        provider_id: Path<ProviderId>,
        body: Json<InputDto>,
    ) -> ApiResult<AdminProviderAnswer, WriteProviderErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let p = self
            .service
            .update_provider(provider_id.0, input(body.0))
            .await?;
        Ok(AdminProviderAnswer::Ok(Json(p.into()), Private))
    }

    /// Read a provider profile
    ///
    /// Admins only; license numbers included.
    #[oai(
        path = "/v1/care/admin/providers/:provider_id",
        method = "get",
        operation_id = "careGetProviderAdmin"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The provider.
        provider_id: Path<ProviderId>,
    ) -> ApiResult<AdminProviderAnswer, AdminProviderErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let p = self.service.provider(provider_id.0).await?;
        Ok(AdminProviderAnswer::Ok(Json(p.into()), Private))
    }

    /// List provider profiles
    ///
    /// Admins only; license numbers included; in id order.
    #[oai(
        path = "/v1/care/admin/providers",
        method = "get",
        operation_id = "careListProvidersAdmin"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<AdminProviderPage, AdminListProvidersErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let params =
            PageParams::<ProviderId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .list_providers(params.after, params.fetch_limit())
            .await?;
        let items = rows
            .into_iter()
            .map(|p| (p.id, ProviderAdminDto::from(p)))
            .collect();
        let page = Page::from_rows(items, params.limit, |(id, _)| id.to_string(), |(_, d)| d);
        Ok(AdminProviderPage::Ok(Json(page), Private))
    }
}

/// The member directory.
pub struct ProvidersApi {
    service: CareService,
}

impl ProvidersApi {
    /// Around the service.
    pub fn new(service: CareService) -> Self {
        Self { service }
    }
}

#[OpenApi(tag = "CareTag::Providers")]
impl ProvidersApi {
    /// List providers
    ///
    /// Every provider, in id order, as members see them: no license numbers, only the
    /// jurisdictions with a license valid today. To find providers for you, use
    /// `GET /v1/care/me/matches`.
    #[oai(
        path = "/v1/care/providers",
        method = "get",
        operation_id = "careListProviders"
    )]
    async fn list(
        &self,
        _auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<ProviderPage, ListProvidersErrors> {
        let params =
            PageParams::<ProviderId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .list_providers(params.after, params.fetch_limit())
            .await?;
        let today = today();
        let items = rows
            .into_iter()
            .map(|p| (p.id, ProviderDto::of(p, today)))
            .collect();
        let page = Page::from_rows(items, params.limit, |(id, _)| id.to_string(), |(_, d)| d);
        Ok(ProviderPage::Ok(Json(page), Private))
    }

    /// Read a provider
    ///
    /// As members see them: no license numbers.
    #[oai(
        path = "/v1/care/providers/:provider_id",
        method = "get",
        operation_id = "careGetProvider"
    )]
    async fn get(
        &self,
        _auth: BearerAuth,
        /// The provider.
        provider_id: Path<ProviderId>,
    ) -> ApiResult<ProviderAnswer, GetProviderErrors> {
        let p = self.service.provider(provider_id.0).await?;
        Ok(ProviderAnswer::Ok(
            Json(ProviderDto::of(p, today())),
            Private,
        ))
    }
}
