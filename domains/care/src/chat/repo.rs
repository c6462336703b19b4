//! Queries of `care_chat_threads` and `care_chat_messages`.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, select_for_update};

use super::model::{MessageId, Side, ThreadId};
use crate::providers::model::ProviderId;
use crate::schema::{care_chat_messages as m, care_chat_threads as t};

/// A row of `care_chat_threads`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = t)]
pub struct ThreadRow {
    /// The thread.
    pub id: ThreadId,
    /// The member.
    pub member_id: UserId,
    /// The provider profile.
    pub provider_id: ProviderId,
    /// The provider's account.
    pub provider_user_id: UserId,
    /// The newest message's seq (0: none).
    pub last_seq: i64,
    /// The member read up to here.
    pub member_read_seq: i64,
    /// The provider read up to here.
    pub provider_read_seq: i64,
    /// When the newest message was posted.
    pub last_message_at: Option<NaiveDateTime>,
    /// When the thread was opened.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
}

impl ThreadRow {
    /// The side `user` is on, if a participant.
    pub fn side_of(&self, user: &UserId) -> Option<Side> {
        if &self.member_id == user {
            Some(Side::Member)
        } else if &self.provider_user_id == user {
            Some(Side::Provider)
        } else {
            None
        }
    }

    /// The read marker of `side`.
    pub fn read_seq(&self, side: Side) -> i64 {
        match side {
            Side::Member => self.member_read_seq,
            Side::Provider => self.provider_read_seq,
        }
    }

    /// The account on `side`.
    pub fn user_of(&self, side: Side) -> UserId {
        match side {
            Side::Member => self.member_id,
            Side::Provider => self.provider_user_id,
        }
    }
}

/// A row of `care_chat_messages`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = m)]
pub struct MessageRow {
    /// The message.
    pub id: MessageId,
    /// Its thread.
    pub thread_id: ThreadId,
    /// Its position in the thread, from 1.
    pub seq: i64,
    /// Who wrote it.
    pub sender_id: UserId,
    /// `member`, `coach` or `clinician`.
    pub sender_role: String,
    /// The sender's id for it (a UUID), unique per sender and thread.
    pub client_message_id: String,
    /// The text (health data).
    pub body: String,
    /// When it was stored.
    pub created_at: NaiveDateTime,
}

/// Stores a thread.
pub fn insert_thread(conn: &mut AnyConnection, row: &ThreadRow) -> QueryResult<()> {
    diesel::insert_into(t::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// One thread.
pub fn find_thread(conn: &mut AnyConnection, id: &ThreadId) -> QueryResult<Option<ThreadRow>> {
    t::table
        .find(id)
        .select(ThreadRow::as_select())
        .first(conn)
        .optional()
}

/// One thread, locked until the transaction ends (posts to a thread take turns on it, so
/// each gets the next seq).
pub fn lock_thread(conn: &mut AnyConnection, id: &ThreadId) -> QueryResult<Option<ThreadRow>> {
    // All columns in table order (`as_select` would fix one backend for both arms).
    let query = t::table.find(id);
    select_for_update!(conn, query, |q, c| q.first::<ThreadRow>(c).optional())
}

/// The thread of a member–provider pair.
pub fn find_pair(
    conn: &mut AnyConnection,
    member: &UserId,
    provider: &ProviderId,
) -> QueryResult<Option<ThreadRow>> {
    t::table
        .filter(t::member_id.eq(member))
        .filter(t::provider_id.eq(provider))
        .select(ThreadRow::as_select())
        .first(conn)
        .optional()
}

/// Threads of `user` on `side`, in id order after `after`.
pub fn list(
    conn: &mut AnyConnection,
    user: &UserId,
    side: Side,
    after: Option<ThreadId>,
    limit: i64,
) -> QueryResult<Vec<ThreadRow>> {
    let mut q = t::table.select(ThreadRow::as_select()).into_boxed();
    q = match side {
        Side::Member => q.filter(t::member_id.eq(*user)),
        Side::Provider => q.filter(t::provider_user_id.eq(*user)),
    };
    if let Some(after) = after {
        q = q.filter(t::id.gt(after));
    }
    q.order(t::id.asc()).limit(limit).load(conn)
}

/// Records a new newest message on a locked thread.
pub fn advance(
    conn: &mut AnyConnection,
    id: &ThreadId,
    seq: i64,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(t::table.find(id))
        .set((
            t::last_seq.eq(seq),
            t::last_message_at.eq(at),
            t::updated_at.eq(at),
        ))
        .execute(conn)
        .map(drop)
}

/// Moves `side`'s read marker forward to `seq`; never backwards (the condition is in the
/// statement, so concurrent markers keep the highest).
pub fn mark_read(
    conn: &mut AnyConnection,
    id: &ThreadId,
    side: Side,
    seq: i64,
    at: NaiveDateTime,
) -> QueryResult<()> {
    let target = t::table.find(id);
    match side {
        Side::Member => diesel::update(target.filter(t::member_read_seq.lt(seq)))
            .set((t::member_read_seq.eq(seq), t::updated_at.eq(at)))
            .execute(conn),
        Side::Provider => diesel::update(target.filter(t::provider_read_seq.lt(seq)))
            .set((t::provider_read_seq.eq(seq), t::updated_at.eq(at)))
            .execute(conn),
    }
    .map(drop)
}

/// Stores a message.
pub fn insert_message(conn: &mut AnyConnection, row: &MessageRow) -> QueryResult<()> {
    diesel::insert_into(m::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The message `sender` sent with `client_id` in the thread, if any.
pub fn find_by_client(
    conn: &mut AnyConnection,
    thread: &ThreadId,
    sender: &UserId,
    client_id: &str,
) -> QueryResult<Option<MessageRow>> {
    m::table
        .filter(m::thread_id.eq(thread))
        .filter(m::sender_id.eq(sender))
        .filter(m::client_message_id.eq(client_id))
        .select(MessageRow::as_select())
        .first(conn)
        .optional()
}

/// Messages after `seq`, oldest first, at most `limit`.
pub fn after(
    conn: &mut AnyConnection,
    thread: &ThreadId,
    seq: i64,
    limit: i64,
) -> QueryResult<Vec<MessageRow>> {
    m::table
        .filter(m::thread_id.eq(thread))
        .filter(m::seq.gt(seq))
        .order(m::seq.asc())
        .limit(limit)
        .select(MessageRow::as_select())
        .load(conn)
}

/// Messages before `seq` (all when `None`), newest first, at most `limit`.
pub fn before(
    conn: &mut AnyConnection,
    thread: &ThreadId,
    seq: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<MessageRow>> {
    let mut q = m::table
        .filter(m::thread_id.eq(thread))
        .select(MessageRow::as_select())
        .into_boxed();
    if let Some(seq) = seq {
        q = q.filter(m::seq.lt(seq));
    }
    q.order(m::seq.desc()).limit(limit).load(conn)
}

/// The message at `seq`.
pub fn at_seq(
    conn: &mut AnyConnection,
    thread: &ThreadId,
    seq: i64,
) -> QueryResult<Option<MessageRow>> {
    m::table
        .filter(m::thread_id.eq(thread))
        .filter(m::seq.eq(seq))
        .select(MessageRow::as_select())
        .first(conn)
        .optional()
}

/// Messages after `seq` that `reader` did not write: what they have not read.
pub fn unread(
    conn: &mut AnyConnection,
    thread: &ThreadId,
    reader: &UserId,
    seq: i64,
) -> QueryResult<i64> {
    m::table
        .filter(m::thread_id.eq(thread))
        .filter(m::seq.gt(seq))
        .filter(m::sender_id.ne(reader))
        .count()
        .get_result(conn)
}

/// Every thread of the member (export and erasure).
pub fn all_of_member(conn: &mut AnyConnection, member: &UserId) -> QueryResult<Vec<ThreadRow>> {
    t::table
        .filter(t::member_id.eq(member))
        .order(t::id.asc())
        .select(ThreadRow::as_select())
        .load(conn)
}

/// Every message of a thread, oldest first (export).
pub fn all_of_thread(conn: &mut AnyConnection, thread: &ThreadId) -> QueryResult<Vec<MessageRow>> {
    m::table
        .filter(m::thread_id.eq(thread))
        .order(m::seq.asc())
        .select(MessageRow::as_select())
        .load(conn)
}

/// The member's chat for an export: each thread with its messages, as JSON.
pub fn export(conn: &mut AnyConnection, member: &UserId) -> QueryResult<serde_json::Value> {
    let mut threads = Vec::new();
    for t in all_of_member(conn, member)? {
        let messages: Vec<_> = all_of_thread(conn, &t.id)?
            .into_iter()
            .map(|m| {
                serde_json::json!({
                    "seq": m.seq,
                    "sender_role": m.sender_role,
                    "body": m.body,
                    "created_at": m.created_at.and_utc().to_rfc3339(),
                })
            })
            .collect();
        threads.push(serde_json::json!({
            "id": t.id.to_string(),
            "provider_id": t.provider_id.to_string(),
            "created_at": t.created_at.and_utc().to_rfc3339(),
            "messages": messages,
        }));
    }
    Ok(serde_json::Value::Array(threads))
}

/// Erases the member from their chat threads (see [`crate::privacy`] for why): with a
/// coach, the member's own messages are deleted and the coach's kept; with a clinician,
/// the thread is kept whole. Either way the thread's member becomes `pseudonym`.
pub fn erase(conn: &mut AnyConnection, member: &UserId, pseudonym: &UserId) -> QueryResult<()> {
    use crate::schema::care_providers as p;
    for t in all_of_member(conn, member)? {
        let kind: Option<String> = p::table
            .find(&t.provider_id)
            .select(p::provider_type)
            .first(conn)
            .optional()?;
        if kind.as_deref() == Some("coach") {
            diesel::delete(
                m::table
                    .filter(m::thread_id.eq(t.id))
                    .filter(m::sender_id.eq(member)),
            )
            .execute(conn)?;
        } else {
            diesel::update(
                m::table
                    .filter(m::thread_id.eq(t.id))
                    .filter(m::sender_id.eq(member)),
            )
            .set(m::sender_id.eq(pseudonym))
            .execute(conn)?;
        }
    }
    diesel::update(t::table.filter(t::member_id.eq(member)))
        .set(t::member_id.eq(pseudonym))
        .execute(conn)
        .map(drop)
}
