//! Wire types of the member's store account.

use poem_openapi::Object;

/// The member's account token for store purchases.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingStoreAccount")]
pub struct StoreAccountDto {
    /// A UUID the app sets on every store purchase: `appAccountToken` (App Store) and
    /// `obfuscatedExternalAccountId` (Google Play). It links the store's subscription to
    /// this member; it never changes.
    pub account_token: uuid::Uuid,
}
