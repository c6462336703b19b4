//! Errors of the catalog resource (admin operations; their `403` is the role guard's).

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};
use poem::http::StatusCode;

use crate::error::{not_found, problem};
use haven_platform::{db_errors, fault_errors};

const PRODUCT_NOT_FOUND: &str = "The product does not exist.";

error_set!(
    /// `POST /v1/billing/admin/products`: 401, 403 (the role guard), 409 (`product_code_taken`,
    /// or the idempotency key in use), 422 (invalid fields, or the key reused).
    pub CreateProductErrors: CreateProductError; guarded
);
error_set!(
    /// `GET /v1/billing/admin/products`: 400 (bad cursor), 401, 403, 422 (`limit`).
    pub ListProductsErrors: Invalid; guarded
);
error_set!(
    /// `GET /v1/billing/admin/products/{product_id}`: 401, 403, 404.
    pub GetProductErrors: ProductReadError; guarded
);
error_set!(
    /// `PATCH /v1/billing/admin/products/{product_id}`: 401, 403, 404, 422.
    pub UpdateProductErrors: UpdateCatalogError; guarded
);
error_set!(
    /// `POST /v1/billing/admin/products/{product_id}/prices`: 401, 403, 404, 409
    /// (`stripe_price_taken`, or the idempotency key in use), 422.
    pub CreatePriceErrors: CreatePriceError; guarded
);
error_set!(
    /// `PATCH /v1/billing/admin/prices/{price_id}`: 401, 403, 404, 422.
    pub UpdatePriceErrors: UpdateCatalogError; guarded
);
error_set!(
    /// `GET /v1/billing/plans`: 400 (bad cursor), 401, 403, 422 (`limit`).
    pub ListPlansErrors: Invalid
);

/// Creating a product.
#[derive(Debug, thiserror::Error)]
pub enum CreateProductError {
    /// Another product has the code.
    #[error("product code taken")]
    CodeTaken,
    /// Invalid fields.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for CreateProductError {
    const CODES: &'static [Code] = &[(409, "product_code_taken"), VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::CodeTaken => problem(
                StatusCode::CONFLICT,
                "product_code_taken",
                "Another product already has this code.",
            )
            .with_field("code", "taken", "another product has this code"),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Reading a product.
#[derive(Debug, thiserror::Error)]
pub enum ProductReadError {
    /// No such product.
    #[error("product not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for ProductReadError {
    const CODES: &'static [Code] = &[NOT_FOUND];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found(PRODUCT_NOT_FOUND),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Changing a product or a price.
#[derive(Debug, thiserror::Error)]
pub enum UpdateCatalogError {
    /// No such product or price.
    #[error("not found")]
    NotFound(&'static str),
    /// Invalid fields.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for UpdateCatalogError {
    const CODES: &'static [Code] = &[NOT_FOUND, VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound(what) => not_found(what),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Adding a price.
#[derive(Debug, thiserror::Error)]
pub enum CreatePriceError {
    /// No such product.
    #[error("product not found")]
    ProductNotFound,
    /// Another price is linked to the Stripe price.
    #[error("stripe price taken")]
    StripePriceTaken,
    /// Another price sells the store product (the field names the store).
    #[error("store product taken")]
    StoreProductTaken(&'static str),
    /// Invalid fields.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for CreatePriceError {
    const CODES: &'static [Code] = &[
        NOT_FOUND,
        (409, "stripe_price_taken"),
        (409, "store_product_taken"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::ProductNotFound => not_found(PRODUCT_NOT_FOUND),
            Self::StripePriceTaken => problem(
                StatusCode::CONFLICT,
                "stripe_price_taken",
                "Another price is already linked to this Stripe price.",
            )
            .with_field("stripe_price_id", "taken", "linked to another price"),
            Self::StoreProductTaken(field) => problem(
                StatusCode::CONFLICT,
                "store_product_taken",
                "Another price already sells this store product.",
            )
            .with_field(field, "taken", "sold at another price"),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Not-found text of a price.
pub const PRICE_NOT_FOUND: &str = "The price does not exist.";
/// Not-found text of a product.
pub const PRODUCT_NOT_FOUND_TEXT: &str = PRODUCT_NOT_FOUND;

db_errors!(
    CreateProductError,
    ProductReadError,
    UpdateCatalogError,
    CreatePriceError
);
fault_errors!(
    CreateProductError,
    ProductReadError,
    UpdateCatalogError,
    CreatePriceError
);
