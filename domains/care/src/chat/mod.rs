//! Coaching chat (issue 15 point 3): one thread per member–provider pair (a coach the
//! member is entitled to, or a clinician already on their care team), messages with a
//! client-generated id (a resend is found, never stored twice) and a per-thread sequence
//! number, read markers and unread counts per participant, and live delivery by
//! Server-Sent Events that works across nodes.
//!
//! Live delivery: a post commits, then [`bus::ChatHub`] tells the node's local streams of
//! the thread (tokio broadcast) and, with `care.chat.bus = "redis"`, every other node
//! through Redis pub/sub (one subscription per thread with local streams, not per
//! stream). Redis carries only `(thread, seq)`, never a body; a stream that learns of a
//! seq it has not seen reads what it missed from the database. A stream subscribes before
//! it reads its backlog and deduplicates by seq, so resuming with `Last-Event-ID` has no
//! gap and no duplicate; after a Redis reconnect every local stream catches up from the
//! database, so a missed publish cannot lose a message. An idle stream holds no database
//! connection: it waits on its broadcast receiver only.
//!
//! Health data: only the two participants read or post (anyone else is `404`, audited as
//! denied); every post, history read, read marker and stream open writes a PHI audit row
//! (one per stream open, not per delivered message); bodies are never logged.

pub mod api;
pub mod bus;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
pub mod stream;
