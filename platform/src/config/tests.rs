//! Loading, layering, validation and redaction of settings.

use super::*;

fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn defaults_match_the_documented_values() {
    let s = Settings::load_from(None, env(&[])).unwrap();
    assert_eq!(s.server.addr.to_string(), "127.0.0.1:8080");
    assert_eq!(s.server.admin_addr.to_string(), "127.0.0.1:9090");
    assert_eq!(s.server.max_body_bytes, 1_048_576);
    assert_eq!(s.database.url, "sqlite://data/haven.db");
    assert!(s.database.migrate_on_start);
    assert_eq!(s.telemetry.format, LogFormat::Pretty);
}

#[test]
fn environment_overrides_file_which_overrides_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("haven.toml");
    std::fs::write(
        &file,
        "[server]\nmax_body_bytes = 10\nrequest_timeout_ms = 7\n",
    )
    .unwrap();
    let s = Settings::load_from(
        Some(&file),
        env(&[
            ("HAVEN__SERVER__MAX_BODY_BYTES", "20"),
            (
                "HAVEN__SERVER__CORS_ORIGINS",
                "https://a.example,https://b.example",
            ),
            ("HAVEN__TELEMETRY__FORMAT", "json"),
        ]),
    )
    .unwrap();
    assert_eq!(s.server.max_body_bytes, 20);
    assert_eq!(s.server.request_timeout_ms, 7);
    assert_eq!(
        s.server.cors_origins,
        vec!["https://a.example", "https://b.example"]
    );
    assert_eq!(s.telemetry.format, LogFormat::Json);
}

#[test]
fn an_unknown_enum_value_names_the_key_and_the_accepted_values() {
    let err = Settings::load_from(None, env(&[("HAVEN__TELEMETRY__FORMAT", "xml")]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("telemetry.format"), "{err}");
    assert!(err.contains("pretty") && err.contains("json"), "{err}");
}

#[test]
fn a_bad_number_or_address_names_the_key() {
    let err = Settings::load_from(None, env(&[("HAVEN__SERVER__MAX_BODY_BYTES", "lots")]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("server.max_body_bytes"), "{err}");
    let err = Settings::load_from(None, env(&[("HAVEN__SERVER__ADDR", "nowhere")]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("server.addr"), "{err}");
}

#[test]
fn a_database_url_with_an_unknown_scheme_is_rejected() {
    let err = Settings::load_from(None, env(&[("HAVEN__DATABASE__URL", "mysql://x")]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("database.url") && err.contains("postgres://"),
        "{err}"
    );
}

#[test]
fn unknown_keys_in_a_file_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("haven.toml");
    std::fs::write(&file, "[server]\nadress = \"127.0.0.1:1\"\n").unwrap();
    let err = Settings::load_from(Some(&file), env(&[]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("adress"), "{err}");
}

#[test]
fn redaction_hides_passwords_only() {
    assert_eq!(
        redact_url("postgres://u:secret@h:5432/db"),
        "postgres://u:***@h:5432/db"
    );
    assert_eq!(redact_url("postgres://u@h/db"), "postgres://u@h/db");
    let mut s = Settings::default();
    s.database.url = "postgres://u:hunter2@h/db".into();
    assert!(!s.redacted_toml().unwrap().contains("hunter2"));
}

#[test]
fn email_settings_load_from_the_environment_and_the_smtp_password_is_redacted() {
    let s = Settings::load_from(
        None,
        env(&[
            (
                "HAVEN__EMAIL__SMTP_URL",
                "smtps://mailer:hunter2@smtp.example.com",
            ),
            ("HAVEN__EMAIL__FROM", "Haven <hello@haven.example>"),
            ("HAVEN__EMAIL__LINK_BASE_URL", "https://app.haven.example"),
        ]),
    )
    .unwrap();
    assert_eq!(
        s.email.smtp_url.as_ref().map(Secret::expose),
        Some("smtps://mailer:hunter2@smtp.example.com")
    );
    assert_eq!(s.email.link_base_url, "https://app.haven.example");
    assert!(!format!("{s:?}").contains("hunter2"));
    let toml = s.redacted_toml().unwrap();
    assert!(
        toml.contains("smtps://mailer:***@smtp.example.com"),
        "{toml}"
    );
    assert!(!toml.contains("hunter2"), "{toml}");

    let err = Settings::load_from(None, env(&[("HAVEN__EMAIL__SMTP_URL", "mail.example:25")]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("email.smtp_url"), "{err}");
}

#[test]
fn identity_lifetimes_are_validated_with_the_key_named() {
    let err_of = |pairs: &[(&str, &str)]| {
        Settings::load_from(None, env(pairs))
            .unwrap_err()
            .to_string()
    };
    let err = err_of(&[("HAVEN__IDENTITY__REFRESH_IDLE_TTL_S", "0")]);
    assert!(err.contains("identity.refresh_idle_ttl_s"), "{err}");
    let err = err_of(&[
        ("HAVEN__IDENTITY__REFRESH_IDLE_TTL_S", "7200"),
        ("HAVEN__IDENTITY__SESSION_MAX_AGE_S", "3600"),
    ]);
    assert!(
        err.contains("must not exceed identity.session_max_age_s"),
        "{err}"
    );
    let err = err_of(&[("HAVEN__IDENTITY__REFRESH_REUSE_GRACE_S", "3600")]);
    assert!(err.contains("identity.refresh_reuse_grace_s"), "{err}");
    let err = err_of(&[("HAVEN__IDENTITY__LOCKOUT_THRESHOLD", "0")]);
    assert!(err.contains("identity.lockout_threshold"), "{err}");

    let s = Settings::load_from(
        None,
        env(&[
            ("HAVEN__IDENTITY__REFRESH_REUSE_GRACE_S", "0"),
            ("HAVEN__IDENTITY__LOCKOUT_WINDOW_S", "60"),
        ]),
    )
    .unwrap();
    assert_eq!(s.identity.refresh_reuse_grace_s, 0);
    assert_eq!(s.identity.lockout_window_s, 60);
    assert_eq!(s.identity.session_max_age_s, 90 * 86_400, "the default");
}

#[test]
fn trusted_proxies_must_be_addresses_or_networks() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("haven.toml");
    std::fs::write(
        &file,
        "[server]\ntrusted_proxies = [\"10.0.0.0/8\", \"lb.internal\"]\n",
    )
    .unwrap();
    let err = Settings::load_from(Some(&file), env(&[]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("server.trusted_proxies") && err.contains("lb.internal"),
        "{err}"
    );
    std::fs::write(
        &file,
        "[server]\ntrusted_proxies = [\"10.0.0.0/8\", \"192.0.2.1\"]\n",
    )
    .unwrap();
    let s = Settings::load_from(Some(&file), env(&[])).unwrap();
    assert_eq!(s.server.trusted_proxies.len(), 2);
}

#[test]
fn media_signing_keys_load_from_a_file_table_or_the_environment() {
    let a = "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE="; // 32 × b'a'
    let b = "bW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW0="; // 32 × b'm'

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("haven.toml");
    std::fs::write(
        &file,
        format!("[[content.media.signing_keys]]\nid = \"k1\"\nsecret = \"{a}\"\n"),
    )
    .unwrap();
    let from_file = Settings::load_from(Some(&file), env(&[])).unwrap();
    assert_eq!(from_file.content.media.signing_keys[0].id, "k1");
    assert_eq!(from_file.content.media.signing_keys[0].secret.expose(), a);

    let keys = format!("k2:{b},k1:{a}");
    let from_env = Settings::load_from(
        Some(&file),
        env(&[("HAVEN__CONTENT__MEDIA__SIGNING_KEYS", keys.as_str())]),
    )
    .unwrap();
    let ids: Vec<_> = from_env
        .content
        .media
        .signing_keys
        .iter()
        .map(|k| k.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["k2", "k1"],
        "the environment replaces the file's list, first signs"
    );
    assert_eq!(
        from_env.content.media.decoded_signing_keys().unwrap()[0].1,
        vec![0x6d; 32]
    );

    let err = Settings::load_from(
        None,
        env(&[("HAVEN__CONTENT__MEDIA__SIGNING_KEYS", "no-separator")]),
    )
    .unwrap_err();
    assert!(err.to_string().contains("id:base64-secret"), "{err}");
    assert!(
        !format!("{from_env:?}").contains(b),
        "secrets stay redacted"
    );
}

#[test]
fn note_master_keys_come_from_the_environment_are_32_bytes_and_redacted() {
    let a = "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE="; // 32 × b'a'
    let b = "bW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW0="; // 32 × b'm'
    let keys = format!("n2:{b},n1:{a}");
    let s = Settings::load_from(
        None,
        env(&[("HAVEN__CARE__NOTES__MASTER_KEYS", keys.as_str())]),
    )
    .unwrap();
    let decoded = s.care.notes.decoded_master_keys().unwrap();
    assert_eq!(
        decoded[0],
        ("n2".to_owned(), vec![0x6d; 32]),
        "the first wraps"
    );
    assert_eq!(decoded[1].0, "n1");
    assert!(
        !s.redacted_toml().unwrap().contains(b),
        "secrets stay redacted"
    );
    assert!(!format!("{s:?}").contains(a));

    // AES-256 needs exactly 32 bytes: 48 bytes (valid for media URLs) is refused.
    let long = "n1:YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh";
    let err =
        Settings::load_from(None, env(&[("HAVEN__CARE__NOTES__MASTER_KEYS", long)])).unwrap_err();
    assert!(err.to_string().contains("care.notes.master_keys"), "{err}");
    assert!(err.to_string().contains("32 bytes"), "{err}");
    assert!(
        !s.care.notes.member_access,
        "members read notes only when allowed"
    );
}

#[test]
fn crisis_resources_need_a_fallback_for_every_other_country() {
    let s = Settings::load_from(None, env(&[])).unwrap();
    assert!(s.care.crisis_resources.iter().any(|r| r.country == "*"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("haven.toml");
    std::fs::write(
        &file,
        "[[care.crisis_resources]]\ncountry = \"US\"\nname = \"988\"\nphone = \"988\"\n",
    )
    .unwrap();
    let err = Settings::load_from(Some(&file), env(&[])).unwrap_err();
    assert!(err.to_string().contains("care.crisis_resources"), "{err}");
}
