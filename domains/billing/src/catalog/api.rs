//! `/v1/billing/admin/products…` and `/v1/billing/admin/prices…` (admins: role `admin`
//! and a second factor) and `/v1/billing/plans` (members).

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{
    CreatePriceRequest, CreateProductRequest, PriceDto, ProductDto, ProductFeaturesDto,
    UpdatePriceRequest, UpdateProductRequest,
};
use super::error::{
    CreatePriceErrors, CreateProductErrors, GetProductErrors, ListPlansErrors, ListProductsErrors,
    UpdatePriceErrors, UpdateProductErrors,
};
use super::model::{PriceId, ProductId};
use super::service::{NewPrice, NewProduct, ProductPatch};
use crate::BillingTag;
use crate::service::BillingService;

/// Catalog operations.
pub struct CatalogApi {
    service: BillingService,
    guard: Guard,
}

impl CatalogApi {
    /// Around the service.
    pub fn new(service: BillingService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

/// Answer with one product.
#[derive(ApiResponse)]
pub enum ProductAnswer {
    /// The product was created.
    #[oai(status = 201)]
    Created(
        Json<ProductDto>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
    /// The product.
    #[oai(status = 200)]
    Ok(
        Json<ProductDto>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a page of products.
#[derive(ApiResponse)]
pub enum ProductList {
    /// One page, oldest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<ProductDto>>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with one price.
#[derive(ApiResponse)]
pub enum PriceAnswer {
    /// The price was created.
    #[oai(status = 201)]
    Created(
        Json<PriceDto>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
    /// The price.
    #[oai(status = 200)]
    Ok(
        Json<PriceDto>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

#[OpenApi(tag = "BillingTag::Catalog")]
impl CatalogApi {
    /// Create a product
    ///
    /// Admins only (role `admin`, signed in with a second factor). A product is a plan
    /// granting features; counted features (`care_therapy`, `care_psychiatry`) carry a
    /// yearly number of sessions. A code another product has is `409 product_code_taken`.
    #[oai(
        path = "/v1/billing/admin/products",
        method = "post",
        operation_id = "billingCreateProduct"
    )]
    async fn create_product(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<CreateProductRequest>,
    ) -> ApiResult<ProductAnswer, CreateProductErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let body = body.0;
        let plan = self
            .service
            .create_product(
                &p.user_id,
                NewProduct {
                    code: body.code.into(),
                    name: body.name.into(),
                    description: body.description.map(Into::into),
                    features: body.features.grants(),
                },
            )
            .await?;
        Ok(ProductAnswer::Created(Json(plan.into()), Private))
    }

    /// List products
    ///
    /// Admins only. Every product (sold or not) with all its prices, oldest first.
    #[oai(
        path = "/v1/billing/admin/products",
        method = "get",
        operation_id = "billingListProducts"
    )]
    async fn list_products(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<ProductList, ListProductsErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let params =
            PageParams::<ProductId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .list_products(params.after, params.fetch_limit(), false)
            .await?;
        let page = Page::from_rows(rows, params.limit, |p| p.0.id.to_string(), Into::into);
        Ok(ProductList::Ok(Json(page), Private))
    }

    /// Read a product
    ///
    /// Admins only.
    #[oai(
        path = "/v1/billing/admin/products/:product_id",
        method = "get",
        operation_id = "billingGetProduct"
    )]
    async fn get_product(
        &self,
        auth: BearerAuth,
        /// The product.
        product_id: Path<ProductId>,
    ) -> ApiResult<ProductAnswer, GetProductErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let plan = self.service.product(&product_id.0).await?;
        Ok(ProductAnswer::Ok(Json(plan.into()), Private))
    }

    /// Update a product
    ///
    /// Admins only. Renames it, changes its description, or starts or stops selling it.
    /// Unknown fields are `400`.
    #[oai(
        path = "/v1/billing/admin/products/:product_id",
        method = "patch",
        operation_id = "billingUpdateProduct"
    )]
    async fn update_product(
        &self,
        auth: BearerAuth,
        /// The product.
        product_id: Path<ProductId>,
        body: Json<UpdateProductRequest>,
    ) -> ApiResult<ProductAnswer, UpdateProductErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let body = body.0;
        let patch = ProductPatch {
            name: body.name.map(Into::into),
            description: body.description.map(Into::into),
            active: body.active,
            features: None,
        };
        let plan = self
            .service
            .update_product(&p.user_id, &product_id.0, patch)
            .await?;
        Ok(ProductAnswer::Ok(Json(plan.into()), Private))
    }

    /// Replace a product's features
    ///
    /// Admins only. The features apply to grants made from now on (a subscription's
    /// grants follow at its next renewal).
    #[oai(
        path = "/v1/billing/admin/products/:product_id/features",
        method = "put",
        operation_id = "billingReplaceProductFeatures"
    )]
    async fn replace_features(
        &self,
        auth: BearerAuth,
        /// The product.
        product_id: Path<ProductId>,
        body: Json<ProductFeaturesDto>,
    ) -> ApiResult<ProductAnswer, UpdateProductErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let patch = ProductPatch {
            features: Some(body.0.grants()),
            ..ProductPatch::default()
        };
        let plan = self
            .service
            .update_product(&p.user_id, &product_id.0, patch)
            .await?;
        Ok(ProductAnswer::Ok(Json(plan.into()), Private))
    }

    /// Add a price
    ///
    /// Admins only. Adds a price (minor units, ISO 4217 currency, interval, trial) to a
    /// product; linking a Stripe price makes it purchasable through checkout. A Stripe
    /// price linked to another price is `409 stripe_price_taken`; naming the App Store or
    /// Google Play product sold at this price maps store purchases to the product's
    /// features, and a store product sold at another price is `409 store_product_taken`.
    #[oai(
        path = "/v1/billing/admin/products/:product_id/prices",
        method = "post",
        operation_id = "billingCreatePrice"
    )]
    async fn create_price(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The product.
        product_id: Path<ProductId>,
        body: Json<CreatePriceRequest>,
    ) -> ApiResult<PriceAnswer, CreatePriceErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let body = body.0;
        let price = self
            .service
            .create_price(
                &p.user_id,
                &product_id.0,
                NewPrice {
                    amount_minor: body.amount_minor,
                    currency: body.currency.into(),
                    interval: body.interval.into(),
                    trial_days: body.trial_days.unwrap_or(0),
                    stripe_price_id: body.stripe_price_id.map(Into::into),
                    app_store_product_id: body.app_store_product_id.map(Into::into),
                    play_product_id: body.play_product_id.map(Into::into),
                },
            )
            .await?;
        Ok(PriceAnswer::Created(Json(price.into()), Private))
    }

    /// Update a price
    ///
    /// Admins only. Starts or stops selling a price (amounts never change: add a new
    /// price instead).
    #[oai(
        path = "/v1/billing/admin/prices/:price_id",
        method = "patch",
        operation_id = "billingUpdatePrice"
    )]
    async fn update_price(
        &self,
        auth: BearerAuth,
        /// The price.
        price_id: Path<PriceId>,
        body: Json<UpdatePriceRequest>,
    ) -> ApiResult<PriceAnswer, UpdatePriceErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let price = self
            .service
            .set_price_active(&p.user_id, &price_id.0, body.0.active)
            .await?;
        Ok(PriceAnswer::Ok(Json(price.into()), Private))
    }
}

/// The plans members can buy.
pub struct PlansApi {
    service: BillingService,
}

impl PlansApi {
    /// Around the service.
    pub fn new(service: BillingService) -> Self {
        Self { service }
    }
}

#[OpenApi(tag = "BillingTag::Plans")]
impl PlansApi {
    /// List the plans on sale
    ///
    /// The products on sale with their active prices, oldest first.
    #[oai(
        path = "/v1/billing/plans",
        method = "get",
        operation_id = "billingListPlans"
    )]
    async fn list_plans(
        &self,
        _auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<ProductList, ListPlansErrors> {
        let params =
            PageParams::<ProductId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .list_products(params.after, params.fetch_limit(), true)
            .await?;
        let page = Page::from_rows(rows, params.limit, |p| p.0.id.to_string(), Into::into);
        Ok(ProductList::Ok(Json(page), Private))
    }
}
