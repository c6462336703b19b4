//! The scheduled publish job: enqueued in the transaction that schedules it, run at the
//! scheduled instant by whichever node claims it.

use futures_util::future::BoxFuture;
use haven_platform::jobs::{Job, JobHandler};
use serde::{Deserialize, Serialize};

use super::model::ItemId;
use crate::service::ContentService;

/// The job kind.
pub const PUBLISH_SCHEDULED_JOB: &str = "content.publish_scheduled";

/// The job's payload: the item and the revision the schedule was made at.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScheduledPublish {
    /// The item.
    pub item_id: ItemId,
    /// The revision that scheduled it; a later schedule or a withdrawal supersedes it.
    pub revision: i64,
}

/// Runs [`ContentService::run_scheduled_publish`].
pub struct PublishScheduled(pub ContentService);

impl JobHandler for PublishScheduled {
    fn kind(&self) -> &'static str {
        PUBLISH_SCHEDULED_JOB
    }

    fn run<'a>(&'a self, job: &'a Job) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let payload: ScheduledPublish = serde_json::from_value(job.payload.clone())?;
            self.0.run_scheduled_publish(payload).await?;
            Ok(())
        })
    }
}
