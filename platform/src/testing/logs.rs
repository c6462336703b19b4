//! Every log line and span of the test process, captured at the most verbose level, so a
//! suite can prove that what it sent (health data, secrets) never reaches the logs.

use std::io;
use std::sync::{Arc, Mutex, OnceLock};

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::format::FmtSpan;

/// The process's captured logs (see [`capture`]).
#[derive(Debug, Clone, Default)]
pub struct LogCapture {
    lines: Arc<Mutex<Vec<u8>>>,
}

impl LogCapture {
    /// Everything logged so far, as text.
    pub fn text(&self) -> String {
        let lines = self.lines.lock().unwrap_or_else(|p| p.into_inner());
        String::from_utf8_lossy(&lines).into_owned()
    }

    /// The first of `needles` found in the logs.
    pub fn find_any<'a>(&self, needles: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
        let text = self.text();
        needles.into_iter().find(|n| text.contains(n))
    }
}

impl io::Write for LogCapture {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.lines
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for LogCapture {
    type Writer = LogCapture;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// Installs (once per process) a global subscriber that records every event and every
/// span with its fields at `TRACE`, and returns its capture.
///
/// # Panics
/// When another global subscriber was installed first: an empty capture would let a
/// "nothing leaked" assertion pass without looking.
pub fn capture() -> &'static LogCapture {
    static CAPTURE: OnceLock<LogCapture> = OnceLock::new();
    CAPTURE.get_or_init(|| {
        let capture = LogCapture::default();
        let installed = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(FmtSpan::NEW | FmtSpan::CLOSE)
            .with_ansi(false)
            .with_writer(capture.clone())
            .try_init();
        assert!(
            installed.is_ok(),
            "a global tracing subscriber was installed before the log capture"
        );
        capture
    })
}
