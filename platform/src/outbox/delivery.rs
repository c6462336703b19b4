//! Fan-out of events into delivery jobs, and the job that delivers one event to one
//! handler.

use std::sync::Arc;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use futures_util::future::BoxFuture;
use serde::{Deserialize, Serialize};

use super::repo;
use crate::db::{AnyConnection, Db, DbError};
use crate::jobs::{self, Job, JobHandler, NewJob, Registry};
use crate::schema::platform_jobs as job_rows;

/// Job kind of one event delivered to one handler.
pub(crate) const DELIVERY_KIND: &str = "platform.deliver_event";

#[derive(Debug, Serialize, Deserialize)]
struct DeliveryPayload {
    event_id: String,
    handler: String,
}

/// Claims up to `limit` undispatched events and enqueues one delivery per subscribed
/// handler, atomically: an event is marked dispatched only with its deliveries.
pub(crate) fn dispatch_batch(
    conn: &mut AnyConnection,
    registry: &Registry,
    limit: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    conn.transaction(|conn| {
        let claimed = repo::claim(conn, limit, now)?;
        for event in &claimed {
            for handler in registry.subscribers(&event.event_type) {
                let payload = DeliveryPayload {
                    event_id: event.id.clone(),
                    handler: (*handler).to_owned(),
                };
                let job = NewJob::new(DELIVERY_KIND, &payload)
                    .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
                jobs::enqueue(conn, job)?;
            }
        }
        Ok(claimed.len())
    })
}

/// Events not yet handled by every subscriber (undispatched events plus open deliveries)
/// and when the oldest of them occurred or was fanned out.
pub(crate) fn outbox_stats(conn: &mut AnyConnection) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    let (events, oldest_event) = repo::undispatched(conn)?;
    let (deliveries, oldest_delivery): (i64, Option<NaiveDateTime>) = job_rows::table
        .filter(job_rows::kind.eq(DELIVERY_KIND))
        .filter(job_rows::state.eq_any(["pending", "running"]))
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::min(job_rows::created_at),
        ))
        .first(conn)?;
    let oldest = match (oldest_event, oldest_delivery) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    Ok((events + deliveries, oldest))
}

/// The job handler of [`DELIVERY_KIND`].
pub(crate) struct Delivery {
    pub db: Db,
    pub registry: Arc<Registry>,
}

impl JobHandler for Delivery {
    fn kind(&self) -> &'static str {
        DELIVERY_KIND
    }

    fn run<'a>(&'a self, job: &'a Job) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let payload: DeliveryPayload = serde_json::from_value(job.payload.clone())?;
            let Some(handler) = self
                .registry
                .handlers
                .get(payload.handler.as_str())
                .cloned()
            else {
                anyhow::bail!("no event handler named {} on this node", payload.handler);
            };
            let (event_id, name) = (payload.event_id.clone(), payload.handler.clone());
            let event = self
                .db
                .run(move |conn| -> Result<_, DbError> {
                    if repo::is_handled(conn, &name, &event_id)? {
                        return Ok(None);
                    }
                    Ok(repo::find(conn, &event_id)?)
                })
                .await?;
            let Some(event) = event else {
                // Already handled (a redelivery), or the event row is gone: nothing to do.
                return Ok(());
            };
            handler.handle(&event).await?;
            let (event_id, name) = (payload.event_id, payload.handler);
            self.db
                .run(move |conn| {
                    repo::mark_handled(conn, &name, &event_id, crate::time::now_utc())
                        .map_err(DbError::from)
                })
                .await?;
            Ok(())
        })
    }
}
