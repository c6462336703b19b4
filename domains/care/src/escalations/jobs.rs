//! The overdue alert: a recurring job that alerts every open escalation past its
//! deadline, once (claimed in the row, so N nodes alert once).

use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use haven_platform::jobs::{Job, JobHandler, Recurring};

use crate::service::CareService;

/// Alerts overdue escalations.
pub const ALERT_OVERDUE: &str = "care.alert_overdue_escalations";

/// The job's handler.
pub fn handlers(service: &CareService) -> Vec<Arc<dyn JobHandler>> {
    vec![Arc::new(Handler(service.clone()))]
}

/// Every minute: a deadline is missed by at most a minute before it is alerted.
pub fn recurring() -> Vec<Recurring> {
    vec![Recurring {
        name: ALERT_OVERDUE,
        every: Duration::from_secs(60),
        kind: ALERT_OVERDUE,
    }]
}

struct Handler(CareService);

impl JobHandler for Handler {
    fn kind(&self) -> &'static str {
        ALERT_OVERDUE
    }

    fn run<'a>(&'a self, _job: &'a Job) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            self.0.alert_overdue_escalations().await?;
            Ok(())
        })
    }
}
