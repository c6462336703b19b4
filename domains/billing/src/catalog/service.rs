//! Catalog use-cases: admins manage products and prices; members read the plans on sale;
//! `haven seed` adds a demo set.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use haven_platform::db::unique_violation;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, Unexpected};

use super::error::{
    CreatePriceError, CreateProductError, PRICE_NOT_FOUND, PRODUCT_NOT_FOUND_TEXT,
    ProductReadError, UpdateCatalogError,
};
use super::model::{
    AMOUNT_MAX_MINOR, DESCRIPTION_MAX_CHARS, Feature, FeatureGrant, Interval, NAME_MAX_CHARS,
    Price, PriceId, Product, ProductId, QUOTA_MAX, STRIPE_ID_MAX_CHARS, TRIAL_MAX_DAYS,
    is_currency, is_product_code,
};
use super::repo::{self, FeatureRow, PriceRow, ProductRow};
use crate::error::Problems;
use crate::service::{BillingService, utc};
use haven_platform::Fault;

/// The unique index on product codes.
const CODE_TAKEN: &str = "billing_products_code";
/// The unique index on linked Stripe prices.
const STRIPE_PRICE_TAKEN: &str = "billing_prices_stripe";
/// The unique index on App Store products.
const APP_STORE_PRODUCT_TAKEN: &str = "billing_prices_app_store";
/// The unique index on Google Play products.
const PLAY_PRODUCT_TAKEN: &str = "billing_prices_play";

/// A new product as received.
#[derive(Debug, Clone)]
pub struct NewProduct {
    /// Stable handle.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Granted features.
    pub features: Vec<FeatureGrant>,
}

/// A change to a product: `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ProductPatch {
    /// New name.
    pub name: Option<String>,
    /// New description.
    pub description: Option<String>,
    /// Sold or not.
    pub active: Option<bool>,
    /// New features.
    pub features: Option<Vec<FeatureGrant>>,
}

/// A new price as received.
#[derive(Debug, Clone)]
pub struct NewPrice {
    /// Minor units.
    pub amount_minor: i64,
    /// ISO 4217.
    pub currency: String,
    /// Interval.
    pub interval: Interval,
    /// Trial days.
    pub trial_days: i32,
    /// Linked Stripe price.
    pub stripe_price_id: Option<String>,
    /// The App Store product sold at this price.
    pub app_store_product_id: Option<String>,
    /// The Google Play product sold at this price.
    pub play_product_id: Option<String>,
}

/// A product with its prices.
pub type Plan = (Product, Vec<Price>);

fn clean_name(raw: &str, p: &mut Problems) -> String {
    let name = raw.trim().to_owned();
    if name.is_empty() || raw.chars().count() > NAME_MAX_CHARS {
        p.add(
            "name",
            "invalid",
            format!("The name must be 1 to {NAME_MAX_CHARS} characters."),
        );
    }
    name
}

fn clean_description(raw: &str, p: &mut Problems) -> String {
    if raw.chars().count() > DESCRIPTION_MAX_CHARS {
        p.add(
            "description",
            "too_long",
            format!("The description must be at most {DESCRIPTION_MAX_CHARS} characters."),
        );
    }
    raw.trim().to_owned()
}

fn check_features(features: &[FeatureGrant], p: &mut Problems) {
    for g in features {
        let field = format!("features.{}", g.feature.as_str().replace('.', "_"));
        match (g.feature.counted(), g.quota) {
            (true, Some(q)) if !(1..=QUOTA_MAX).contains(&q) => {
                p.add(
                    field,
                    "out_of_range",
                    format!("The quota must be 1 to {QUOTA_MAX}."),
                );
            }
            (true, None) => p.add(field, "quota_required", "A counted feature needs a quota."),
            (false, Some(_)) => p.add(field, "quota_not_allowed", "Only sessions are counted."),
            _ => {}
        }
    }
}

/// The domain product from its row and feature rows.
pub(crate) fn product_from(
    row: ProductRow,
    features: &[FeatureRow],
) -> Result<Product, Unexpected> {
    let mut grants = features
        .iter()
        .map(|f| {
            Feature::parse(&f.feature)
                .map(|feature| FeatureGrant {
                    feature,
                    quota: f.quota,
                })
                .ok_or_else(|| Unexpected::invariant("billing_product_features.feature unknown"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    grants.sort_by_key(|g| g.feature);
    Ok(Product {
        id: row.id,
        code: row.code,
        name: row.name,
        description: row.description,
        active: row.active,
        features: grants,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    })
}

/// The domain price from its row.
pub(crate) fn price_from(row: PriceRow) -> Result<Price, Unexpected> {
    Ok(Price {
        id: row.id,
        product_id: row.product_id,
        amount_minor: row.amount_minor,
        currency: row.currency,
        interval: Interval::parse(&row.billing_interval)
            .ok_or_else(|| Unexpected::invariant("billing_prices.billing_interval unknown"))?,
        trial_days: row.trial_days,
        stripe_price_id: row.stripe_price_id,
        active: row.active,
        created_at: utc(row.created_at),
        app_store_product_id: row.app_store_product_id,
        play_product_id: row.play_product_id,
    })
}

/// The products with their features and prices, in the order given.
fn load_plans(
    conn: &mut AnyConnection,
    rows: Vec<ProductRow>,
    active_prices_only: bool,
) -> Result<Vec<Plan>, Fault> {
    let ids: Vec<ProductId> = rows.iter().map(|r| r.id).collect();
    let mut features: HashMap<ProductId, Vec<FeatureRow>> = HashMap::new();
    for f in repo::features_of(conn, &ids)? {
        features.entry(f.product_id).or_default().push(f);
    }
    let mut prices: HashMap<ProductId, Vec<Price>> = HashMap::new();
    for p in repo::prices_of(conn, &ids, active_prices_only)? {
        prices.entry(p.product_id).or_default().push(price_from(p)?);
    }
    rows.into_iter()
        .map(|r| {
            let id = r.id;
            let product = product_from(r, features.get(&id).map_or(&[][..], Vec::as_slice))?;
            Ok((product, prices.remove(&id).unwrap_or_default()))
        })
        .collect()
}

fn load_plan(conn: &mut AnyConnection, id: &ProductId) -> Result<Plan, ProductReadError> {
    let row = repo::find_product(conn, id)?.ok_or(ProductReadError::NotFound)?;
    load_plans(conn, vec![row], false)?
        .pop()
        .ok_or(ProductReadError::NotFound)
}

fn feature_rows(id: &ProductId, features: &[FeatureGrant]) -> Vec<FeatureRow> {
    features
        .iter()
        .map(|g| FeatureRow {
            product_id: *id,
            feature: g.feature.as_str().to_owned(),
            quota: g.quota,
        })
        .collect()
}

impl BillingService {
    /// Creates a product with its features.
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id))]
    pub async fn create_product(
        &self,
        admin_id: &haven_platform::ids::UserId,
        input: NewProduct,
    ) -> Result<Plan, CreateProductError> {
        let mut problems = Problems::default();
        if !is_product_code(&input.code) {
            problems.add(
                "code",
                "invalid",
                "A lower-case letter, then letters, digits, - or _.",
            );
        }
        let name = clean_name(&input.name, &mut problems);
        let description =
            clean_description(input.description.as_deref().unwrap_or(""), &mut problems);
        check_features(&input.features, &mut problems);
        problems.finish()?;
        let now = now_utc();
        let row = ProductRow {
            id: ProductId::new(),
            code: input.code,
            name,
            description,
            active: true,
            created_at: now,
            updated_at: now,
        };
        let features = feature_rows(&row.id, &input.features);
        let plan = self
            .write(move |conn| {
                if let Err(e) = repo::insert_product(conn, &row) {
                    return Err(match unique_violation(conn, &e) {
                        Some(v) if v.constraint == CODE_TAKEN => CreateProductError::CodeTaken,
                        _ => e.into(),
                    });
                }
                repo::replace_features(conn, &row.id, &features)?;
                load_plan(conn, &row.id).map_err(|e| match e {
                    ProductReadError::Db(e) => CreateProductError::Db(e),
                    ProductReadError::Unexpected(e) => CreateProductError::Unexpected(e),
                    ProductReadError::NotFound => {
                        Unexpected::invariant("the product just created is missing").into()
                    }
                })
            })
            .await?;
        tracing::info!(product_id = %plan.0.id, "product created");
        Ok(plan)
    }

    /// Products in creation order after `after` (keyset), `fetch` at most; members see
    /// the active products with their active prices only.
    pub async fn list_products(
        &self,
        after: Option<ProductId>,
        fetch: i64,
        on_sale_only: bool,
    ) -> Result<Vec<Plan>, Fault> {
        self.db
            .read(move |conn| {
                let rows = repo::list_products(conn, after, fetch, on_sale_only)?;
                load_plans(conn, rows, on_sale_only)
            })
            .await
    }

    /// One product with all its prices.
    pub async fn product(&self, id: &ProductId) -> Result<Plan, ProductReadError> {
        let id = *id;
        // On the primary: an admin reads the product right after changing it.
        self.db.read_primary(move |conn| load_plan(conn, &id)).await
    }

    /// Changes a product.
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id, product_id = %id))]
    pub async fn update_product(
        &self,
        admin_id: &haven_platform::ids::UserId,
        id: &ProductId,
        patch: ProductPatch,
    ) -> Result<Plan, UpdateCatalogError> {
        let mut problems = Problems::default();
        let name = patch.name.map(|n| clean_name(&n, &mut problems));
        let description = patch
            .description
            .map(|d| clean_description(&d, &mut problems));
        if let Some(f) = &patch.features {
            check_features(f, &mut problems);
        }
        problems.finish()?;
        let (id, now, active, features) = (*id, now_utc(), patch.active, patch.features);
        let plan = self
            .write(move |conn| {
                let n = repo::update_product(
                    conn,
                    &id,
                    name.as_deref(),
                    description.as_deref(),
                    active,
                    now,
                )?;
                if n == 0 {
                    return Err(UpdateCatalogError::NotFound(PRODUCT_NOT_FOUND_TEXT));
                }
                if let Some(features) = &features {
                    repo::replace_features(conn, &id, &feature_rows(&id, features))?;
                }
                load_plan(conn, &id).map_err(read_to_update)
            })
            .await?;
        tracing::info!("product changed");
        Ok(plan)
    }

    /// Adds a price to a product.
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id, product_id = %product_id))]
    pub async fn create_price(
        &self,
        admin_id: &haven_platform::ids::UserId,
        product_id: &ProductId,
        input: NewPrice,
    ) -> Result<Price, CreatePriceError> {
        let mut problems = Problems::default();
        if !(0..=AMOUNT_MAX_MINOR).contains(&input.amount_minor) {
            problems.add(
                "amount_minor",
                "out_of_range",
                "0 to 100,000,000 minor units.",
            );
        }
        if !is_currency(&input.currency) {
            problems.add(
                "currency",
                "invalid",
                "Not an active ISO 4217 currency code.",
            );
        }
        if !(0..=TRIAL_MAX_DAYS).contains(&input.trial_days) {
            problems.add("trial_days", "out_of_range", "0 to 365 days.");
        }
        if let Some(s) = &input.stripe_price_id {
            let ok = s.len() <= STRIPE_ID_MAX_CHARS
                && s.strip_prefix("price_")
                    .is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_alphanumeric()));
            if !ok {
                problems.add(
                    "stripe_price_id",
                    "invalid",
                    "A Stripe price id, `price_…`.",
                );
            }
        }
        problems.finish()?;
        let row = PriceRow {
            id: PriceId::new(),
            product_id: *product_id,
            amount_minor: input.amount_minor,
            currency: input.currency,
            billing_interval: input.interval.as_str().to_owned(),
            trial_days: input.trial_days,
            stripe_price_id: input.stripe_price_id,
            active: true,
            created_at: now_utc(),
            app_store_product_id: input.app_store_product_id,
            play_product_id: input.play_product_id,
        };
        let price = self
            .write(move |conn| {
                if repo::find_product(conn, &row.product_id)?.is_none() {
                    return Err(CreatePriceError::ProductNotFound);
                }
                if let Err(e) = repo::insert_price(conn, &row) {
                    return Err(match unique_violation(conn, &e) {
                        Some(v) if v.constraint == STRIPE_PRICE_TAKEN => {
                            CreatePriceError::StripePriceTaken
                        }
                        Some(v) if v.constraint == APP_STORE_PRODUCT_TAKEN => {
                            CreatePriceError::StoreProductTaken("app_store_product_id")
                        }
                        Some(v) if v.constraint == PLAY_PRODUCT_TAKEN => {
                            CreatePriceError::StoreProductTaken("play_product_id")
                        }
                        _ => e.into(),
                    });
                }
                Ok(price_from(row)?)
            })
            .await?;
        tracing::info!(price_id = %price.id, "price created");
        Ok(price)
    }

    /// Starts or stops selling a price.
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id, price_id = %id))]
    pub async fn set_price_active(
        &self,
        admin_id: &haven_platform::ids::UserId,
        id: &PriceId,
        active: bool,
    ) -> Result<Price, UpdateCatalogError> {
        let id = *id;
        self.write(move |conn| {
            if repo::set_price_active(conn, &id, active)? == 0 {
                return Err(UpdateCatalogError::NotFound(PRICE_NOT_FOUND));
            }
            let row = repo::find_price(conn, &id)?
                .ok_or(UpdateCatalogError::NotFound(PRICE_NOT_FOUND))?;
            Ok(price_from(row)?)
        })
        .await
    }

    /// Adds the demo catalog (idempotent: products are keyed by code); how many rows
    /// this run created.
    pub(crate) fn seed_catalog(
        conn: &mut AnyConnection,
        now: NaiveDateTime,
    ) -> diesel::QueryResult<u32> {
        let mut created = 0;
        for demo in DEMO_PRODUCTS {
            if repo::find_product_by_code(conn, demo.code)?.is_some() {
                continue;
            }
            let row = ProductRow {
                id: ProductId::new(),
                code: demo.code.to_owned(),
                name: demo.name.to_owned(),
                description: demo.description.to_owned(),
                active: true,
                created_at: now,
                updated_at: now,
            };
            repo::insert_product(conn, &row)?;
            repo::replace_features(conn, &row.id, &feature_rows(&row.id, demo.features))?;
            for (amount_minor, interval, stripe) in demo.prices {
                repo::insert_price(
                    conn,
                    &PriceRow {
                        id: PriceId::new(),
                        product_id: row.id,
                        amount_minor: *amount_minor,
                        currency: "USD".to_owned(),
                        billing_interval: interval.as_str().to_owned(),
                        trial_days: demo.trial_days,
                        stripe_price_id: stripe.map(str::to_owned),
                        active: true,
                        created_at: now,
                        app_store_product_id: None,
                        play_product_id: None,
                    },
                )?;
                created += 1;
            }
            created += 1;
        }
        Ok(created)
    }
}

fn read_to_update(e: ProductReadError) -> UpdateCatalogError {
    match e {
        ProductReadError::NotFound => UpdateCatalogError::NotFound(PRODUCT_NOT_FOUND_TEXT),
        ProductReadError::Db(e) => UpdateCatalogError::Db(e),
        ProductReadError::Unexpected(e) => UpdateCatalogError::Unexpected(e),
    }
}

/// One product of the demo catalog.
pub struct DemoProduct {
    /// Its code.
    pub code: &'static str,
    /// Name.
    pub name: &'static str,
    /// Description.
    pub description: &'static str,
    /// Features.
    pub features: &'static [FeatureGrant],
    /// Trial days of its prices.
    pub trial_days: i32,
    /// (amount in cents, interval, Stripe price id).
    pub prices: &'static [(i64, Interval, Option<&'static str>)],
}

/// The demo catalog `haven seed` adds.
pub const DEMO_PRODUCTS: &[DemoProduct] = &[
    DemoProduct {
        code: "premium",
        name: "Haven Premium",
        description: "All premium content.",
        features: &[FeatureGrant {
            feature: Feature::ContentPremium,
            quota: None,
        }],
        trial_days: 7,
        prices: &[
            (999, Interval::Month, Some("price_demo_premium_month")),
            (9_900, Interval::Year, Some("price_demo_premium_year")),
        ],
    },
    DemoProduct {
        code: "care-plus",
        name: "Haven Care+",
        description: "Premium content, coaching and six therapy sessions a year.",
        features: &[
            FeatureGrant {
                feature: Feature::ContentPremium,
                quota: None,
            },
            FeatureGrant {
                feature: Feature::CareCoaching,
                quota: None,
            },
            FeatureGrant {
                feature: Feature::CareTherapy,
                quota: Some(6),
            },
        ],
        trial_days: 0,
        prices: &[(4_900, Interval::Month, Some("price_demo_care_plus_month"))],
    },
];
