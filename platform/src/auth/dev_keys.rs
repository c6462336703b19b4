//! Development keys that survive a restart (issue 8, point 10).
//!
//! Without `auth.signing_key_pem` or `auth.mfa_encryption_key`, `haven serve` used to
//! generate throwaway keys at every start, so a restart signed everyone out and made
//! enrolled second factors unreadable. Now it generates them once and keeps them in one
//! file in the data directory (`server.data_dir`, else the SQLite database's directory),
//! created atomically with mode 0600. Configured keys are used as they are; a key file
//! is never a production setup, and the log says so at every start.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::config::{Backend, Secret, Settings};

/// The file's name in the data directory.
pub const DEV_KEYS_FILE: &str = "haven-dev-keys.json";

/// What the file holds; never logged.
#[derive(Serialize, Deserialize)]
struct DevKeys {
    signing_key_id: String,
    signing_key_pem: String,
    mfa_encryption_key: String,
}

/// The data directory of `settings`: `server.data_dir`, else the directory of a file-backed
/// SQLite database; `None` for PostgreSQL without `data_dir` or an in-memory SQLite.
pub fn data_dir(settings: &Settings) -> Option<PathBuf> {
    if let Some(dir) = &settings.server.data_dir {
        return Some(dir.clone());
    }
    if settings.backend().ok() != Some(Backend::Sqlite) {
        return None;
    }
    let path = crate::db::sqlite_path(&settings.database.url);
    if path.is_empty() || path.contains(":memory:") || path.starts_with("file:") {
        return None;
    }
    let parent = Path::new(path).parent()?;
    Some(if parent.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        parent.to_path_buf()
    })
}

/// Fills the unset signing and MFA keys of `settings` from the data directory's key file,
/// creating it the first time. Returns the file used, or `None` when both keys are
/// configured or there is no data directory (the keys then stay throwaway, as the
/// warnings of `Auth::from_settings` and identity say).
pub fn fill_from_data_dir(settings: &mut Settings) -> anyhow::Result<Option<PathBuf>> {
    let auth = &settings.auth;
    let signing_unset = auth.signing_key_pem.is_none();
    let mfa_unset = auth.mfa_encryption_key.is_none();
    if !signing_unset && !mfa_unset {
        return Ok(None);
    }
    let Some(dir) = data_dir(settings) else {
        return Ok(None);
    };
    let path = dir.join(DEV_KEYS_FILE);
    let keys = load_or_create(&path)?;
    if signing_unset {
        settings.auth.signing_key_id = Some(keys.signing_key_id);
        settings.auth.signing_key_pem = Some(Secret::new(keys.signing_key_pem));
        tracing::warn!(
            file = %path.display(),
            "auth.signing_key_pem is not set: access tokens are signed with the development \
             key kept in this file (development only: other nodes reject these tokens; \
             configure auth.signing_key_pem in production)"
        );
    }
    if mfa_unset {
        settings.auth.mfa_encryption_key = Some(Secret::new(keys.mfa_encryption_key));
        tracing::warn!(
            file = %path.display(),
            "auth.mfa_encryption_key is not set: TOTP secrets are encrypted with the \
             development key kept in this file (development only: configure \
             auth.mfa_encryption_key in production)"
        );
    }
    // The keys came from a file this process did not validate at load.
    settings
        .validate()
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(Some(path))
}

/// Reads the key file, or creates it: written to a private temporary file first and then
/// linked into place, so a reader never sees half a file and, of two processes starting
/// at once, both end up with the one that was linked first.
fn load_or_create(path: &Path) -> anyhow::Result<DevKeys> {
    if let Some(keys) = read(path)? {
        return Ok(keys);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    let keys = generate()?;
    let json = serde_json::to_vec_pretty(&keys)?;
    let tmp = dir.join(format!(
        ".{DEV_KEYS_FILE}.{}.tmp",
        uuid::Uuid::new_v4().simple()
    ));
    let written = write_private(&tmp, &json).and_then(|()| std::fs::hard_link(&tmp, path));
    let _ = std::fs::remove_file(&tmp);
    match written {
        Ok(()) => {
            tracing::info!(file = %path.display(), "development keys generated");
            Ok(keys)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            read(path)?.ok_or_else(|| anyhow::anyhow!("{} vanished while starting", path.display()))
        }
        Err(e) => Err(anyhow::anyhow!("cannot write {}: {e}", path.display())),
    }
}

fn read(path: &Path) -> anyhow::Result<Option<DevKeys>> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| anyhow::anyhow!("{} is not a development key file: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(anyhow::anyhow!("cannot read {}: {e}", path.display())),
    }
}

fn generate() -> anyhow::Result<DevKeys> {
    let mut mfa = [0u8; 32];
    getrandom::fill(&mut mfa)
        .map_err(|e| anyhow::anyhow!("the OS random generator failed: {e}"))?;
    Ok(DevKeys {
        signing_key_id: format!("dev-{}", &uuid::Uuid::new_v4().simple().to_string()[..12]),
        signing_key_pem: super::generate_private_pem()?,
        mfa_encryption_key: base64::engine::general_purpose::STANDARD.encode(mfa),
    })
}

/// Creates `path` (it must not exist) readable and writable by its owner only.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn sqlite_settings(dir: &Path) -> Settings {
        let mut settings = Settings::default();
        settings.database.url = format!("sqlite://{}/db/haven.db", dir.display());
        settings
    }

    #[test]
    fn keys_are_made_once_kept_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = sqlite_settings(dir.path());
        let path = fill_from_data_dir(&mut first).unwrap().unwrap();
        assert_eq!(path, dir.path().join("db").join(DEV_KEYS_FILE));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let mut second = sqlite_settings(dir.path());
        fill_from_data_dir(&mut second).unwrap();
        assert_eq!(first.auth, second.auth);
        assert!(first.auth.signing_key_pem.is_some() && first.auth.mfa_encryption_key.is_some());
        // Only the key file is left behind, no temporary file.
        let names: Vec<_> = std::fs::read_dir(dir.path().join("db"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [DEV_KEYS_FILE]);
    }

    #[test]
    fn configured_keys_and_postgres_without_data_dir_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut configured = sqlite_settings(dir.path());
        configured.auth.mfa_encryption_key = Some(Secret::new(
            base64::engine::general_purpose::STANDARD.encode([7u8; 32]),
        ));
        let (private, _) = crate::auth::test_keys::generate_pair();
        configured.auth.signing_key_pem = Some(Secret::new(private));
        configured.auth.signing_key_id = Some("prod".to_owned());
        let before = configured.auth.clone();
        assert!(fill_from_data_dir(&mut configured).unwrap().is_none());
        assert_eq!(configured.auth, before);
        let mut postgres = Settings::default();
        postgres.database.url = "postgres://localhost/haven".to_owned();
        assert!(fill_from_data_dir(&mut postgres).unwrap().is_none());
        assert!(postgres.auth.signing_key_pem.is_none());
    }

    #[test]
    fn only_the_unset_key_is_filled() {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = sqlite_settings(dir.path());
        let mfa = base64::engine::general_purpose::STANDARD.encode([7u8; 32]);
        settings.auth.mfa_encryption_key = Some(Secret::new(mfa.clone()));
        fill_from_data_dir(&mut settings).unwrap();
        assert_eq!(settings.auth.mfa_encryption_key, Some(Secret::new(mfa)));
        assert!(settings.auth.signing_key_pem.is_some());
    }

    #[test]
    fn the_data_dir_setting_wins_and_memory_databases_have_none() {
        let mut settings = Settings::default();
        assert_eq!(data_dir(&settings), Some(PathBuf::from("data")));
        settings.server.data_dir = Some(PathBuf::from("/var/lib/haven"));
        assert_eq!(data_dir(&settings), Some(PathBuf::from("/var/lib/haven")));
        let mut memory = Settings::default();
        memory.database.url = "sqlite://:memory:".to_owned();
        assert_eq!(data_dir(&memory), None);
    }
}
