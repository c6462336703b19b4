//! The jobs that assemble an export and purge expired ones.

use futures_util::future::BoxFuture;
use haven_platform::jobs::{Job, JobHandler};

use super::service::{EXPORT_JOB, ExportJob, PURGE_EXPORTS_JOB};
use crate::service::IdentityService;

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
