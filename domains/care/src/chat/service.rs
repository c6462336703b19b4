//! Chat use-cases. Every access of a thread re-checks, inside its transaction, that the
//! caller is the participant they claim to be, and writes its PHI audit row there (a
//! post with its message, a read before it answers).

use haven_platform::auth::Principal;
use haven_platform::db::unique_violation;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{DbError, Unexpected};

use super::error::{ChatError, OpenThreadError, PostError};
use super::model::{MessageId, Side, ThreadId, claimed_actor, valid_body};
use super::repo::{self, MessageRow, ThreadRow};
use super::stream::Tail;
use crate::appointments::repo as team;
use crate::audit::model::{Access, Action, Actor, Resource};
use crate::audit::repo as audit;
use crate::error::Problems;
use crate::ports::Benefit;
use crate::providers::model::{ProviderId, ProviderType};
use crate::providers::repo as providers;
use crate::service::CareService;

/// A thread with what its participant sees of it.
#[derive(Debug, Clone)]
pub struct ThreadSummary {
    /// The thread.
    pub thread: ThreadRow,
    /// The side of the participant it is for.
    pub side: Side,
    /// Messages from the other participant after their read marker.
    pub unread: i64,
    /// The newest message.
    pub last_message: Option<MessageRow>,
}

/// How many times a write that lost a unique-key race is run again (it then finds the
/// winner's row).
const RACE_RETRIES: usize = 3;

/// A write's outcome when it lost a race on a unique key, or failed.
enum Attempt<E> {
    Failed(E),
    Raced,
}

impl<E: From<DbError>> From<DbError> for Attempt<E> {
    fn from(e: DbError) -> Self {
        Self::Failed(E::from(e))
    }
}

impl<E: From<DbError>> From<diesel::result::Error> for Attempt<E> {
    fn from(e: diesel::result::Error) -> Self {
        Self::Failed(E::from(DbError::Query(e)))
    }
}

fn summary(
    conn: &mut haven_platform::AnyConnection,
    thread: ThreadRow,
    side: Side,
) -> diesel::QueryResult<ThreadSummary> {
    let me = thread.user_of(side);
    let unread = repo::unread(conn, &thread.id, &me, thread.read_seq(side))?;
    let last_message = if thread.last_seq > 0 {
        repo::at_seq(conn, &thread.id, thread.last_seq)?
    } else {
        None
    };
    Ok(ThreadSummary {
        thread,
        side,
        unread,
        last_message,
    })
}

/// The thread if `actor` is its participant on `side`.
fn participant(
    conn: &mut haven_platform::AnyConnection,
    thread: &ThreadId,
    actor: &Actor,
    side: Side,
) -> diesel::QueryResult<Option<ThreadRow>> {
    Ok(repo::find_thread(conn, thread)?.filter(|t| t.side_of(&actor.id) == Some(side)))
}

impl CareService {
    /// The member opens (or finds) their thread with a provider: a coach when their plan
    /// includes coaching (the coach joins their care team in the same transaction), a
    /// clinician only when already on their care team. `true` when it was created.
    #[tracing::instrument(skip_all, fields(user_id = %member, provider_id = %provider))]
    pub async fn open_thread(
        &self,
        member: UserId,
        provider: ProviderId,
    ) -> Result<(ThreadSummary, bool), OpenThreadError> {
        let found = self
            .db
            .read_primary(move |conn| providers::find(conn, &provider).map_err(DbError::from))
            .await?
            .ok_or(OpenThreadError::ProviderNotFound)?;
        let kind = ProviderType::parse(&found.provider_type)
            .ok_or_else(|| Unexpected::invariant("a provider of an unknown type"))?;
        if kind == ProviderType::Coach {
            let allowed = self
                .benefits
                .may_use(&member, Benefit::Coaching)
                .await
                .map_err(|e| Unexpected::new("care benefits port", e))?;
            if !allowed {
                return Err(OpenThreadError::NotEntitled);
            }
        }
        let provider_user = found.user_id;
        let actor = Actor::member(member);
        for _ in 0..RACE_RETRIES {
            let now = now_utc();
            let outcome = self
                .db
                .write(move |conn| {
                    if let Some(t) = repo::find_pair(conn, &member, &provider)? {
                        let read = Access::new(
                            actor,
                            Some(member),
                            Resource::ChatThread,
                            Some(t.id.to_string()),
                            Action::Read,
                        );
                        audit::record(conn, &read)?;
                        return Ok((summary(conn, t, Side::Member)?, false));
                    }
                    if kind == ProviderType::Coach {
                        team::join_team(conn, &member, &provider, now)?;
                    } else if !team::on_team(conn, &member, &provider)? {
                        return Err(Attempt::Failed(OpenThreadError::NotOnCareTeam));
                    }
                    let row = ThreadRow {
                        id: ThreadId::new(),
                        member_id: member,
                        provider_id: provider,
                        provider_user_id: provider_user,
                        last_seq: 0,
                        member_read_seq: 0,
                        provider_read_seq: 0,
                        last_message_at: None,
                        created_at: now,
                        updated_at: now,
                    };
                    if let Err(e) = repo::insert_thread(conn, &row) {
                        return Err(match unique_violation(conn, &e) {
                            Some(_) => Attempt::Raced,
                            None => e.into(),
                        });
                    }
                    let created = Access::new(
                        actor,
                        Some(member),
                        Resource::ChatThread,
                        Some(row.id.to_string()),
                        Action::Create,
                    );
                    audit::record(conn, &created)?;
                    Ok((summary(conn, row, Side::Member)?, true))
                })
                .await;
            match outcome {
                Ok(done) => return Ok(done),
                Err(Attempt::Failed(e)) => return Err(e),
                Err(Attempt::Raced) => continue,
            }
        }
        Err(Unexpected::invariant("opening a chat thread kept racing").into())
    }

    /// The side `p` is on in `thread`. Anyone else (or an unknown thread) is
    /// `404 thread_not_found`, audited as denied.
    pub async fn chat_side(&self, p: &Principal, thread: ThreadId) -> Result<Side, ChatError> {
        let user = p.user_id;
        let found = self
            .db
            .read_primary(move |conn| repo::find_thread(conn, &thread).map_err(DbError::from))
            .await?;
        if let Some(side) = found.as_ref().and_then(|t| t.side_of(&user)) {
            return Ok(side);
        }
        let mut denied = Access::new(
            claimed_actor(p),
            None,
            Resource::ChatThread,
            Some(thread.to_string()),
            Action::Read,
        );
        if let Some(t) = found {
            denied = denied.subject(t.member_id);
        }
        self.audit_denied(denied).await?;
        Err(ChatError::ThreadNotFound)
    }

    /// The threads of `actor` on `side`, in id order after `after`, each with its unread
    /// count and newest message; one audit row per listed thread (each is a member's).
    pub async fn chat_threads(
        &self,
        actor: Actor,
        side: Side,
        after: Option<ThreadId>,
        limit: i64,
    ) -> Result<Vec<ThreadSummary>, ChatError> {
        self.db
            .write(move |conn| {
                let threads = repo::list(conn, &actor.id, side, after, limit)?;
                let mut out = Vec::with_capacity(threads.len());
                for t in threads {
                    let listed = Access::new(
                        actor,
                        Some(t.member_id),
                        Resource::ChatThread,
                        Some(t.id.to_string()),
                        Action::List,
                    );
                    audit::record(conn, &listed)?;
                    out.push(summary(conn, t, side)?);
                }
                Ok(out)
            })
            .await
    }

    /// Posts a message; a resend with the same `client_message_id` by the same sender
    /// answers the stored message (`false`). The seq is the thread's next, taken under the
    /// thread's row lock; the audit row commits with the message, which then goes to the
    /// thread's streams.
    #[tracing::instrument(skip_all, fields(thread_id = %thread, user_id = %actor.id))]
    pub async fn post_message(
        &self,
        actor: Actor,
        side: Side,
        thread: ThreadId,
        client_message_id: uuid::Uuid,
        body: String,
    ) -> Result<(MessageRow, bool), PostError> {
        if !valid_body(&body) {
            return Err(Problems::one(
                "body",
                "invalid",
                "Expected 1 to 4000 characters, not blank.",
            )
            .into());
        }
        if side == Side::Member {
            self.may_still_message(actor.id, thread).await?;
        }
        let client_id = client_message_id.hyphenated().to_string();
        for _ in 0..RACE_RETRIES {
            let (client_id, body) = (client_id.clone(), body.clone());
            let outcome = self
                .db
                .write(move |conn| {
                    let Some(t) = repo::lock_thread(conn, &thread)?
                        .filter(|t| t.side_of(&actor.id) == Some(side))
                    else {
                        return Err(Attempt::Failed(PostError::ThreadNotFound));
                    };
                    let access = |id: &MessageId, action| {
                        Access::new(
                            actor,
                            Some(t.member_id),
                            Resource::ChatMessage,
                            Some(id.to_string()),
                            action,
                        )
                    };
                    if let Some(m) = repo::find_by_client(conn, &thread, &actor.id, &client_id)? {
                        if m.body != body {
                            return Err(Attempt::Failed(PostError::ClientIdReused));
                        }
                        audit::record(conn, &access(&m.id, Action::Read))?;
                        return Ok((m, false));
                    }
                    let now = now_utc();
                    let row = MessageRow {
                        id: MessageId::new(),
                        thread_id: thread,
                        seq: t.last_seq + 1,
                        sender_id: actor.id,
                        sender_role: actor.role.as_str().to_owned(),
                        client_message_id: client_id,
                        body,
                        created_at: now,
                    };
                    if let Err(e) = repo::insert_message(conn, &row) {
                        return Err(match unique_violation(conn, &e) {
                            Some(_) => Attempt::Raced,
                            None => e.into(),
                        });
                    }
                    repo::advance(conn, &thread, row.seq, now)?;
                    audit::record(conn, &access(&row.id, Action::Create))?;
                    Ok((row, true))
                })
                .await;
            match outcome {
                Ok((row, created)) => {
                    if created {
                        self.chat.publish(row.clone());
                    }
                    return Ok((row, created));
                }
                Err(Attempt::Failed(e)) => return Err(e),
                Err(Attempt::Raced) => continue,
            }
        }
        Err(Unexpected::invariant("posting a chat message kept racing").into())
    }

    /// A member may write to a coach only while their plan includes coaching (a lapsed
    /// plan keeps the thread readable); clinician threads belong to the care they
    /// receive and stay open.
    async fn may_still_message(&self, member: UserId, thread: ThreadId) -> Result<(), PostError> {
        let coach = self
            .db
            .read_primary(move |conn| {
                let Some(t) = repo::find_thread(conn, &thread)? else {
                    return Ok::<_, DbError>(false);
                };
                let kind = providers::find(conn, &t.provider_id)?.map(|p| p.provider_type);
                Ok(kind.as_deref() == Some(ProviderType::Coach.as_str()))
            })
            .await?;
        if !coach {
            return Ok(());
        }
        let allowed = self
            .benefits
            .may_use(&member, Benefit::Coaching)
            .await
            .map_err(|e| Unexpected::new("care benefits port", e))?;
        if allowed {
            Ok(())
        } else {
            Err(PostError::NotEntitled)
        }
    }

    /// A page of the thread's messages before `before` (from the newest), newest first;
    /// audited as one list.
    pub async fn chat_history(
        &self,
        actor: Actor,
        side: Side,
        thread: ThreadId,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<MessageRow>, ChatError> {
        self.db
            .write(move |conn| {
                let Some(t) = participant(conn, &thread, &actor, side)? else {
                    return Err(ChatError::ThreadNotFound);
                };
                let listed = Access::new(
                    actor,
                    Some(t.member_id),
                    Resource::ChatMessage,
                    Some(thread.to_string()),
                    Action::List,
                );
                audit::record(conn, &listed)?;
                Ok(repo::before(conn, &thread, before, limit)?)
            })
            .await
    }

    /// Moves the caller's read marker forward to `up_to` (at most the newest message);
    /// the marker and the unread count after it.
    pub async fn mark_chat_read(
        &self,
        actor: Actor,
        side: Side,
        thread: ThreadId,
        up_to: i64,
    ) -> Result<(i64, i64), ChatError> {
        self.db
            .write(move |conn| {
                let Some(t) = participant(conn, &thread, &actor, side)? else {
                    return Err(ChatError::ThreadNotFound);
                };
                let target = up_to.clamp(0, t.last_seq);
                repo::mark_read(conn, &thread, side, target, now_utc())?;
                let marker = t.read_seq(side).max(target);
                let unread = repo::unread(conn, &thread, &actor.id, marker)?;
                let updated = Access::new(
                    actor,
                    Some(t.member_id),
                    Resource::ChatThread,
                    Some(thread.to_string()),
                    Action::Update,
                );
                audit::record(conn, &updated)?;
                Ok((marker, unread))
            })
            .await
    }

    /// Opens a live stream of the thread's messages after `last_seen` (the newest when
    /// `None`), ending at `until` (the token's expiry: the client reconnects with a fresh
    /// token and `Last-Event-ID`). Subscribes before it reads where the thread is, so
    /// nothing committed in between is missed; audited once.
    pub async fn open_chat_stream(
        &self,
        actor: Actor,
        side: Side,
        thread: ThreadId,
        last_seen: Option<i64>,
        until: tokio::time::Instant,
    ) -> Result<Tail, ChatError> {
        let subscription = self.chat.subscribe(thread).await;
        let last_seq = self
            .db
            .write(move |conn| {
                let Some(t) = participant(conn, &thread, &actor, side)? else {
                    return Err(ChatError::ThreadNotFound);
                };
                let opened = Access::new(
                    actor,
                    Some(t.member_id),
                    Resource::ChatMessage,
                    Some(thread.to_string()),
                    Action::Stream,
                );
                audit::record(conn, &opened)?;
                Ok(t.last_seq)
            })
            .await?;
        let start = last_seen.map_or(last_seq, |s| s.clamp(0, last_seq));
        Ok(Tail::new(
            self.db.clone(),
            thread,
            start,
            start < last_seq,
            subscription,
            until,
            self.chat.clone(),
        ))
    }
}
