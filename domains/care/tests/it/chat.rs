//! Coaching chat (issue 15 point 3): threads, idempotent posts with per-thread seqs, read
//! markers, the SSE stream (resume, heartbeat, no database connection while idle) and
//! delivery across two nodes through Redis.

use std::time::Duration;

use futures_util::StreamExt;
use futures_util::future::join_all;
use futures_util::stream::BoxStream;
use haven_platform::testing::{AssertProblem, Service, SignedIn, TestApp, require_service};
use poem::http::{Method, StatusCode};
use poem::test::TestResponse;
use serde_json::{Value, json};

use crate::support::{audit_rows, count, grant, join_team, json_of, provider, send};

/// A member entitled to coaching, a coach, and their open thread.
struct Chat {
    app: TestApp,
    member: SignedIn,
    coach: SignedIn,
    coach_provider: String,
    thread: String,
}

async fn chat_on(app: TestApp) -> Chat {
    let admin = app.admin().await;
    let (coach, profile) = provider(&app, &admin, "coach", "America/New_York").await;
    let coach_provider = profile["id"].as_str().unwrap().to_owned();
    let member = app.member().await;
    grant(&app, &admin, &member.user_id, "care.coaching", None).await;
    let opened = open(&app, &member, &coach_provider).await;
    let thread = json_of(opened, StatusCode::CREATED).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    Chat {
        app,
        member,
        coach,
        coach_provider,
        thread,
    }
}

async fn chat() -> Chat {
    chat_on(crate::support::app().await).await
}

async fn open(app: &TestApp, member: &SignedIn, provider_id: &str) -> TestResponse {
    send(
        app,
        member,
        Method::POST,
        "/v1/care/me/chat/threads",
        Some(json!({"provider_id": provider_id})),
    )
    .await
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

async fn post_as(
    app: &TestApp,
    who: &SignedIn,
    thread: &str,
    client_id: &str,
    body: &str,
) -> TestResponse {
    send(
        app,
        who,
        Method::POST,
        &format!("/v1/care/chat/threads/{thread}/messages"),
        Some(json!({"client_message_id": client_id, "body": body})),
    )
    .await
}

/// Posts and asserts it was stored; its seq.
async fn say(app: &TestApp, who: &SignedIn, thread: &str, body: &str) -> i64 {
    let resp = post_as(app, who, thread, &new_id(), body).await;
    json_of(resp, StatusCode::CREATED).await["seq"]
        .as_i64()
        .unwrap()
}

fn seqs(page: &Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["seq"].as_i64().unwrap())
        .collect()
}

/// One SSE event: its `id:` and `data:` as JSON.
#[derive(Debug)]
struct SseEvent {
    id: String,
    data: Value,
}

/// Reads an SSE body frame by frame.
struct Sse {
    body: BoxStream<'static, Result<bytes::Bytes, std::io::Error>>,
    buf: String,
    heartbeats: usize,
}

impl Sse {
    async fn open(resp: TestResponse) -> Self {
        assert_eq!(resp.0.status(), StatusCode::OK);
        let headers = resp.0.headers();
        assert_eq!(headers["content-type"], "text/event-stream");
        assert_eq!(headers["cache-control"], "no-store");
        Self {
            body: resp.0.into_body().into_bytes_stream().boxed(),
            buf: String::new(),
            heartbeats: 0,
        }
    }

    /// The next message event, failing after `within`.
    async fn next(&mut self, within: Duration) -> SseEvent {
        tokio::time::timeout(within, self.next_event())
            .await
            .unwrap_or_else(|_| panic!("no SSE event within {within:?}"))
    }

    /// Whether no message event arrives within `within` (heartbeats are skipped).
    async fn quiet_for(&mut self, within: Duration) -> bool {
        tokio::time::timeout(within, self.next_event())
            .await
            .is_err()
    }

    /// Whether the server ends the stream within `within` (no message event before).
    async fn ends_within(&mut self, within: Duration) -> bool {
        let end = async {
            loop {
                match self.body.next().await {
                    None | Some(Err(_)) => return true,
                    Some(Ok(chunk)) if chunk.starts_with(b"id:") => return false,
                    Some(Ok(_)) => {}
                }
            }
        };
        tokio::time::timeout(within, end).await.unwrap_or(false)
    }

    async fn next_event(&mut self) -> SseEvent {
        loop {
            while let Some(end) = self.buf.find("\n\n") {
                let frame: String = self.buf.drain(..end + 2).collect();
                let (mut id, mut data) = (None, String::new());
                for line in frame.lines() {
                    if let Some(v) = line.strip_prefix("id: ") {
                        id = Some(v.to_owned());
                    } else if let Some(v) = line.strip_prefix("data: ") {
                        data.push_str(v);
                    } else if line.starts_with(':') {
                        self.heartbeats += 1;
                    }
                }
                if let Some(id) = id {
                    return SseEvent {
                        id,
                        data: serde_json::from_str(&data).unwrap(),
                    };
                }
            }
            let chunk = self.body.next().await.expect("the stream ended").unwrap();
            self.buf.push_str(std::str::from_utf8(&chunk).unwrap());
        }
    }
}

fn events_path(thread: &str) -> String {
    format!("/v1/care/chat/threads/{thread}/events")
}

async fn stream(app: &TestApp, who: &SignedIn, thread: &str, last: Option<i64>) -> Sse {
    let mut req = who.get(app, events_path(thread));
    if let Some(last) = last {
        req = req.header("last-event-id", last.to_string());
    }
    Sse::open(req.send().await).await
}

const SOON: Duration = Duration::from_secs(5);

#[tokio::test]
async fn a_coach_thread_needs_coaching_and_puts_the_coach_on_the_care_team() {
    let app = crate::support::app().await;
    let admin = app.admin().await;
    let (_, profile) = provider(&app, &admin, "coach", "Europe/Berlin").await;
    let coach = profile["id"].as_str().unwrap().to_owned();
    let member = app.member().await;
    open(&app, &member, &coach)
        .await
        .assert_problem(StatusCode::FORBIDDEN, "not_entitled")
        .await;
    assert_eq!(count(&app, "care_chat_threads").await, 0);
    assert_eq!(count(&app, "care_team_members").await, 0);

    grant(&app, &admin, &member.user_id, "care.coaching", None).await;
    let resp = open(&app, &member, &coach).await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let first = json_of(resp, StatusCode::CREATED).await;
    assert_eq!(first["provider_id"], coach.as_str());
    assert_eq!(first["last_seq"], 0);
    assert_eq!(first["unread_count"], 0);
    assert_eq!(first["last_message"], Value::Null);
    let again = json_of(open(&app, &member, &coach).await, StatusCode::OK).await;
    assert_eq!(again["id"], first["id"]);
    assert_eq!(count(&app, "care_chat_threads").await, 1);
    assert_eq!(count(&app, "care_team_members").await, 1);
    let rows = audit_rows(&app, &member.user_id).await;
    let chat: Vec<_> = rows
        .iter()
        .filter(|r| r.1 == "chat_thread")
        .map(|r| (r.2.as_str(), r.3.as_str()))
        .collect();
    assert_eq!(chat, [("create", "allowed"), ("read", "allowed")]);
}

#[tokio::test]
async fn a_clinician_thread_needs_the_clinician_on_the_care_team() {
    let app = crate::support::app().await;
    let admin = app.admin().await;
    let (_, profile) = provider(&app, &admin, "therapist", "America/Los_Angeles").await;
    let therapist = profile["id"].as_str().unwrap().to_owned();
    let member = app.member().await;
    open(&app, &member, &therapist)
        .await
        .assert_problem(StatusCode::FORBIDDEN, "not_on_care_team")
        .await;
    open(&app, &member, "prv_01jh0000000000000000000000")
        .await
        .assert_problem(StatusCode::NOT_FOUND, "provider_not_found")
        .await;
    assert_eq!(count(&app, "care_chat_threads").await, 0);
    join_team(&app, &member.user_id, &therapist).await;
    json_of(open(&app, &member, &therapist).await, StatusCode::CREATED).await;
    assert_eq!(count(&app, "care_chat_threads").await, 1);
}

#[tokio::test]
async fn messages_take_consecutive_seqs_and_a_resend_is_never_a_duplicate() {
    let c = chat().await;
    let id = new_id();
    let first = post_as(
        &c.app,
        &c.member,
        &c.thread,
        &id,
        "Hello, I could not sleep",
    )
    .await;
    assert_eq!(first.0.headers()["cache-control"], "no-store");
    let first = json_of(first, StatusCode::CREATED).await;
    assert_eq!(first["seq"], 1);
    assert_eq!(first["sender_role"], "member");
    assert_eq!(first["client_message_id"], id.as_str());
    assert_eq!(say(&c.app, &c.coach, &c.thread, "Tell me more").await, 2);
    assert_eq!(
        say(&c.app, &c.member, &c.thread, "It started Monday").await,
        3
    );

    let resent = post_as(
        &c.app,
        &c.member,
        &c.thread,
        &id,
        "Hello, I could not sleep",
    )
    .await;
    let resent = json_of(resent, StatusCode::OK).await;
    assert_eq!(resent["id"], first["id"]);
    assert_eq!(resent["seq"], 1);
    post_as(&c.app, &c.member, &c.thread, &id, "Something else")
        .await
        .assert_problem(StatusCode::CONFLICT, "client_message_id_reused")
        .await;
    // The same client id from the other participant is their own message.
    json_of(
        post_as(&c.app, &c.coach, &c.thread, &id, "Mine").await,
        StatusCode::CREATED,
    )
    .await;
    for body in [" \n\t ".to_owned(), "x".repeat(4001)] {
        post_as(&c.app, &c.member, &c.thread, &new_id(), &body)
            .await
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
    }
    let resp = c
        .member
        .post(
            &c.app,
            format!("/v1/care/chat/threads/{}/messages", c.thread),
            &json!({"client_message_id": "not-a-uuid", "body": "hi"}),
        )
        .send()
        .await;
    assert_eq!(resp.0.status(), StatusCode::BAD_REQUEST);
    json_of(
        post_as(&c.app, &c.member, &c.thread, &new_id(), &"é".repeat(4000)).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(count(&c.app, "care_chat_messages").await, 5);
    let stored: Vec<(String, String, String, String)> = audit_rows(&c.app, &c.member.user_id)
        .await
        .into_iter()
        .filter(|r| r.1 == "chat_message")
        .collect();
    assert_eq!(stored.iter().filter(|r| r.2 == "create").count(), 5);
    assert_eq!(stored.iter().filter(|r| r.2 == "read").count(), 1);
    assert!(stored.iter().any(|r| r.0 == "coach" && r.2 == "create"));
}

#[tokio::test]
async fn only_participants_reach_a_thread_and_refusals_are_audited() {
    let c = chat().await;
    say(&c.app, &c.member, &c.thread, "private").await;
    let stranger = c.app.member().await;
    let other_coach = c.app.coach().await;
    for who in [&stranger, &other_coach] {
        who.get(
            &c.app,
            format!("/v1/care/chat/threads/{}/messages", c.thread),
        )
        .send()
        .await
        .assert_problem(StatusCode::NOT_FOUND, "thread_not_found")
        .await;
        post_as(&c.app, who, &c.thread, &new_id(), "let me in")
            .await
            .assert_problem(StatusCode::NOT_FOUND, "thread_not_found")
            .await;
        who.get(&c.app, events_path(&c.thread))
            .send()
            .await
            .assert_problem(StatusCode::NOT_FOUND, "thread_not_found")
            .await;
        send(
            &c.app,
            who,
            Method::POST,
            &format!("/v1/care/chat/threads/{}/read", c.thread),
            Some(json!({"up_to_seq": 1})),
        )
        .await
        .assert_problem(StatusCode::NOT_FOUND, "thread_not_found")
        .await;
    }
    stranger
        .get(
            &c.app,
            "/v1/care/chat/threads/cht_01jh0000000000000000000000/messages",
        )
        .send()
        .await
        .assert_problem(StatusCode::NOT_FOUND, "thread_not_found")
        .await;
    assert_eq!(count(&c.app, "care_chat_messages").await, 1);
    let denied = audit_rows(&c.app, &c.member.user_id)
        .await
        .into_iter()
        .filter(|r| r.3 == "denied")
        .collect::<Vec<_>>();
    assert_eq!(denied.len(), 8);
    assert!(denied.iter().all(|r| r.1 == "chat_thread"));
    assert!(denied.iter().any(|r| r.0 == "coach"));
    // The provider list is a provider's; a member is refused by the guard.
    stranger
        .get(&c.app, "/v1/care/provider/chat/threads")
        .send()
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;
    let none = json_of(
        other_coach
            .get(&c.app, "/v1/care/provider/chat/threads")
            .send()
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(none["items"], json!([]));
}

#[tokio::test]
async fn history_pages_newest_first_and_read_markers_never_move_back() {
    let c = chat().await;
    for i in 1..=5 {
        say(&c.app, &c.member, &c.thread, &format!("message {i}")).await;
    }
    let path = format!("/v1/care/chat/threads/{}/messages?limit=2", c.thread);
    let resp = c.coach.get(&c.app, &path).send().await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let mut page = json_of(resp, StatusCode::OK).await;
    let mut all = seqs(&page);
    while let Some(cursor) = page["next_cursor"].as_str() {
        let next = format!("{path}&cursor={cursor}");
        page = json_of(c.coach.get(&c.app, next).send().await, StatusCode::OK).await;
        all.extend(seqs(&page));
    }
    assert_eq!(all, [5, 4, 3, 2, 1]);

    let list = |who: &SignedIn, path: &'static str| {
        let req = who.get(&c.app, path);
        async move { json_of(req.send().await, StatusCode::OK).await["items"][0].clone() }
    };
    let t = list(&c.coach, "/v1/care/provider/chat/threads").await;
    assert_eq!(t["id"], c.thread.as_str());
    assert_eq!(t["unread_count"], 5);
    assert_eq!(t["last_seq"], 5);
    assert_eq!(t["last_message"]["body"], "message 5");
    let t = list(&c.member, "/v1/care/me/chat/threads").await;
    assert_eq!(t["unread_count"], 0, "your own messages are not unread");

    let mark = |who: &SignedIn, up_to: i64| {
        let req = who
            .request(
                &c.app,
                Method::POST,
                format!("/v1/care/chat/threads/{}/read", c.thread),
            )
            .body_json(&json!({"up_to_seq": up_to}));
        async move { json_of(req.send().await, StatusCode::OK).await }
    };
    let m = mark(&c.coach, 3).await;
    assert_eq!(
        (m["read_seq"].as_i64(), m["unread_count"].as_i64()),
        (Some(3), Some(2))
    );
    let m = mark(&c.coach, 1).await;
    assert_eq!(m["read_seq"], 3, "a marker never moves backwards");
    let m = mark(&c.coach, 99).await;
    assert_eq!(
        (m["read_seq"].as_i64(), m["unread_count"].as_i64()),
        (Some(5), Some(0))
    );
    let t = list(&c.member, "/v1/care/me/chat/threads").await;
    assert_eq!(
        (t["read_seq"].as_i64(), t["peer_read_seq"].as_i64()),
        (Some(0), Some(5))
    );
    let resp = c
        .coach
        .post(
            &c.app,
            format!("/v1/care/chat/threads/{}/read", c.thread),
            &json!({"up_to_seq": -1}),
        )
        .send()
        .await;
    assert_eq!(resp.0.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_stream_delivers_messages_with_their_seq_and_resumes_after_last_event_id() {
    let c = chat().await;
    say(&c.app, &c.member, &c.thread, "before anyone listened").await;
    let mut coach = stream(&c.app, &c.coach, &c.thread, None).await;
    say(&c.app, &c.member, &c.thread, "two").await;
    say(&c.app, &c.coach, &c.thread, "three").await;
    let e = coach.next(SOON).await;
    assert_eq!((e.id.as_str(), e.data["body"].as_str()), ("2", Some("two")));
    let e = coach.next(SOON).await;
    assert_eq!(
        (e.id.as_str(), e.data["sender_role"].as_str()),
        ("3", Some("coach"))
    );
    drop(coach);

    // Back after a disconnect: everything after the last id, once, then live.
    say(&c.app, &c.member, &c.thread, "four").await;
    let mut again = stream(&c.app, &c.coach, &c.thread, Some(2)).await;
    let ids = [again.next(SOON).await.id, again.next(SOON).await.id];
    assert_eq!(ids, ["3", "4"]);
    say(&c.app, &c.member, &c.thread, "five").await;
    assert_eq!(again.next(SOON).await.id, "5");
    assert!(
        again.quiet_for(Duration::from_millis(300)).await,
        "no duplicate"
    );

    // A member's stream from the start.
    let mut member = stream(&c.app, &c.member, &c.thread, Some(0)).await;
    for want in 1..=5 {
        assert_eq!(member.next(SOON).await.id, want.to_string());
    }
    let opened = audit_rows(&c.app, &c.member.user_id)
        .await
        .into_iter()
        .filter(|r| r.2 == "stream")
        .count();
    assert_eq!(opened, 3, "one audit row per stream opened");
}

#[tokio::test]
async fn streams_end_when_the_node_starts_draining() {
    let c = chat().await;
    let mut s = stream(&c.app, &c.member, &c.thread, None).await;
    assert!(s.quiet_for(Duration::from_millis(200)).await);
    c.app.ctx.health.start_draining();
    assert!(
        s.ends_within(SOON).await,
        "the stream ends so the client reconnects elsewhere"
    );
}

#[tokio::test]
async fn an_idle_stream_sends_heartbeat_comments() {
    let app = haven_app::testing::builder()
        .settings(|s| s.care.chat.heartbeat_s = 1)
        .build(haven_app::wiring::build_app)
        .await;
    let c = chat_on(app).await;
    let mut s = stream(&c.app, &c.member, &c.thread, None).await;
    assert!(s.quiet_for(Duration::from_millis(2500)).await);
    assert!(
        s.heartbeats >= 1,
        "a heartbeat within 2.5 s at 1 s intervals"
    );
}

#[tokio::test]
async fn hundreds_of_idle_streams_hold_no_database_connection() {
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.database.pool_max = 2;
            s.database.acquire_timeout_ms = 2_000;
        })
        .build(haven_app::wiring::build_app)
        .await;
    let c = chat_on(app).await;
    let mut streams = Vec::new();
    for _ in 0..200 {
        streams.push(stream(&c.app, &c.coach, &c.thread, None).await);
    }
    assert!(c.app.ctx.db.stats().size <= 2);
    // A normal request still finds a connection, and a new message reaches every stream.
    json_of(
        c.member
            .get(&c.app, "/v1/care/me/chat/threads")
            .send()
            .await,
        StatusCode::OK,
    )
    .await;
    say(&c.app, &c.member, &c.thread, "to all of you").await;
    for s in &mut streams {
        assert_eq!(s.next(SOON).await.id, "1");
    }
}

#[tokio::test]
async fn concurrent_posts_take_distinct_seqs_on_postgres() {
    if require_service(Service::Postgres).is_none() {
        return;
    }
    let c = chat().await;
    let mut live = stream(&c.app, &c.coach, &c.thread, None).await;
    let ids: Vec<String> = (0..30).map(|_| new_id()).collect();
    let posts = ids.iter().enumerate().map(|(i, id)| {
        let who = if i % 2 == 0 { &c.member } else { &c.coach };
        post_as(&c.app, who, &c.thread, id, "at once")
    });
    for r in join_all(posts).await {
        assert_eq!(r.0.status(), StatusCode::CREATED);
    }
    let page = json_of(
        c.member
            .get(
                &c.app,
                format!("/v1/care/chat/threads/{}/messages?limit=100", c.thread),
            )
            .send()
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(seqs(&page), (1..=30).rev().collect::<Vec<_>>());
    let t = json_of(
        c.member
            .get(&c.app, "/v1/care/me/chat/threads")
            .send()
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(t["items"][0]["last_seq"], 30);
    // Published in whatever order the commits' tasks ran, delivered in seq order, once.
    for want in 1..=30 {
        assert_eq!(live.next(SOON).await.id, want.to_string());
    }
    assert!(
        live.quiet_for(Duration::from_millis(300)).await,
        "no duplicate"
    );
}

#[tokio::test]
async fn concurrent_resends_store_one_message_on_postgres() {
    if require_service(Service::Postgres).is_none() {
        return;
    }
    let c = chat().await;
    let id = new_id();
    let resps = join_all((0..20).map(|_| post_as(&c.app, &c.member, &c.thread, &id, "once"))).await;
    let mut bodies = Vec::new();
    for r in resps {
        let status = r.0.status();
        assert!(
            status == StatusCode::CREATED || status == StatusCode::OK,
            "{status}"
        );
        bodies.push((status, r.json().await.value().deserialize::<Value>()));
    }
    assert_eq!(
        bodies
            .iter()
            .filter(|(s, _)| *s == StatusCode::CREATED)
            .count(),
        1
    );
    assert!(
        bodies
            .iter()
            .all(|(_, b)| b["id"] == bodies[0].1["id"] && b["seq"] == 1)
    );
    assert_eq!(count(&c.app, "care_chat_messages").await, 1);
}

#[tokio::test]
async fn concurrent_opens_of_one_pair_make_one_thread_on_postgres() {
    if require_service(Service::Postgres).is_none() {
        return;
    }
    let c = chat().await;
    let other = c.app.member().await;
    let admin = c.app.admin().await;
    grant(&c.app, &admin, &other.user_id, "care.coaching", None).await;
    let resps = join_all((0..10).map(|_| open(&c.app, &other, &c.coach_provider))).await;
    let created = resps
        .iter()
        .filter(|r| r.0.status() == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1);
    assert!(resps.iter().all(|r| r.0.status().is_success()));
    assert_eq!(count(&c.app, "care_chat_threads").await, 2);
}

#[tokio::test]
async fn export_holds_the_chat_and_erasure_keeps_only_what_it_must() {
    let c = chat().await;
    let admin = c.app.admin().await;
    say(&c.app, &c.member, &c.thread, "member words").await;
    say(&c.app, &c.coach, &c.thread, "coach advice").await;
    let (_, profile) = provider(&c.app, &admin, "therapist", "America/Los_Angeles").await;
    let therapist = profile["id"].as_str().unwrap().to_owned();
    join_team(&c.app, &c.member.user_id, &therapist).await;
    let clinical = json_of(
        open(&c.app, &c.member, &therapist).await,
        StatusCode::CREATED,
    )
    .await;
    let clinical = clinical["id"].as_str().unwrap().to_owned();
    say(&c.app, &c.member, &clinical, "clinical words").await;

    let service = haven_app::wiring::modules(&c.app.ctx)
        .care
        .service()
        .clone();
    let member_id: haven_platform::ids::UserId = c.member.user_id.parse().unwrap();
    let data = service.export_member(&member_id).await.unwrap();
    let threads = data["chat_threads"].as_array().unwrap();
    assert_eq!(threads.len(), 2);
    assert_eq!(threads[0]["messages"][0]["body"], "member words");
    assert_eq!(threads[0]["messages"][1]["body"], "coach advice");

    service.erase_member(&member_id).await.unwrap();
    assert_eq!(count(&c.app, "care_chat_threads").await, 2);
    let member = &c.member.user_id;
    let left = |sql: String| {
        let app = &c.app;
        async move { count(app, &sql).await }
    };
    assert_eq!(
        left(format!("care_chat_threads WHERE member_id = '{member}'")).await,
        0
    );
    assert_eq!(
        left(format!("care_chat_messages WHERE sender_id = '{member}'")).await,
        0
    );
    assert_eq!(
        left(format!(
            "care_chat_messages WHERE thread_id = '{}'",
            c.thread
        ))
        .await,
        1,
        "the coach's message stays, the member's is gone"
    );
    assert_eq!(
        left(format!("care_chat_messages WHERE thread_id = '{clinical}'")).await,
        1,
        "the clinical thread stays whole"
    );
    // Nothing left under the member's id, so a second erasure finds nothing.
    service.erase_member(&member_id).await.unwrap();
    assert_eq!(count(&c.app, "care_chat_messages").await, 2);
}

/// A second node's HTTP client on the first node's database, with its own modules (its
/// own chat hub); the context must outlive the client.
struct Node {
    ctx: haven_platform::PlatformContext,
    client: poem::test::TestClient<poem::endpoint::BoxEndpoint<'static>>,
}

impl Node {
    fn start(app: &TestApp) -> Self {
        let ctx = haven_platform::PlatformContext::new(
            (*app.ctx.settings).clone(),
            haven_platform::testing::TEST_BUILD,
        )
        .unwrap();
        let client = poem::test::TestClient::new(haven_app::wiring::build_app(&ctx).endpoint);
        Self { ctx, client }
    }

    async fn stream(&self, who: &SignedIn, thread: &str, last: Option<i64>) -> Sse {
        let mut req = self
            .client
            .get(events_path(thread))
            .header("authorization", format!("Bearer {}", who.access_token()));
        if let Some(last) = last {
            req = req.header("last-event-id", last.to_string());
        }
        Sse::open(req.send().await).await
    }

    fn hub(&self) -> haven_care::chat::bus::ChatHub {
        haven_app::wiring::modules(&self.ctx)
            .care
            .service()
            .chat_hub()
            .clone()
    }
}

/// Two nodes on one PostgreSQL database, fanning out through Redis, signing with one key;
/// `None` (skipped) without PostgreSQL or Redis.
async fn two_nodes() -> Option<(Chat, Node, String)> {
    require_service(Service::Postgres)?;
    let redis = require_service(Service::Redis)?;
    let pem = haven_platform::auth::generate_private_pem().unwrap();
    let url = redis.clone();
    let app = haven_app::testing::builder()
        .settings(move |s| {
            s.care.chat.bus = haven_platform::config::ChatBus::Redis;
            s.redis.url = Some(url);
            s.auth.signing_key_pem = Some(haven_platform::config::Secret::new(pem));
            s.auth.signing_key_id = Some("chat-two-nodes".to_owned());
        })
        .build(haven_app::wiring::build_app)
        .await;
    let c = chat_on(app).await;
    let b = Node::start(&c.app);
    Some((c, b, redis))
}

#[tokio::test]
async fn a_message_posted_on_one_node_reaches_a_stream_on_another_within_a_second_on_postgres() {
    let Some((c, b, _)) = two_nodes().await else {
        return;
    };
    let mut on_b = b.stream(&c.coach, &c.thread, None).await;
    haven_platform::testing::wait_until(SOON, "node B listens to Redis", || async {
        b.hub().redis_connected()
    })
    .await;
    let second = Duration::from_secs(1);
    say(&c.app, &c.member, &c.thread, "from node A").await;
    let e = on_b.next(second).await;
    assert_eq!(
        (e.id.as_str(), e.data["body"].as_str()),
        ("1", Some("from node A"))
    );
    for i in 2..=4 {
        say(&c.app, &c.member, &c.thread, "more").await;
        assert_eq!(on_b.next(second).await.id, i.to_string());
    }

    // Disconnected while node A takes two more; back on node B with Last-Event-ID.
    drop(on_b);
    say(&c.app, &c.member, &c.thread, "five").await;
    say(&c.app, &c.coach, &c.thread, "six").await;
    let mut back = b.stream(&c.coach, &c.thread, Some(4)).await;
    assert_eq!(back.next(second).await.id, "5");
    assert_eq!(back.next(second).await.id, "6");
    say(&c.app, &c.member, &c.thread, "seven").await;
    assert_eq!(back.next(second).await.id, "7");
    assert!(
        back.quiet_for(Duration::from_millis(300)).await,
        "no duplicate"
    );
}

#[tokio::test]
async fn a_stream_catches_up_from_the_database_after_a_redis_reconnect_on_postgres() {
    let Some((c, b, redis)) = two_nodes().await else {
        return;
    };
    let mut on_b = b.stream(&c.coach, &c.thread, None).await;
    haven_platform::testing::wait_until(SOON, "node B listens to Redis", || async {
        b.hub().redis_connected()
    })
    .await;
    // The stream has handled the connect's catch-up (nothing to send)...
    assert!(on_b.quiet_for(Duration::from_millis(300)).await);
    // ...when a message whose publish never happened is stored (without the hub)...
    let (thread, member) = (&c.thread, &c.member.user_id);
    crate::support::exec(
        &c.app,
        &format!(
            "INSERT INTO care_chat_messages (id, thread_id, seq, sender_id, sender_role, \
             client_message_id, body, created_at) VALUES ('chm_01jh0000000000000000000001', \
             '{thread}', 1, '{member}', 'member', '{}', 'missed', NOW())",
            new_id()
        ),
    )
    .await
    .unwrap();
    crate::support::exec(
        &c.app,
        &format!("UPDATE care_chat_threads SET last_seq = 1 WHERE id = '{thread}'"),
    )
    .await
    .unwrap();
    assert!(on_b.quiet_for(Duration::from_millis(300)).await);
    // ...arrives once node B's pub/sub connection is cut and comes back.
    let client = redis::Client::open(redis.as_str()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let killed: i64 = redis::cmd("CLIENT")
        .arg("KILL")
        .arg("TYPE")
        .arg("pubsub")
        .query_async(&mut conn)
        .await
        .unwrap();
    assert!(killed >= 1);
    let e = on_b.next(SOON).await;
    assert_eq!(
        (e.id.as_str(), e.data["body"].as_str()),
        ("1", Some("missed"))
    );
    haven_platform::testing::wait_until(SOON, "node B listens again", || async {
        b.hub().redis_connected()
    })
    .await;
    say(&c.app, &c.member, &c.thread, "after the reconnect").await;
    assert_eq!(on_b.next(Duration::from_secs(1)).await.id, "2");
}

#[tokio::test]
async fn a_member_whose_coaching_lapsed_reads_the_thread_but_cannot_write() {
    let app = crate::support::app().await;
    let admin = app.admin().await;
    let (coach, profile) = provider(&app, &admin, "coach", "UTC").await;
    let member = app.member().await;
    let granted = json_of(
        send(
            &app,
            &admin,
            Method::POST,
            &format!("/v1/billing/admin/members/{}/grants", member.user_id),
            Some(json!({"feature": "care.coaching", "quota": null, "valid_until": null, "reason": "test"})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let thread = json_of(
        open(&app, &member, profile["id"].as_str().unwrap()).await,
        StatusCode::CREATED,
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    say(&app, &member, &thread, "Hello coach, I slept better.").await;

    json_of(
        send(
            &app,
            &admin,
            Method::POST,
            &format!(
                "/v1/billing/admin/grants/{}/revoke",
                granted["id"].as_str().unwrap()
            ),
            Some(json!({"reason": "plan ended"})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    post_as(&app, &member, &thread, &new_id(), "Are you there?")
        .await
        .assert_problem(StatusCode::FORBIDDEN, "not_entitled")
        .await;
    let history = json_of(
        send(
            &app,
            &member,
            Method::GET,
            &format!("/v1/care/chat/threads/{thread}/messages"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(seqs(&history), [1]);
    // The coach can still close the conversation.
    assert_eq!(
        say(&app, &coach, &thread, "Take care; write when you are back.").await,
        2
    );
}
