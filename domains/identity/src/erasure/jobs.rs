//! The job that erases a member from one module.

use futures_util::future::BoxFuture;
use haven_platform::jobs::{Job, JobHandler};

use super::service::{ERASE_JOB, EraseJob};
use crate::service::IdentityService;

/// Runs one module's erasure step ([`ERASE_JOB`]).
#[derive(Debug)]
pub struct EraseUserFromModule(pub IdentityService);

impl JobHandler for EraseUserFromModule {
    fn kind(&self) -> &'static str {
        ERASE_JOB
    }

    fn run<'a>(&'a self, job: &'a Job) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let payload: EraseJob = serde_json::from_value(job.payload.clone())?;
            self.0
                .run_erasure_step(&payload.user_id, &payload.module)
                .await
        })
    }
}
