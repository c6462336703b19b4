//! The job handlers of account export and erasure.

use futures_util::future::BoxFuture;
use haven_platform::jobs::{Job, JobHandler};

use super::IdentityService;
use super::erasure::{ERASE_JOB, EraseJob};
use super::exports::{EXPORT_JOB, ExportJob, PURGE_EXPORTS_JOB};

/// Assembles an export ([`EXPORT_JOB`]).
#[derive(Debug)]
pub struct ExportUserData(pub IdentityService);

impl JobHandler for ExportUserData {
    fn kind(&self) -> &'static str {
        EXPORT_JOB
    }

    fn run<'a>(&'a self, job: &'a Job) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let payload: ExportJob = serde_json::from_value(job.payload.clone())?;
            self.0.assemble_export(&payload.export_id).await
        })
    }
}

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

/// Deletes expired exports ([`PURGE_EXPORTS_JOB`], hourly).
#[derive(Debug)]
pub struct PurgeExpiredExports(pub IdentityService);

impl JobHandler for PurgeExpiredExports {
    fn kind(&self) -> &'static str {
        PURGE_EXPORTS_JOB
    }

    fn run<'a>(&'a self, _job: &'a Job) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            self.0.purge_expired_exports().await?;
            Ok(())
        })
    }
}
