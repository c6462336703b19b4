//! `/v1/care/me/chat/threads` (members), `/v1/care/provider/chat/threads` (coaches and
//! clinicians) and `/v1/care/chat/threads/{thread_id}/…` (either participant).

use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use haven_platform::auth::{BearerAuth, Guard, Principal, Role};
use haven_platform::http::cache::NoStore;
use haven_platform::http::problem::{ApiError, ErrorSet, Guarded};
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem::web::sse::Event;
use poem_openapi::param::{Header, Path, Query};
use poem_openapi::payload::{EventStream, Json};
use poem_openapi::types::ToJSON;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{
    MarkReadDto, MessageDto, OpenThreadDto, PostMessageDto, ReadMarkerDto, ThreadDto,
};
use super::error::{ListThreadsErrors, OpenThreadErrors, PostErrors, ThreadErrors};
use super::model::{Side, ThreadId, acting_role};
use super::service::ThreadSummary;
use crate::CareTag;
use crate::audit::model::Actor;
use crate::availability::api::provider_role;
use crate::service::CareService;

/// Answer with a thread.
#[derive(ApiResponse)]
pub enum ThreadAnswer {
    /// The thread was opened.
    #[oai(status = 201)]
    Created(
        Json<ThreadDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
    /// The thread with this provider existed already.
    #[oai(status = 200)]
    Ok(
        Json<ThreadDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with a page of threads.
#[derive(ApiResponse)]
pub enum ThreadPage {
    /// One page, in the order threads were opened.
    #[oai(status = 200)]
    Ok(
        Json<Page<ThreadDto>>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with a page of messages.
#[derive(ApiResponse)]
pub enum MessagePage {
    /// One page, newest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<MessageDto>>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer of a post.
#[derive(ApiResponse)]
pub enum PostAnswer {
    /// Stored and sent to the thread's streams.
    #[oai(status = 201)]
    Created(
        Json<MessageDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
    /// A resend: the message stored with this `client_message_id` before.
    #[oai(status = 200)]
    Ok(
        Json<MessageDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with a read marker.
#[derive(ApiResponse)]
pub enum ReadAnswer {
    /// The marker now.
    #[oai(status = 200)]
    Ok(
        Json<ReadMarkerDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with the live stream.
#[derive(ApiResponse)]
pub enum EventsAnswer {
    /// Server-Sent Events: one `message` event per message (`id:` its `seq`, `data:` a
    /// `CareChatMessage`), and a comment line (`:`) as a heartbeat while idle.
    #[oai(status = 200)]
    Ok(
        EventStream<BoxStream<'static, MessageDto>>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

fn thread_page(rows: Vec<ThreadSummary>, limit: u32) -> Page<ThreadDto> {
    Page::from_rows(rows, limit, |s| s.thread.id.to_string(), Into::into)
}

/// The chat.
pub struct ChatApi {
    service: CareService,
    guard: Guard,
}

impl ChatApi {
    /// Around the service and the role guard.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }

    /// The caller's side of `thread` (anyone else: `404`, audited), then the live
    /// account in that side's role.
    async fn participant<S: ErrorSet + Guarded>(
        &self,
        p: &Principal,
        thread: ThreadId,
    ) -> Result<(Side, Actor), ApiError<S>> {
        let side = self.service.chat_side(p, thread).await?;
        let role = acting_role(p, side);
        self.guard.require_role(p, role).await?;
        Ok((side, Actor::new(p, role)))
    }
}

#[OpenApi(tag = "CareTag::Chat")]
impl ChatApi {
    /// Open a chat thread
    ///
    /// With a coach (your plan must include coaching: `403 not_entitled`; the coach joins
    /// your care team) or with a clinician on your care team (`403 not_on_care_team`
    /// otherwise). One thread per provider: opening it again answers it (`200`).
    #[oai(
        path = "/v1/care/me/chat/threads",
        method = "post",
        operation_id = "careOpenChatThread"
    )]
    async fn open(
        &self,
        auth: BearerAuth,
        body: Json<OpenThreadDto>,
    ) -> ApiResult<ThreadAnswer, OpenThreadErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let (summary, created) = self
            .service
            .open_thread(auth.0.user_id, body.0.provider_id)
            .await?;
        Ok(if created {
            ThreadAnswer::Created(Json(summary.into()), NoStore)
        } else {
            ThreadAnswer::Ok(Json(summary.into()), NoStore)
        })
    }

    /// List my chat threads
    ///
    /// Your threads with providers, in the order they were opened, each with your unread
    /// count and its newest message.
    #[oai(
        path = "/v1/care/me/chat/threads",
        method = "get",
        operation_id = "careListMyChatThreads"
    )]
    async fn mine(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<ThreadPage, ListThreadsErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let params =
            PageParams::<ThreadId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .chat_threads(
                Actor::new(&auth.0, Role::Member),
                Side::Member,
                params.after,
                params.fetch_limit(),
            )
            .await?;
        Ok(ThreadPage::Ok(
            Json(thread_page(rows, params.limit)),
            NoStore,
        ))
    }

    /// List my chat threads as a provider
    ///
    /// Coaches and clinicians (clinicians with a second factor): the threads members
    /// opened with you, in the order they were opened, each with your unread count and
    /// its newest message.
    #[oai(
        path = "/v1/care/provider/chat/threads",
        method = "get",
        operation_id = "careListProviderChatThreads"
    )]
    async fn provider(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<ThreadPage, ListThreadsErrors> {
        let role = provider_role(&auth.0);
        self.guard.require_role(&auth.0, role).await?;
        let params =
            PageParams::<ThreadId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .chat_threads(
                Actor::new(&auth.0, role),
                Side::Provider,
                params.after,
                params.fetch_limit(),
            )
            .await?;
        Ok(ThreadPage::Ok(
            Json(thread_page(rows, params.limit)),
            NoStore,
        ))
    }

    /// List a thread's messages
    ///
    /// Participants only (anyone else: `404 thread_not_found`). Newest first; the next
    /// page holds older messages.
    #[oai(
        path = "/v1/care/chat/threads/:thread_id/messages",
        method = "get",
        operation_id = "careListChatMessages"
    )]
    async fn history(
        &self,
        auth: BearerAuth,
        /// The thread.
        thread_id: Path<ThreadId>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<MessagePage, ThreadErrors> {
        let params = PageParams::<i64>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let (side, actor) = self.participant(&auth.0, thread_id.0).await?;
        let rows = self
            .service
            .chat_history(actor, side, thread_id.0, params.after, params.fetch_limit())
            .await?;
        let page = Page::from_rows(rows, params.limit, |m| m.seq, Into::into);
        Ok(MessagePage::Ok(Json(page), NoStore))
    }

    /// Post a message
    ///
    /// Participants only. Send a new `client_message_id` (UUID) per message and the same
    /// one when you retry: a resend answers the stored message (`200`), never a
    /// duplicate; the same id with a different body is `409 client_message_id_reused`.
    /// The message gets the thread's next `seq` and reaches the thread's event streams.
    /// A member writes to a coach only while their plan includes coaching (`403
    /// not_entitled`; the thread stays readable).
    #[oai(
        path = "/v1/care/chat/threads/:thread_id/messages",
        method = "post",
        operation_id = "carePostChatMessage"
    )]
    async fn post(
        &self,
        auth: BearerAuth,
        /// The thread.
        thread_id: Path<ThreadId>,
        body: Json<PostMessageDto>,
    ) -> ApiResult<PostAnswer, PostErrors> {
        let (side, actor) = self.participant(&auth.0, thread_id.0).await?;
        let b = body.0;
        let (row, created) = self
            .service
            .post_message(
                actor,
                side,
                thread_id.0,
                b.client_message_id,
                b.body.into_inner(),
            )
            .await?;
        Ok(if created {
            PostAnswer::Created(Json(row.into()), NoStore)
        } else {
            PostAnswer::Ok(Json(row.into()), NoStore)
        })
    }

    /// Mark a thread read
    ///
    /// Participants only. Moves your read marker forward to `up_to_seq` (never
    /// backwards; at most the newest message) and answers it with your unread count.
    #[oai(
        path = "/v1/care/chat/threads/:thread_id/read",
        method = "post",
        operation_id = "careMarkChatRead"
    )]
    async fn read(
        &self,
        auth: BearerAuth,
        /// The thread.
        thread_id: Path<ThreadId>,
        body: Json<MarkReadDto>,
    ) -> ApiResult<ReadAnswer, ThreadErrors> {
        let (side, actor) = self.participant(&auth.0, thread_id.0).await?;
        let (read_seq, unread_count) = self
            .service
            .mark_chat_read(actor, side, thread_id.0, body.0.up_to_seq)
            .await?;
        Ok(ReadAnswer::Ok(
            Json(ReadMarkerDto {
                read_seq,
                unread_count,
            }),
            NoStore,
        ))
    }

    /// Stream a thread's messages
    ///
    /// Participants only. Server-Sent Events (`text/event-stream`): each new message as
    /// an event whose `id:` is its `seq` and whose `data:` is the message as JSON, and a
    /// heartbeat comment while idle. Reconnect with `Last-Event-ID` (the last `id:` you
    /// got) to receive everything after it first, then live, without gaps or
    /// duplicates; without it the stream starts after the newest message. The stream
    /// ends when your access token expires: reconnect with a fresh one. Opening a stream
    /// is recorded once in the PHI audit log (not each message it delivers).
    #[oai(
        path = "/v1/care/chat/threads/:thread_id/events",
        method = "get",
        operation_id = "careStreamChatEvents"
    )]
    async fn events(
        &self,
        auth: BearerAuth,
        /// The thread.
        thread_id: Path<ThreadId>,
        /// The `seq` of the last message you received; the stream starts after it.
        #[oai(name = "Last-Event-ID", validator(minimum(value = "0")))]
        last_event_id: Header<Option<i64>>,
    ) -> ApiResult<EventsAnswer, ThreadErrors> {
        let (side, actor) = self.participant(&auth.0, thread_id.0).await?;
        let left = (auth.0.expires_at - chrono::Utc::now())
            .to_std()
            .unwrap_or_default();
        let until = tokio::time::Instant::now() + left;
        let tail = self
            .service
            .open_chat_stream(actor, side, thread_id.0, last_event_id.0, until)
            .await?;
        let heartbeat = Duration::from_secs(u64::from(self.service.settings().chat.heartbeat_s));
        let stream = tail.into_stream().map(MessageDto::from).boxed();
        let events = EventStream::new(stream)
            .keep_alive(heartbeat)
            .to_event(|m: MessageDto| Event::message(m.to_json_string()).id(m.seq.to_string()));
        Ok(EventsAnswer::Ok(events, NoStore))
    }
}
