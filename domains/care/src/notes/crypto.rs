//! Envelope encryption of note bodies: each note gets a random 256-bit data key that
//! encrypts its body (AES-256-GCM, the note id as associated data, so a body copied onto
//! another note does not decrypt); the data key is stored wrapped by a master key
//! (AES-256-GCM, the note id and key id as associated data) and the row names that
//! key's id. Rotating a master key therefore re-wraps 32-byte keys, never bodies, and
//! notes wrapped by any configured key stay readable meanwhile.

use std::collections::HashMap;
use std::sync::Arc;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use haven_platform::config::Settings;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::model::NoteId;

/// The id of the development master key derived from `auth.mfa_encryption_key`.
pub const DEV_KEY_ID: &str = "dev";

const NONCE_LEN: usize = 12;

/// Why a note cannot be sealed or opened.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    /// No master key is configured (and no development key can be derived).
    #[error("no master key for clinical notes is configured")]
    Unavailable,
    /// The note's data key is wrapped by a master key that is no longer configured.
    #[error("the master key {0:?} of a clinical note is not configured")]
    UnknownKey(String),
    /// The stored value was tampered with, or belongs to another note.
    #[error("a clinical note failed authentication (tampered or moved)")]
    Undecryptable,
    /// The OS random generator failed.
    #[error("the OS random generator failed")]
    Random,
}

/// A body as stored: which master key wraps its data key, the wrapped key, the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// The master key's id.
    pub key_id: String,
    /// base64(nonce ‖ wrapped data key).
    pub wrapped_key: String,
    /// base64(nonce ‖ encrypted body).
    pub body_ciphertext: String,
}

/// The configured master keys; cheap to clone, never printed.
#[derive(Clone)]
pub struct NoteKeys {
    active: Option<String>,
    ciphers: Arc<HashMap<String, Aes256Gcm>>,
}

impl std::fmt::Debug for NoteKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoteKeys")
            .field("active", &self.active)
            .finish_non_exhaustive()
    }
}

impl NoteKeys {
    /// From `care.notes.master_keys`; when empty, the development key derived from
    /// `auth.mfa_encryption_key` (warned about), else none (notes are refused).
    pub fn from_settings(settings: &Settings) -> Result<Self, String> {
        let mut keys = settings.care.notes.decoded_master_keys()?;
        if keys.is_empty()
            && let Some(mfa) = settings.auth.mfa_encryption_key_bytes()?
        {
            tracing::warn!(
                "care.notes.master_keys is not set: clinical notes are encrypted with a \
                 development key derived from auth.mfa_encryption_key (development only: \
                 configure care.notes.master_keys in production)"
            );
            keys.push((DEV_KEY_ID.to_owned(), derive_dev_key(&mfa)));
        } else if keys.is_empty() {
            tracing::warn!(
                "care.notes.master_keys and auth.mfa_encryption_key are not set: clinical \
                 notes are refused (503) until a master key is configured"
            );
        }
        Ok(Self::from_keys(&keys))
    }

    /// From decoded `(id, 32 bytes)` keys, the first wrapping new notes.
    pub fn from_keys(keys: &[(String, Vec<u8>)]) -> Self {
        let ciphers = keys
            .iter()
            .filter_map(|(id, k)| Aes256Gcm::new_from_slice(k).ok().map(|c| (id.clone(), c)))
            .collect();
        Self {
            active: keys.first().map(|(id, _)| id.clone()),
            ciphers: Arc::new(ciphers),
        }
    }

    /// The id of the key that wraps new data keys; `None` when notes are unavailable.
    pub fn active_id(&self) -> Option<&str> {
        self.active.as_deref()
    }

    /// Encrypts `body` for `note` under a fresh data key wrapped by the active master key.
    pub fn seal(&self, note: &NoteId, body: &str) -> Result<Sealed, CryptoError> {
        let (key_id, master) = self.active()?;
        let mut data_key = [0u8; 32];
        getrandom::fill(&mut data_key).map_err(|_| CryptoError::Random)?;
        let body_cipher = Aes256Gcm::new(&data_key.into());
        let body_ciphertext = encrypt(&body_cipher, body.as_bytes(), note.to_string().as_bytes())?;
        let wrapped_key = encrypt(master, &data_key, &wrap_aad(note, key_id))?;
        Ok(Sealed {
            key_id: key_id.to_owned(),
            wrapped_key,
            body_ciphertext,
        })
    }

    /// The body of `note` stored as `sealed`.
    pub fn open(&self, note: &NoteId, sealed: &Sealed) -> Result<String, CryptoError> {
        let data_key = self.unwrap_key(note, &sealed.key_id, &sealed.wrapped_key)?;
        let body_cipher =
            Aes256Gcm::new_from_slice(&data_key).map_err(|_| CryptoError::Undecryptable)?;
        let body = decrypt(
            &body_cipher,
            &sealed.body_ciphertext,
            note.to_string().as_bytes(),
        )?;
        String::from_utf8(body).map_err(|_| CryptoError::Undecryptable)
    }

    /// `(key_id, wrapped_key)` with the data key of `note` wrapped by the active master
    /// key; `None` when it already is.
    pub fn rewrap(
        &self,
        note: &NoteId,
        key_id: &str,
        wrapped_key: &str,
    ) -> Result<Option<(String, String)>, CryptoError> {
        let (active_id, master) = self.active()?;
        if key_id == active_id {
            return Ok(None);
        }
        let data_key = self.unwrap_key(note, key_id, wrapped_key)?;
        let wrapped = encrypt(master, &data_key, &wrap_aad(note, active_id))?;
        Ok(Some((active_id.to_owned(), wrapped)))
    }

    fn active(&self) -> Result<(&str, &Aes256Gcm), CryptoError> {
        let id = self.active.as_deref().ok_or(CryptoError::Unavailable)?;
        let cipher = self.ciphers.get(id).ok_or(CryptoError::Unavailable)?;
        Ok((id, cipher))
    }

    fn unwrap_key(
        &self,
        note: &NoteId,
        key_id: &str,
        wrapped_key: &str,
    ) -> Result<Vec<u8>, CryptoError> {
        let master = self
            .ciphers
            .get(key_id)
            .ok_or_else(|| CryptoError::UnknownKey(key_id.to_owned()))?;
        decrypt(master, wrapped_key, &wrap_aad(note, key_id))
    }
}

/// The development master key: HMAC-SHA256 of a fixed label under the MFA key, so it is
/// as stable (and as secret) as that key and needs no file of its own.
fn derive_dev_key(mfa_key: &[u8; 32]) -> Vec<u8> {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail here.
    #[allow(clippy::expect_used)]
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(mfa_key).expect("HMAC takes any key length");
    mac.update(b"haven care.notes development master key v1");
    mac.finalize().into_bytes().to_vec()
}

fn wrap_aad(note: &NoteId, key_id: &str) -> Vec<u8> {
    format!("{note}\n{key_id}").into_bytes()
}

fn encrypt(cipher: &Aes256Gcm, plain: &[u8], aad: &[u8]) -> Result<String, CryptoError> {
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut nonce).map_err(|_| CryptoError::Random)?;
    let sealed = cipher
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: plain, aad })
        // Encryption fails only for inputs longer than 64 GiB.
        .map_err(|_| CryptoError::Undecryptable)?;
    let mut out = nonce.to_vec();
    out.extend_from_slice(&sealed);
    Ok(B64.encode(out))
}

fn decrypt(cipher: &Aes256Gcm, stored: &str, aad: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let bytes = B64.decode(stored).map_err(|_| CryptoError::Undecryptable)?;
    if bytes.len() < NONCE_LEN {
        return Err(CryptoError::Undecryptable);
    }
    let (nonce, sealed) = bytes.split_at(NONCE_LEN);
    cipher
        .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad })
        .map_err(|_| CryptoError::Undecryptable)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(ids: &[(&str, u8)]) -> NoteKeys {
        let keys: Vec<_> = ids
            .iter()
            .map(|(id, b)| ((*id).to_owned(), vec![*b; 32]))
            .collect();
        NoteKeys::from_keys(&keys)
    }

    #[test]
    fn a_body_round_trips_and_is_bound_to_its_note() {
        let keys = ring(&[("k1", 1)]);
        let (a, b) = (NoteId::new(), NoteId::new());
        let sealed = keys.seal(&a, "sleeps badly since May").unwrap();
        assert_eq!(sealed.key_id, "k1");
        assert!(!sealed.body_ciphertext.contains("sleeps"));
        assert_eq!(keys.open(&a, &sealed).unwrap(), "sleeps badly since May");
        assert!(matches!(
            keys.open(&b, &sealed),
            Err(CryptoError::Undecryptable)
        ));
        let other = keys.seal(&b, "something else").unwrap();
        let swapped = Sealed {
            body_ciphertext: other.body_ciphertext,
            ..sealed
        };
        assert!(matches!(
            keys.open(&a, &swapped),
            Err(CryptoError::Undecryptable)
        ));
    }

    #[test]
    fn rotation_rewraps_the_data_key_and_old_keys_still_open() {
        let note = NoteId::new();
        let old = ring(&[("k1", 1)]);
        let sealed = old.seal(&note, "first session").unwrap();
        let both = ring(&[("k2", 2), ("k1", 1)]);
        assert_eq!(both.open(&note, &sealed).unwrap(), "first session");
        let (id, wrapped) = both
            .rewrap(&note, &sealed.key_id, &sealed.wrapped_key)
            .unwrap()
            .unwrap();
        assert_eq!(id, "k2");
        let moved = Sealed {
            key_id: id,
            wrapped_key: wrapped,
            ..sealed.clone()
        };
        assert!(
            both.rewrap(&note, &moved.key_id, &moved.wrapped_key)
                .unwrap()
                .is_none()
        );
        let new_only = ring(&[("k2", 2)]);
        assert_eq!(new_only.open(&note, &moved).unwrap(), "first session");
        assert!(
            matches!(new_only.open(&note, &sealed), Err(CryptoError::UnknownKey(id)) if id == "k1")
        );
        // A wrapped key relabelled with another key id does not unwrap.
        let relabelled = Sealed {
            key_id: "k2".to_owned(),
            ..sealed
        };
        assert!(matches!(
            new_only.open(&note, &relabelled),
            Err(CryptoError::Undecryptable)
        ));
    }

    #[test]
    fn without_master_keys_a_stable_development_key_comes_from_the_mfa_key() {
        let mut settings = Settings::default();
        settings.auth.mfa_encryption_key = Some(haven_platform::config::Secret::new(
            "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=",
        ));
        let first = NoteKeys::from_settings(&settings).unwrap();
        assert_eq!(first.active_id(), Some(DEV_KEY_ID));
        let note = NoteId::new();
        let sealed = first.seal(&note, "kept across restarts").unwrap();
        let restarted = NoteKeys::from_settings(&settings).unwrap();
        assert_eq!(
            restarted.open(&note, &sealed).unwrap(),
            "kept across restarts"
        );

        settings.auth.mfa_encryption_key = None;
        let none = NoteKeys::from_settings(&settings).unwrap();
        assert_eq!(
            none.active_id(),
            None,
            "no key: notes are refused, never stored in clear"
        );
    }

    #[test]
    fn no_key_means_unavailable() {
        let none = NoteKeys::from_keys(&[]);
        assert!(matches!(
            none.seal(&NoteId::new(), "x"),
            Err(CryptoError::Unavailable)
        ));
    }
}
