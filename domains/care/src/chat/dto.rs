//! Wire types of the chat.

use haven_platform::http::text::Text;
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::repo::{MessageRow, ThreadRow};
use super::service::ThreadSummary;
use crate::providers::model::ProviderId;
use crate::rules::ChatBody;

/// Body of `POST /v1/care/me/chat/threads`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareOpenChatThread", deny_unknown_fields)]
pub struct OpenThreadDto {
    /// The coach (your plan must include coaching) or the clinician on your care team
    /// (`prv_…`).
    pub provider_id: ProviderId,
}

/// Body of `POST /v1/care/chat/threads/{thread_id}/messages`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CarePostChatMessage", deny_unknown_fields)]
pub struct PostMessageDto {
    /// Your id for this message, a UUID generated once and kept across retries: a resend
    /// with the same id answers the stored message (`200`) instead of a duplicate.
    pub client_message_id: uuid::Uuid,
    /// The text, 1–4000 characters, not blank.
    pub body: Text<ChatBody>,
}

/// Body of `POST /v1/care/chat/threads/{thread_id}/read`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareMarkChatRead", deny_unknown_fields)]
pub struct MarkReadDto {
    /// You have read every message up to this `seq`. A marker never moves backwards (a
    /// lower value changes nothing); a value past the newest message marks all read.
    #[oai(validator(minimum(value = "0")))]
    pub up_to_seq: i64,
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareChatSenderRole", rename_all = "snake_case")]
pub enum SenderRoleDto {
    /// The member.
    Member,
    /// Their coach.
    Coach,
    /// Their clinician.
    Clinician,
}

/// One message.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareChatMessage")]
pub struct MessageDto {
    /// The message (`chm_…`).
    pub id: String,
    /// Its thread (`cht_…`).
    pub thread_id: String,
    /// Its position in the thread, from 1, without gaps between messages of the same
    /// thread (the `id:` of its SSE event).
    pub seq: i64,
    /// Who wrote it (`usr_…`).
    pub sender_id: String,
    /// In which role.
    pub sender_role: SenderRoleDto,
    /// The id the sender gave it.
    pub client_message_id: String,
    /// The text.
    pub body: String,
    /// When it was stored.
    pub created_at: Timestamp,
}

impl From<MessageRow> for MessageDto {
    fn from(r: MessageRow) -> Self {
        let sender_role = match &*r.sender_role {
            "coach" => SenderRoleDto::Coach,
            "clinician" => SenderRoleDto::Clinician,
            _ => SenderRoleDto::Member,
        };
        Self {
            id: r.id.to_string(),
            thread_id: r.thread_id.to_string(),
            seq: r.seq,
            sender_id: r.sender_id.to_string(),
            sender_role,
            client_message_id: r.client_message_id,
            body: r.body,
            created_at: r.created_at.into(),
        }
    }
}

/// A thread as one participant sees it.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareChatThread")]
pub struct ThreadDto {
    /// The thread (`cht_…`).
    pub id: String,
    /// The member (`usr_…`).
    pub member_id: String,
    /// The provider's profile (`prv_…`).
    pub provider_id: String,
    /// The provider's account (`usr_…`).
    pub provider_user_id: String,
    /// The newest message's `seq` (0: no message yet).
    pub last_seq: i64,
    /// You have read up to this `seq`.
    pub read_seq: i64,
    /// The other participant has read up to this `seq`.
    pub peer_read_seq: i64,
    /// Messages from the other participant after `read_seq`.
    pub unread_count: i64,
    /// The newest message; `null` when there is none.
    pub last_message: Option<MessageDto>,
    /// When it was opened.
    pub created_at: Timestamp,
}

impl From<ThreadSummary> for ThreadDto {
    fn from(s: ThreadSummary) -> Self {
        let t: ThreadRow = s.thread;
        let (mine, peer) = match s.side {
            super::model::Side::Member => (t.member_read_seq, t.provider_read_seq),
            super::model::Side::Provider => (t.provider_read_seq, t.member_read_seq),
        };
        Self {
            id: t.id.to_string(),
            member_id: t.member_id.to_string(),
            provider_id: t.provider_id.to_string(),
            provider_user_id: t.provider_user_id.to_string(),
            last_seq: t.last_seq,
            read_seq: mine,
            peer_read_seq: peer,
            unread_count: s.unread,
            last_message: s.last_message.map(Into::into),
            created_at: t.created_at.into(),
        }
    }
}

/// Where a participant's read marker is.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareChatReadMarker")]
pub struct ReadMarkerDto {
    /// You have read up to this `seq` (never lower than before).
    pub read_seq: i64,
    /// Messages from the other participant after it.
    pub unread_count: i64,
}
