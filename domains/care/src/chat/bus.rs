//! [`ChatHub`]: how a committed message reaches the SSE streams of its thread, on this
//! node and on the others.
//!
//! Each node keeps one tokio broadcast channel per thread that has local streams
//! (created by the first, removed with the last). A post on this node signals it with
//! the message itself. With `care.chat.bus = "redis"` it also publishes `seq` on the
//! thread's channel (`haven:chat:{thread}`); the node's one pub/sub connection
//! subscribes to the channels of the threads it has streams for and signals their local
//! channel, and a stream that learns of an unseen seq reads it from the database (Redis
//! never carries a body). When that connection is lost the node reconnects with backoff,
//! resubscribes, and tells every local stream to catch up from the database, so a
//! publish missed meanwhile loses nothing.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use ::redis::aio::{ConnectionManager, ConnectionManagerConfig, PubSubSink};
use futures_util::StreamExt;
use haven_platform::config::{ChatBus, Settings};
use haven_platform::health::Health;
use tokio::sync::{OnceCell, broadcast};

use super::model::ThreadId;
use super::repo::MessageRow;

/// Signals a thread's local channel holds.
const LOCAL_CAPACITY: usize = 64;
/// Longest a Redis call (connect, subscribe, publish) waits.
const REDIS_TIMEOUT: Duration = Duration::from_secs(2);
/// How often the pub/sub connection is pinged (a silent dead connection is found within
/// this plus [`REDIS_TIMEOUT`]).
const PING_EVERY: Duration = Duration::from_secs(5);
/// First and longest wait between reconnects.
const BACKOFF: (Duration, Duration) = (Duration::from_millis(100), Duration::from_secs(5));
/// Tries of one publish.
const PUBLISH_TRIES: u32 = 3;
/// Prefix of a thread's channel.
const CHANNEL_PREFIX: &str = "haven:chat:";

/// What a local stream is told.
#[derive(Debug, Clone)]
pub enum Signal {
    /// A message committed on this node.
    Message(Arc<MessageRow>),
    /// A message with this seq committed somewhere (read it from the database).
    Posted(i64),
    /// Anything may have been missed: catch up from the database.
    Resync,
}

/// The node's chat fan-out; cheap to clone.
#[derive(Clone)]
pub struct ChatHub {
    inner: Arc<Inner>,
}

struct Inner {
    local: Mutex<HashMap<ThreadId, Local>>,
    redis: Option<RedisBus>,
    health: Health,
}

struct Local {
    tx: broadcast::Sender<Signal>,
    streams: usize,
}

struct RedisBus {
    client: ::redis::Client,
    publisher: OnceCell<ConnectionManager>,
    /// The live pub/sub connection's command half; `None` while reconnecting.
    sink: Mutex<Option<PubSubSink>>,
    /// Subscribed and caught up on the current connection.
    connected: std::sync::atomic::AtomicBool,
    listening: std::sync::Once,
}

impl std::fmt::Debug for ChatHub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChatHub")
            .field("redis", &self.inner.redis.is_some())
            .finish_non_exhaustive()
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // The maps stay consistent under every panic point (each critical section is a
    // single insert, remove or counter change), so a poisoned lock is still usable.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn channel(thread: &ThreadId) -> String {
    format!("{CHANNEL_PREFIX}{thread}")
}

/// A local stream's place on its thread's channel; leaving is dropping it.
#[derive(Debug)]
pub struct Subscription {
    hub: ChatHub,
    thread: ThreadId,
    /// The signals.
    pub rx: broadcast::Receiver<Signal>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        metrics::gauge!("care_chat_streams").decrement(1.0);
        self.hub.leave(self.thread);
    }
}

impl ChatHub {
    /// The hub `settings` ask for (`care.chat.bus`: `auto` is Redis when `redis.url` is
    /// set; settings validation makes `redis` come with `redis.url`). Connects on first
    /// use, never here.
    pub fn new(settings: &Settings, health: Health) -> Self {
        let redis = match (settings.care.chat.bus, &settings.redis.url) {
            (ChatBus::Redis | ChatBus::Auto, Some(url)) => {
                match ::redis::Client::open(url.as_str()) {
                    Ok(client) => Some(RedisBus {
                        client,
                        publisher: OnceCell::new(),
                        sink: Mutex::new(None),
                        connected: std::sync::atomic::AtomicBool::new(false),
                        listening: std::sync::Once::new(),
                    }),
                    Err(e) => {
                        tracing::error!(error = %e, "care.chat.bus: redis.url is unusable; chat delivery stays on this node");
                        None
                    }
                }
            }
            (ChatBus::Redis, None) => {
                tracing::error!(
                    "care.chat.bus = \"redis\" without redis.url; chat delivery stays on this node"
                );
                None
            }
            (ChatBus::InProcess | ChatBus::Auto, _) => None,
        };
        Self {
            inner: Arc::new(Inner {
                local: Mutex::new(HashMap::new()),
                redis,
                health,
            }),
        }
    }

    /// Joins the thread's local channel and, with Redis, makes sure this node receives
    /// the thread's publishes before returning (so a backlog read after it misses
    /// nothing). If Redis does not answer, the stream still works locally and catches up
    /// when the connection is back.
    pub async fn subscribe(&self, thread: ThreadId) -> Subscription {
        let rx = {
            let mut local = lock(&self.inner.local);
            let entry = local.entry(thread).or_insert_with(|| Local {
                tx: broadcast::channel(LOCAL_CAPACITY).0,
                streams: 0,
            });
            entry.streams += 1;
            entry.tx.subscribe()
        };
        metrics::gauge!("care_chat_streams").increment(1.0);
        let sub = Subscription {
            hub: self.clone(),
            thread,
            rx,
        };
        if let Some(redis) = &self.inner.redis {
            self.listen();
            let sink = lock(&redis.sink).clone();
            if let Some(mut sink) = sink {
                match tokio::time::timeout(REDIS_TIMEOUT, sink.subscribe(channel(&thread))).await {
                    Ok(Ok(())) => {}
                    // The listener resubscribes and resyncs when it reconnects.
                    Ok(Err(e)) => tracing::warn!(error = %e, "chat bus: subscribe failed"),
                    Err(_) => tracing::warn!("chat bus: subscribe timed out"),
                }
            }
        }
        sub
    }

    /// Tells every stream of the thread, here and (with Redis) on the other nodes, that
    /// `message` committed. Call after the commit. A failed publish is retried a few times
    /// and then logged: remote streams still get the message with the thread's next one,
    /// or when their node reconnects to Redis.
    pub fn publish(&self, message: MessageRow) {
        let (thread, seq) = (message.thread_id, message.seq);
        self.signal(&thread, Signal::Message(Arc::new(message)));
        if self.inner.redis.is_some() {
            let hub = self.clone();
            tokio::spawn(async move { hub.publish_remote(thread, seq).await });
        }
    }

    /// Whether this node's pub/sub connection to Redis is up, subscribed and caught up
    /// (always `false` in process).
    pub fn redis_connected(&self) -> bool {
        self.inner
            .redis
            .as_ref()
            .is_some_and(|r| r.connected.load(std::sync::atomic::Ordering::Acquire))
    }

    /// Whether the node is shutting down (its streams end so clients reconnect to
    /// another node instead of holding the shutdown until its grace period ends).
    pub fn draining(&self) -> bool {
        self.inner.health.is_draining()
    }

    /// Local streams right now (metrics, tests).
    pub fn local_streams(&self) -> usize {
        lock(&self.inner.local).values().map(|l| l.streams).sum()
    }

    fn signal(&self, thread: &ThreadId, signal: Signal) {
        if let Some(l) = lock(&self.inner.local).get(thread) {
            // No receiver left is fine: the last stream is leaving.
            let _ = l.tx.send(signal);
        }
    }

    fn resync_all(&self) {
        for l in lock(&self.inner.local).values() {
            let _ = l.tx.send(Signal::Resync);
        }
    }

    fn has_local(&self, thread: &ThreadId) -> bool {
        lock(&self.inner.local).contains_key(thread)
    }

    fn leave(&self, thread: ThreadId) {
        let last = {
            let mut local = lock(&self.inner.local);
            match local.get_mut(&thread) {
                Some(l) if l.streams > 1 => {
                    l.streams -= 1;
                    false
                }
                Some(_) => {
                    local.remove(&thread);
                    true
                }
                None => false,
            }
        };
        if last && self.inner.redis.is_some() {
            let Ok(rt) = tokio::runtime::Handle::try_current() else {
                return;
            };
            let hub = self.clone();
            rt.spawn(async move { hub.unsubscribe(thread).await });
        }
    }

    /// Drops the node's subscription of a thread whose last local stream left. A stream
    /// that arrived meanwhile may have subscribed before this unsubscribe reached Redis,
    /// so afterwards the thread is subscribed again if it has streams, and they catch up.
    async fn unsubscribe(&self, thread: ThreadId) {
        let Some(redis) = &self.inner.redis else {
            return;
        };
        let Some(mut sink) = lock(&redis.sink).clone() else {
            return;
        };
        let ch = channel(&thread);
        let _ = tokio::time::timeout(REDIS_TIMEOUT, sink.unsubscribe(&ch)).await;
        if self.has_local(&thread) {
            let again = tokio::time::timeout(REDIS_TIMEOUT, sink.subscribe(&ch)).await;
            if !matches!(again, Ok(Ok(()))) {
                tracing::warn!("chat bus: resubscribe failed");
            }
            self.signal(&thread, Signal::Resync);
        }
    }

    async fn publish_remote(&self, thread: ThreadId, seq: i64) {
        let Some(redis) = &self.inner.redis else {
            return;
        };
        let ch = channel(&thread);
        let mut wait = BACKOFF.0;
        for attempt in 1..=PUBLISH_TRIES {
            let sent = tokio::time::timeout(REDIS_TIMEOUT, async {
                let mut conn = redis
                    .publisher
                    .get_or_try_init(|| {
                        let config = ConnectionManagerConfig::new()
                            .set_connection_timeout(Some(REDIS_TIMEOUT))
                            .set_response_timeout(Some(REDIS_TIMEOUT));
                        ConnectionManager::new_with_config(redis.client.clone(), config)
                    })
                    .await?
                    .clone();
                ::redis::cmd("PUBLISH")
                    .arg(&ch)
                    .arg(seq)
                    .query_async::<i64>(&mut conn)
                    .await
            })
            .await;
            match sent {
                Ok(Ok(_)) => return,
                Ok(Err(e)) => tracing::warn!(error = %e, attempt, "chat bus: publish failed"),
                Err(_) => tracing::warn!(attempt, "chat bus: publish timed out"),
            }
            tokio::time::sleep(wait).await;
            wait *= 2;
        }
        metrics::counter!("care_chat_publish_failures_total").increment(1);
    }

    /// Starts the node's pub/sub listener once (on first use, inside the runtime).
    fn listen(&self) {
        let Some(redis) = &self.inner.redis else {
            return;
        };
        redis.listening.call_once(|| {
            let hub = self.clone();
            tokio::spawn(async move { hub.listen_forever().await });
        });
    }

    async fn listen_forever(self) {
        let Some(redis) = &self.inner.redis else {
            return;
        };
        let mut wait = BACKOFF.0;
        loop {
            match tokio::time::timeout(REDIS_TIMEOUT, redis.client.get_async_pubsub()).await {
                Ok(Ok(pubsub)) => {
                    wait = BACKOFF.0;
                    self.serve(pubsub).await;
                    redis
                        .connected
                        .store(false, std::sync::atomic::Ordering::Release);
                    tracing::warn!("chat bus: redis pub/sub connection lost; reconnecting");
                }
                Ok(Err(e)) => tracing::warn!(error = %e, "chat bus: cannot reach redis"),
                Err(_) => tracing::warn!("chat bus: connecting to redis timed out"),
            }
            *lock(&redis.sink) = None;
            tokio::time::sleep(wait).await;
            wait = (wait * 2).min(BACKOFF.1);
        }
    }

    /// Serves one pub/sub connection until it fails.
    async fn serve(&self, pubsub: ::redis::aio::PubSub) {
        let Some(redis) = &self.inner.redis else {
            return;
        };
        let (mut sink, mut messages) = pubsub.split();
        // Published before the snapshot below: a stream that subscribes from now on
        // either finds this sink or is in the snapshot.
        *lock(&redis.sink) = Some(sink.clone());
        let threads: Vec<String> = lock(&self.inner.local).keys().map(channel).collect();
        if !threads.is_empty() {
            match tokio::time::timeout(REDIS_TIMEOUT, sink.subscribe(threads)).await {
                Ok(Ok(())) => {}
                _ => return,
            }
        }
        // Whatever was published while this node was not listening is in the database.
        self.resync_all();
        redis
            .connected
            .store(true, std::sync::atomic::Ordering::Release);
        metrics::counter!("care_chat_bus_connects_total").increment(1);
        let mut ping = tokio::time::interval(PING_EVERY);
        ping.tick().await;
        loop {
            tokio::select! {
                msg = messages.next() => {
                    let Some(msg) = msg else { return };
                    let thread = msg
                        .get_channel_name()
                        .strip_prefix(CHANNEL_PREFIX)
                        .and_then(|t| t.parse::<ThreadId>().ok());
                    let seq = msg.get_payload::<i64>().ok();
                    if let (Some(thread), Some(seq)) = (thread, seq) {
                        self.signal(&thread, Signal::Posted(seq));
                    }
                }
                _ = ping.tick() => {
                    let pong = tokio::time::timeout(REDIS_TIMEOUT, sink.ping::<String>()).await;
                    if !matches!(pong, Ok(Ok(_))) {
                        return;
                    }
                }
            }
        }
    }
}
