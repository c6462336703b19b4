//! Outside services some tests need (PostgreSQL, Redis, the SMTP catcher). Outside `CI`
//! a test without its service is skipped with a note; under `CI` (the variable set to
//! anything non-empty) the missing variable fails the test, so a misconfigured pipeline
//! cannot turn a test into a silent pass.

/// An outside service a test needs, named by the environment variable holding its URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// A PostgreSQL admin URL (`HAVEN_TEST_POSTGRES_URL`).
    Postgres,
    /// A Redis URL (`HAVEN_TEST_REDIS_URL`).
    Redis,
    /// The SMTP catcher's `smtp://host:port` (`HAVEN_TEST_SMTP_URL`).
    Smtp,
}

impl Service {
    /// The environment variable that holds the service's URL.
    pub const fn env_var(self) -> &'static str {
        match self {
            Self::Postgres => super::POSTGRES_ENV,
            Self::Redis => "HAVEN_TEST_REDIS_URL",
            Self::Smtp => "HAVEN_TEST_SMTP_URL",
        }
    }
}

/// Whether the tests run under CI (`CI` set and non-empty), where every service is required.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty())
}

/// The service's URL from its environment variable. Unset or empty: `None` with a note on
/// stderr, or a panic naming the variable under `CI`. Use it as
/// `let Some(url) = require_service(Service::Redis) else { return };`.
pub fn require_service(service: Service) -> Option<String> {
    let var = service.env_var();
    if let Some(url) = std::env::var(var).ok().filter(|v| !v.is_empty()) {
        return Some(url);
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("this test")
        .to_owned();
    assert!(
        !in_ci(),
        "{test} needs {service:?}: set {var} (under CI a missing service fails the test \
         instead of skipping it)"
    );
    eprintln!("{test}: skipped, {var} is not set");
    None
}
