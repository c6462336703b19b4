//! Logs, metrics and traces (docs/architecture.md "Observability").

pub mod logging;
pub mod metrics;
pub mod trace_context;

pub use logging::{TelemetryGuard, init};

/// Version and commit of the running binary, from build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct BuildInfo {
    /// Crate version of the binary.
    pub version: &'static str,
    /// Short git commit the binary was built from, or `unknown`.
    pub commit: &'static str,
}
