//! argon2id password hashing on a bounded pool off the async runtime.

use std::sync::{Arc, OnceLock};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use haven_platform::Unexpected;
use tokio::sync::Semaphore;

use crate::accounts::model::Password;
use crate::service::random_token;

/// argon2id memory cost in KiB (OWASP: 19 MiB).
pub const ARGON2_M_KIB: u32 = 19_456;

/// argon2id iterations.
pub const ARGON2_T: u32 = 2;

/// argon2id parallelism.
pub const ARGON2_P: u32 = 1;

/// argon2id hashing on the blocking pool, at most one hash per core at a time, so a flood
/// of logins queues here instead of occupying every blocking thread or the runtime.
#[derive(Clone, Debug)]
pub(crate) struct Hasher {
    permits: Arc<Semaphore>,
}

impl Hasher {
    pub(crate) fn new() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Self {
            permits: Arc::new(Semaphore::new(cores)),
        }
    }

    fn argon2() -> Result<Argon2<'static>, Unexpected> {
        let params = Params::new(ARGON2_M_KIB, ARGON2_T, ARGON2_P, None)
            .map_err(|e| Unexpected::new("argon2 params", e.to_string()))?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> Result<T, Unexpected> + Send + 'static,
    ) -> Result<T, Unexpected> {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(Unexpected::with("hash pool closed"))?;
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || {
            let _entered = span.enter();
            let result = f();
            drop(permit);
            result
        })
        .await
        .map_err(Unexpected::with("hash task"))?
    }

    /// The PHC string of a new argon2id hash with a random salt.
    pub(crate) async fn hash(&self, password: Password) -> Result<String, Unexpected> {
        self.run(move || hash_blocking(&password)).await
    }

    /// Checks `password` against `stored`; with no stored hash, verifies against a fixed
    /// dummy hash (same cost) and answers [`Verified::Mismatch`].
    pub(crate) async fn verify(
        &self,
        password: Password,
        stored: Option<String>,
    ) -> Result<Verified, Unexpected> {
        self.run(move || {
            let (hash, known) = match &stored {
                Some(h) => (h.as_str(), true),
                None => (dummy_hash()?, false),
            };
            let parsed = PasswordHash::new(hash)
                .map_err(|e| Unexpected::new("stored password hash", e.to_string()))?;
            let ok = Hasher::argon2()?
                .verify_password(password.expose_bytes(), &parsed)
                .is_ok();
            Ok(match (known && ok, is_outdated(&parsed)) {
                (false, _) => Verified::Mismatch,
                (true, false) => Verified::Match,
                (true, true) => Verified::MatchOutdated,
            })
        })
        .await
    }
}

/// What a password check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verified {
    /// Unknown account or wrong password.
    Mismatch,
    /// Right password, hash at the current parameters or stronger.
    Match,
    /// Right password, hash weaker than the current parameters: rehash it.
    MatchOutdated,
}

/// Whether a stored hash is weaker than the current parameters (another algorithm or
/// version, less memory or fewer iterations); stronger hashes are kept.
fn is_outdated(hash: &PasswordHash<'_>) -> bool {
    let current_alg = hash.algorithm.as_str() == Algorithm::Argon2id.ident().as_str()
        && hash.version == Some(Version::V0x13.into());
    match Params::try_from(hash) {
        Ok(p) => !current_alg || p.m_cost() < ARGON2_M_KIB || p.t_cost() < ARGON2_T,
        Err(_) => true,
    }
}

fn hash_blocking(password: &Password) -> Result<String, Unexpected> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| Unexpected::new("salt", e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| Unexpected::new("salt", e.to_string()))?;
    Hasher::argon2()?
        .hash_password(password.expose_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Unexpected::new("argon2", e.to_string()))
}

/// A hash of a random password with the current parameters, made once per process, that
/// unknown emails are verified against.
pub(crate) fn dummy_hash() -> Result<&'static str, Unexpected> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DUMMY.get() {
        return Ok(h);
    }
    let random = random_token()?;
    let hash = hash_blocking(&Password::presented(&random))?;
    Ok(DUMMY.get_or_init(|| hash))
}
