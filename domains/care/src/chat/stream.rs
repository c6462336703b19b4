//! [`Tail`]: one SSE stream's view of a thread. It waits on its thread's local channel
//! (no database connection while idle) and reads the database only to catch up: the
//! backlog after `Last-Event-ID`, a seq it learned of but was not handed, a lagging
//! channel, a Redis reconnect. Every message it yields has a higher seq than the one
//! before, so a message is never sent twice and, since each catch-up reads everything
//! after the last sent seq, never skipped.

use std::collections::VecDeque;

use futures_util::Stream;
use haven_platform::{Db, DbError};
use tokio::sync::broadcast::error::RecvError;

use super::bus::{ChatHub, Signal, Subscription};
use super::model::{CATCH_UP_BATCH, ThreadId};
use super::repo::{self, MessageRow};

/// A thread's live messages after a seq.
#[derive(Debug)]
pub struct Tail {
    db: Db,
    thread: ThreadId,
    last: i64,
    catch_up: bool,
    pending: VecDeque<MessageRow>,
    subscription: Subscription,
    until: tokio::time::Instant,
    hub: ChatHub,
    drain_check: tokio::time::Interval,
}

/// How often a stream looks whether its node is draining.
const DRAIN_CHECK: std::time::Duration = std::time::Duration::from_secs(1);

impl Tail {
    /// Messages of `thread` after `last`, ending at `until`; `catch_up` when the
    /// database already holds some.
    pub(crate) fn new(
        db: Db,
        thread: ThreadId,
        last: i64,
        catch_up: bool,
        subscription: Subscription,
        until: tokio::time::Instant,
        hub: ChatHub,
    ) -> Self {
        let mut drain_check = tokio::time::interval(DRAIN_CHECK);
        drain_check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        Self {
            hub,
            drain_check,
            db,
            thread,
            last,
            catch_up,
            pending: VecDeque::new(),
            subscription,
            until,
        }
    }

    /// The messages as a stream (ends at `until`, when the node starts draining, or when
    /// a catch-up read fails: the client resumes with `Last-Event-ID`).
    pub fn into_stream(self) -> impl Stream<Item = MessageRow> + Send + 'static {
        futures_util::stream::unfold(self, |mut tail| async move {
            tail.next().await.map(|m| (m, tail))
        })
    }

    async fn next(&mut self) -> Option<MessageRow> {
        loop {
            while let Some(m) = self.pending.pop_front() {
                if m.seq > self.last {
                    self.last = m.seq;
                    return Some(m);
                }
            }
            if self.catch_up {
                let (thread, after) = (self.thread, self.last);
                let read = self
                    .db
                    .read_primary(move |conn| {
                        repo::after(conn, &thread, after, CATCH_UP_BATCH).map_err(DbError::from)
                    })
                    .await;
                match read {
                    Ok(rows) => {
                        self.catch_up = rows.len() as i64 == CATCH_UP_BATCH;
                        self.pending.extend(rows);
                        continue;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, thread_id = %self.thread, "chat stream: catch-up read failed; closing the stream");
                        return None;
                    }
                }
            }
            let signal = tokio::select! {
                () = tokio::time::sleep_until(self.until) => return None,
                _ = self.drain_check.tick() => {
                    if self.hub.draining() {
                        return None;
                    }
                    continue;
                }
                s = self.subscription.rx.recv() => s,
            };
            match signal {
                Ok(Signal::Message(m)) if m.seq == self.last + 1 => {
                    self.pending.push_back((*m).clone());
                }
                Ok(Signal::Message(m)) => self.catch_up = m.seq > self.last,
                Ok(Signal::Posted(seq)) => self.catch_up = seq > self.last,
                Ok(Signal::Resync) | Err(RecvError::Lagged(_)) => self.catch_up = true,
                Err(RecvError::Closed) => return None,
            }
        }
    }
}
