//! Clinical notes (issue 15 point 4): encrypted at rest, drafts changed with `If-Match`
//! by their author, signed notes immutable (also in the database), amendments in order,
//! who reads what, every access audited, master key rotation, export and erasure.

use chrono::Duration;
use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::testing::{AssertProblem, Service, SignedIn, TestApp, require_service};
use poem::http::{Method, StatusCode};
use poem::test::TestResponse;
use serde_json::{Value, json};

use crate::support::{
    always, audit_rows, book, exec, grant, join_team, json_of, profile, provider, schedule, send,
    send_unchecked, send_with, tomorrow_at,
};

/// A therapist, their member and a session that started an hour ago.
struct Session {
    app: TestApp,
    admin: SignedIn,
    clinician: SignedIn,
    member: SignedIn,
    appointment: String,
}

async fn session(member_access: bool) -> Session {
    let app = haven_app::testing::builder()
        .settings(|s| s.care.notes.member_access = member_access)
        .build(haven_app::wiring::build_app)
        .await;
    let admin = app.admin().await;
    let (clinician, p) = provider(&app, &admin, "therapist", "UTC").await;
    let provider_id = p["id"].as_str().unwrap().to_owned();
    schedule(&app, &admin, &provider_id, always()).await;
    let member = app.member().await;
    profile(&app, &member, "America/Los_Angeles").await;
    grant(&app, &admin, &member.user_id, "care.therapy", Some(4)).await;
    let booked = json_of(
        book(&app, &member, &provider_id, "therapy", tomorrow_at(10)).await,
        StatusCode::CREATED,
    )
    .await;
    let appointment = booked["id"].as_str().unwrap().to_owned();
    Session {
        app,
        admin,
        clinician,
        member,
        appointment,
    }
}

/// Time passes: the session started an hour ago.
async fn start(app: &TestApp, appointment: &str) {
    let started = (chrono::Utc::now() - Duration::hours(1)).naive_utc();
    let id = appointment.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            use haven_care::schema::care_appointments as t;
            diesel::update(t::table.filter(t::id.eq(id)))
                .set((
                    t::starts_at.eq(started),
                    t::ends_at.eq(started + Duration::minutes(50)),
                    t::blocked_from.eq(started),
                    t::blocked_until.eq(started + Duration::minutes(60)),
                ))
                .execute(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
}

/// `send` with an optional `If-Match`, under the same log check.
async fn send_if(
    app: &TestApp,
    who: &SignedIn,
    method: Method,
    path: &str,
    if_match: Option<&str>,
    body: Option<Value>,
) -> TestResponse {
    let headers: Vec<(&str, &str)> = if_match.map(|t| ("if-match", t)).into_iter().collect();
    send_with(app, who, method, path, &headers, body).await
}

fn notes_path(appointment: &str) -> String {
    format!("/v1/care/provider/appointments/{appointment}/notes")
}

fn note_path(note: &str) -> String {
    format!("/v1/care/provider/notes/{note}")
}

/// Writes a draft as `who`; its JSON.
async fn write(s: &Session, who: &SignedIn, text: &str) -> Value {
    let resp = send(
        &s.app,
        who,
        Method::POST,
        &notes_path(&s.appointment),
        Some(json!({"body": text})),
    )
    .await;
    assert_eq!(resp.0.headers()["etag"], "\"r1\"");
    json_of(resp, StatusCode::CREATED).await
}

/// Signs `note` at revision 1 as its author; its JSON.
async fn sign(s: &Session, note: &str) -> Value {
    let path = format!("{}/sign", note_path(note));
    json_of(
        send_if(
            &s.app,
            &s.clinician,
            Method::POST,
            &path,
            Some("\"r1\""),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await
}

/// Amends `note` as `who`; the amendment's JSON.
async fn amend(s: &Session, who: &SignedIn, note: &str, text: &str) -> TestResponse {
    let path = format!("{}/amendments", note_path(note));
    send(
        &s.app,
        who,
        Method::POST,
        &path,
        Some(json!({"body": text})),
    )
    .await
}

/// `(status, key_id, body_ciphertext)` of a stored note.
async fn stored(app: &TestApp, note: &str) -> (String, String, String) {
    let id = note.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            use haven_care::schema::care_clinical_notes as t;
            t::table
                .find(id)
                .select((t::status, t::key_id, t::body_ciphertext))
                .first(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

fn note_rows(rows: Vec<(String, String, String, String)>) -> Vec<String> {
    rows.into_iter()
        .filter(|r| r.1 == "clinical_note")
        .map(|r| format!("{} {} {}", r.0, r.2, r.3))
        .collect()
}

#[tokio::test]
async fn the_author_drafts_with_if_match_signs_and_the_signed_note_never_changes() {
    let s = session(false).await;
    let text = "Reports sleeping four hours a night since the move.";
    // Not yet held: nothing to document.
    send(
        &s.app,
        &s.clinician,
        Method::POST,
        &notes_path(&s.appointment),
        Some(json!({"body": text})),
    )
    .await
    .assert_problem(StatusCode::CONFLICT, "appointment_not_held")
    .await;
    start(&s.app, &s.appointment).await;
    send(
        &s.app,
        &s.clinician,
        Method::POST,
        &notes_path(&s.appointment),
        Some(json!({"body": "   "})),
    )
    .await
    .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
    .await;

    let note = write(&s, &s.clinician, text).await;
    let id = note["id"].as_str().unwrap().to_owned();
    assert_eq!(note["status"], "draft");
    assert_eq!(note["body"], text);
    assert_eq!(note["member_id"], s.member.user_id.as_str());
    assert_eq!(note["signed_at"], Value::Null);
    // At rest: only ciphertext, under the configured key.
    let (status, key_id, cipher) = stored(&s.app, &id).await;
    assert_eq!((status.as_str(), key_id.as_str()), ("draft", "test"));
    assert!(!cipher.contains("sleeping") && !cipher.contains(text));

    let path = note_path(&id);
    let changed = "Reports sleeping five hours a night since the move.";
    let put = |tag: Option<&'static str>, body: &'static str| {
        send_if(
            &s.app,
            &s.clinician,
            Method::PUT,
            &path,
            tag,
            Some(json!({"body": body})),
        )
    };
    put(None, changed)
        .await
        .assert_problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required")
        .await;
    put(Some("\"r7\""), changed)
        .await
        .assert_problem(StatusCode::PRECONDITION_FAILED, "precondition_failed")
        .await;
    let resp = put(
        Some("\"r1\""),
        "Reports sleeping five hours a night since the move.",
    )
    .await;
    assert_eq!(resp.0.headers()["etag"], "\"r2\"");
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let updated = json_of(resp, StatusCode::OK).await;
    assert_eq!(updated["body"], changed);
    // The version read is the version signed.
    let sign_path = format!("{path}/sign");
    send_if(
        &s.app,
        &s.clinician,
        Method::POST,
        &sign_path,
        Some("\"r1\""),
        None,
    )
    .await
    .assert_problem(StatusCode::PRECONDITION_FAILED, "precondition_failed")
    .await;
    let resp = send_if(
        &s.app,
        &s.clinician,
        Method::POST,
        &sign_path,
        Some("\"r2\""),
        None,
    )
    .await;
    assert_eq!(resp.0.headers()["etag"], "\"r3\"");
    let signed = json_of(resp, StatusCode::OK).await;
    assert_eq!(signed["status"], "signed");
    assert!(signed["signed_at"].is_string());
    let at_signing = stored(&s.app, &id).await;

    // Signed: immutable through the API…
    put(Some("\"r3\""), "Rewritten history.")
        .await
        .assert_problem(StatusCode::CONFLICT, "note_signed")
        .await;
    send_if(
        &s.app,
        &s.clinician,
        Method::POST,
        &sign_path,
        Some("\"r3\""),
        None,
    )
    .await
    .assert_problem(StatusCode::CONFLICT, "note_signed")
    .await;
    // …and in the database.
    let update = format!("UPDATE care_clinical_notes SET body_ciphertext = 'x' WHERE id = '{id}'");
    assert!(
        exec(&s.app, &update).await.is_err(),
        "the database must refuse"
    );
    let unsign = format!(
        "UPDATE care_clinical_notes SET status = 'draft', signed_at = NULL WHERE id = '{id}'"
    );
    assert!(
        exec(&s.app, &unsign).await.is_err(),
        "the database must refuse"
    );
    let delete = format!("DELETE FROM care_clinical_notes WHERE id = '{id}'");
    assert!(
        exec(&s.app, &delete).await.is_err(),
        "the database must refuse"
    );
    assert_eq!(stored(&s.app, &id).await, at_signing);

    // Changes are amendments, shown with the note in order.
    let first = json_of(
        amend(&s, &s.clinician, &id, "Correction: the move was in March.").await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(first["amends_id"], id.as_str());
    assert_eq!(first["status"], "signed");
    let first_id = first["id"].as_str().unwrap().to_owned();
    // Amending an amendment amends the same note.
    json_of(
        amend(
            &s,
            &s.clinician,
            &first_id,
            "Addendum: sleep diary started.",
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let read = json_of(
        send(&s.app, &s.clinician, Method::GET, &path, None).await,
        StatusCode::OK,
    )
    .await;
    let amendments: Vec<&str> = read["amendments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        amendments,
        [
            "Correction: the move was in March.",
            "Addendum: sleep diary started."
        ]
    );
    assert_eq!(read["body"], changed);
    // A draft is edited, not amended; drafts stay deletable in the database.
    let draft = write(&s, &s.clinician, "Second thoughts, not ready.").await;
    let draft_id = draft["id"].as_str().unwrap();
    amend(&s, &s.clinician, draft_id, "Addendum to a draft.")
        .await
        .assert_problem(StatusCode::CONFLICT, "note_not_signed")
        .await;
    let delete = format!("DELETE FROM care_clinical_notes WHERE id = '{draft_id}'");
    assert_eq!(exec(&s.app, &delete).await.unwrap(), 1);

    assert_eq!(
        note_rows(audit_rows(&s.app, &s.member.user_id).await),
        [
            "clinician create allowed",
            "clinician update allowed",
            "clinician sign allowed",
            "clinician create allowed",
            "clinician create allowed",
            "clinician read allowed",
            "clinician create allowed",
        ]
    );
}

#[tokio::test]
async fn the_author_and_care_team_clinicians_read_notes_no_one_else() {
    let s = session(false).await;
    start(&s.app, &s.appointment).await;
    let signed = write(
        &s,
        &s.clinician,
        "Discussed coping plan; follow up in two weeks.",
    )
    .await;
    let signed_id = signed["id"].as_str().unwrap().to_owned();
    sign(&s, &signed_id).await;
    let draft = write(&s, &s.clinician, "Unfinished impressions of the session.").await;
    let draft_id = draft["id"].as_str().unwrap().to_owned();

    let (colleague, colleague_prv) = provider(&s.app, &s.admin, "psychiatrist", "UTC").await;
    join_team(
        &s.app,
        &s.member.user_id,
        colleague_prv["id"].as_str().unwrap(),
    )
    .await;
    let (stranger, _) = provider(&s.app, &s.admin, "therapist", "UTC").await;
    let (coach, coach_prv) = provider(&s.app, &s.admin, "coach", "UTC").await;
    join_team(&s.app, &s.member.user_id, coach_prv["id"].as_str().unwrap()).await;
    let other_member = s.app.member().await;

    // A care-team clinician reads signed notes, not another's drafts, and may amend.
    let read = json_of(
        send(
            &s.app,
            &colleague,
            Method::GET,
            &note_path(&signed_id),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        read["body"],
        "Discussed coping plan; follow up in two weeks."
    );
    send(&s.app, &colleague, Method::GET, &note_path(&draft_id), None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "note_not_found")
        .await;
    json_of(
        amend(&s, &colleague, &signed_id, "Medication review booked.").await,
        StatusCode::CREATED,
    )
    .await;
    // Only the author changes or signs; a colleague who cannot see the draft gets 404.
    send_if(
        &s.app,
        &colleague,
        Method::POST,
        &format!("{}/sign", note_path(&draft_id)),
        Some("\"r1\""),
        None,
    )
    .await
    .assert_problem(StatusCode::NOT_FOUND, "note_not_found")
    .await;
    // Lists: the author sees their draft too; the colleague signed notes only.
    let by_author = json_of(
        send(
            &s.app,
            &s.clinician,
            Method::GET,
            &notes_path(&s.appointment),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(by_author["items"].as_array().unwrap().len(), 2);
    let by_colleague = json_of(
        send(
            &s.app,
            &colleague,
            Method::GET,
            &format!("/v1/care/provider/members/{}/notes", s.member.user_id),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let items = by_colleague["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(
        items[0]["amendments"][0]["body"],
        "Medication review booked."
    );

    // A clinician off the team: 404, audited as denied.
    send(&s.app, &stranger, Method::GET, &note_path(&signed_id), None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "note_not_found")
        .await;
    send(
        &s.app,
        &stranger,
        Method::GET,
        &notes_path(&s.appointment),
        None,
    )
    .await
    .assert_problem(StatusCode::NOT_FOUND, "appointment_not_found")
    .await;
    send(
        &s.app,
        &stranger,
        Method::GET,
        &format!("/v1/care/provider/members/{}/notes", s.member.user_id),
        None,
    )
    .await
    .assert_problem(StatusCode::NOT_FOUND, "member_not_found")
    .await;
    send(
        &s.app,
        &stranger,
        Method::POST,
        &notes_path(&s.appointment),
        Some(json!({"body": "Not my patient."})),
    )
    .await
    .assert_problem(StatusCode::NOT_FOUND, "appointment_not_found")
    .await;
    // Coaches and admins never read note bodies; members only where the policy allows.
    for who in [&coach, &s.admin] {
        send(&s.app, who, Method::GET, &note_path(&signed_id), None)
            .await
            .assert_problem(StatusCode::FORBIDDEN, "forbidden")
            .await;
    }
    for who in [&s.member, &other_member] {
        send(&s.app, who, Method::GET, "/v1/care/me/notes", None)
            .await
            .assert_problem(StatusCode::FORBIDDEN, "note_access_disabled")
            .await;
    }

    let rows = note_rows(audit_rows(&s.app, &s.member.user_id).await);
    let denied: Vec<&String> = rows.iter().filter(|r| r.ends_with("denied")).collect();
    assert_eq!(
        denied,
        [
            "clinician read denied",
            "clinician sign denied",
            "clinician read denied",
            "clinician list denied",
            "clinician list denied",
            "clinician create denied",
        ],
        "the colleague's draft read and sign; the stranger's read, two lists and write"
    );
}

#[tokio::test]
async fn members_read_their_signed_notes_where_the_policy_allows_and_erasure_keeps_them() {
    let s = session(true).await;
    start(&s.app, &s.appointment).await;
    let note = write(&s, &s.clinician, "Good progress on exposure exercises.").await;
    let id = note["id"].as_str().unwrap().to_owned();
    write(&s, &s.clinician, "Draft the member must not see yet.").await;
    sign(&s, &id).await;
    json_of(
        amend(&s, &s.clinician, &id, "Homework: two exercises a day.").await,
        StatusCode::CREATED,
    )
    .await;

    let mine = json_of(
        send(&s.app, &s.member, Method::GET, "/v1/care/me/notes", None).await,
        StatusCode::OK,
    )
    .await;
    let items = mine["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "signed notes only: {mine}");
    assert_eq!(items[0]["body"], "Good progress on exposure exercises.");
    assert_eq!(
        items[0]["amendments"][0]["body"],
        "Homework: two exercises a day."
    );
    let other = s.app.member().await;
    let theirs = json_of(
        send(&s.app, &other, Method::GET, "/v1/care/me/notes", None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(theirs["items"], json!([]));

    let service = haven_app::wiring::modules(&s.app.ctx)
        .care
        .service()
        .clone();
    let member: haven_platform::ids::UserId = s.member.user_id.parse().unwrap();
    let data = service.export_member(&member).await.unwrap();
    let exported: Vec<&str> = data["clinical_notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        exported,
        [
            "Good progress on exposure exercises.",
            "Homework: two exercises a day."
        ]
    );

    let before = stored(&s.app, &id).await;
    service.erase_member(&member).await.unwrap();
    // Kept, encrypted as it was, no longer under the member's id.
    assert_eq!(stored(&s.app, &id).await, before);
    let (left, _) = member_ids(&s.app, &s.member.user_id).await;
    assert_eq!(left, 0, "no note names the erased member");
    let note_appointment = s.appointment.clone();
    let kept: i64 = s
        .app
        .ctx
        .db
        .run(move |conn| {
            use haven_care::schema::care_appointments as t;
            t::table
                .filter(t::id.eq(note_appointment))
                .count()
                .get_result(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(kept, 1, "the noted appointment is kept");
}

/// `(notes of member, all notes)`.
async fn member_ids(app: &TestApp, member: &str) -> (i64, i64) {
    let member = member.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            use haven_care::schema::care_clinical_notes as t;
            let of = t::table
                .filter(t::member_id.eq(member))
                .count()
                .get_result(conn)
                .map_err(DbError::Query)?;
            let all = t::table.count().get_result(conn).map_err(DbError::Query)?;
            Ok::<_, DbError>((of, all))
        })
        .await
        .unwrap()
}

/// The care service of a node with `keys` as its `care.notes.master_keys`, on `app`'s
/// database (a rolling deployment of a new key ring).
fn node_with_keys(
    app: &TestApp,
    keys: Vec<haven_platform::config::NamedKey>,
) -> (haven_platform::PlatformContext, haven_care::CareService) {
    let mut settings = (*app.ctx.settings).clone();
    settings.care.notes.master_keys = keys;
    let ctx = haven_platform::PlatformContext::new(settings, haven_platform::testing::TEST_BUILD)
        .unwrap();
    let service = haven_app::wiring::modules(&ctx).care.service().clone();
    (ctx, service)
}

#[tokio::test]
async fn a_new_master_key_takes_over_and_old_notes_stay_readable_until_rewrapped() {
    let s = session(false).await;
    start(&s.app, &s.appointment).await;
    let note = write(&s, &s.clinician, "Baseline PHQ-9 reviewed together.").await;
    let id = note["id"].as_str().unwrap().to_owned();
    sign(&s, &id).await;
    let old = s.app.ctx.settings.care.notes.master_keys[0].clone();
    let new = haven_platform::testing::random_named_key("k2");
    let author = haven_care::audit::model::Actor {
        id: s.clinician.user_id.parse().unwrap(),
        role: haven_care::audit::model::ActorRole::Clinician,
    };
    let note_id: haven_care::notes::model::NoteId = id.parse().unwrap();

    // Step 1: every node gets the ring [new, old]; old notes still read.
    let (_ctx, rotated) = node_with_keys(&s.app, vec![new.clone(), old.clone()]);
    let view = rotated.read_note(author, note_id).await.unwrap();
    assert_eq!(view.body, "Baseline PHQ-9 reviewed together.");
    // (New notes are wrapped by the new key, so the ring reaches every node before the
    // old key is dropped: docs/runbook.md.)
    // Step 2: the job moves every note to the new key; the body is not re-encrypted.
    let (_, _, cipher_before) = stored(&s.app, &id).await;
    let done = rotated.rewrap_note_keys().await.unwrap();
    assert_eq!((done.moved, done.left), (1, 0));
    let (_, key_id, cipher_after) = stored(&s.app, &id).await;
    assert_eq!(key_id, "k2");
    assert_eq!(
        cipher_after, cipher_before,
        "a signed body is never rewritten"
    );
    assert_eq!(rotated.rewrap_note_keys().await.unwrap().moved, 0);
    // Step 3: the old key is dropped; everything still reads.
    let (_ctx3, new_only) = node_with_keys(&s.app, vec![new.clone()]);
    let view = new_only.read_note(author, note_id).await.unwrap();
    assert_eq!(view.body, "Baseline PHQ-9 reviewed together.");
    // A node left with only the old key cannot read it: a 500, never plaintext or garbage.
    let (_ctx4, stale) = node_with_keys(&s.app, vec![old]);
    assert!(stale.read_note(author, note_id).await.is_err());
    // And a body copied onto another note does not decrypt there (bound to its id).
    let other = write(&s, &s.clinician, "A second note to swap into.").await;
    let other_id = other["id"].as_str().unwrap().to_owned();
    let swap = format!(
        "UPDATE care_clinical_notes SET key_id = '{key_id}', \
         wrapped_key = (SELECT wrapped_key FROM care_clinical_notes WHERE id = '{id}'), \
         body_ciphertext = '{cipher_after}' WHERE id = '{other_id}'"
    );
    exec(&s.app, &swap).await.unwrap();
    let resp = send_unchecked(
        &s.app,
        &s.clinician,
        Method::GET,
        &note_path(&other_id),
        None,
    )
    .await;
    assert_eq!(resp.0.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = resp.0.into_body().into_string().await.unwrap();
    assert!(!body.contains("Baseline"), "{body}");
}

#[tokio::test]
async fn without_a_master_key_notes_are_refused_not_stored_in_clear() {
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.care.notes.master_keys = Vec::new();
            s.auth.mfa_encryption_key = None;
        })
        .build(haven_app::wiring::build_app)
        .await;
    let clinician = app.clinician().await;
    let appointment = haven_care::appointments::model::AppointmentId::new();
    send(
        &app,
        &clinician,
        Method::POST,
        &notes_path(&appointment.to_string()),
        Some(json!({"body": "Nothing to hold this."})),
    )
    .await
    .assert_problem(StatusCode::SERVICE_UNAVAILABLE, "notes_unavailable")
    .await;
    assert_eq!(member_ids(&app, "nobody").await.1, 0);
}

#[tokio::test]
async fn concurrent_edits_of_a_draft_one_wins_the_other_is_stale_on_postgres() {
    if require_service(Service::Postgres).is_none() {
        return;
    }
    let s = session(false).await;
    start(&s.app, &s.appointment).await;
    let note = write(&s, &s.clinician, "Initial draft of the intake note.").await;
    let path = note_path(note["id"].as_str().unwrap());
    let edits = (0..8).map(|i| {
        let path = path.clone();
        let (app, who) = (&s.app, &s.clinician);
        async move {
            let body = json!({"body": format!("Intake note, version {i}.")});
            send_if(app, who, Method::PUT, &path, Some("\"r1\""), Some(body))
                .await
                .0
                .status()
        }
    });
    let statuses = futures_util::future::join_all(edits).await;
    let won = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let stale = statuses
        .iter()
        .filter(|s| **s == StatusCode::PRECONDITION_FAILED)
        .count();
    assert_eq!((won, stale), (1, 7), "{statuses:?}");
    let read = json_of(
        send(&s.app, &s.clinician, Method::GET, &path, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(read["revision"], 2);
}
