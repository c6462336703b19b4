//! Benchmarks of care (issue 14), run by `bench/care`, in-process on the backend of
//! `HAVEN_TEST_POSTGRES_URL` (SQLite when unset):
//! 1. Slot generation for one provider over 30 days: `CareService::list_slots` as the
//!    slots endpoint calls it (the provider's row, the member's profile and the busy
//!    ranges read, then the generation), and the generation alone (`slots`). The provider
//!    has split weekly hours in Europe/Berlin, 65 date exceptions (60 past, 5 in the
//!    window), and about half of their next 60 days booked.
//! 2. Matching over 500 therapists: `CareService::matches` as `/v1/care/me/matches` calls
//!    it (profile, care team, every therapist and their busy ranges read, then the
//!    ranking), and the ranking alone (`matching::rank`). Therapists have 1–3 licenses
//!    (some expired), 1–3 languages, 1–4 specialties, weekly hours in one of five zones,
//!    a few exceptions, 80 % accept new members, and each has up to 12 sessions booked in
//!    the next two weeks.
//!
//! 3. Audited reads (issue 15): one of the member's assessments read through
//!    `CareService::my_assessment` (the row and its PHI audit row in one write
//!    transaction) against the same read without the audit (`Db::read`, one read-only
//!    transaction), one at a time and with 16 concurrent readers (reads/s).
//!
//! p50/p99/max in ms over N calls per row, printed as markdown rows.
//!
//! cargo run --release -p haven-tests --example care -- [iterations]

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::collections::HashMap;
use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use haven_care::CareService;
use haven_care::appointments::matching::{MemberFacts, SEARCH_DAYS, eligible, rank};
use haven_care::appointments::repo::{self as appointments, AppointmentRow};
use haven_care::assessments::model::{AssessmentId, Instrument};
use haven_care::assessments::repo as assessments;
use haven_care::availability::model::{
    AppointmentType, Exception, Schedule, SlotQuery, WeeklyRule, slots,
};
use haven_care::providers::model::{License, Provider, ProviderId, ProviderType, Specialty};
use haven_care::providers::repo::{self as providers, ProviderRow};
use haven_platform::DbError;
use haven_platform::ids::UserId;
use haven_platform::testing::{SignedIn, TestApp};
use haven_platform::time::now_utc;
use poem::http::{Method, StatusCode};
use serde_json::json;

/// Calls per row unless given.
const DEFAULT_ITERATIONS: usize = 1000;
/// Candidates of the matching bench.
const THERAPISTS: usize = 500;

fn percentiles(mut ns: Vec<u128>) -> (f64, f64, f64) {
    ns.sort_unstable();
    let at = |q: f64| ns[((ns.len() as f64 * q) as usize).min(ns.len() - 1)] as f64 / 1e6;
    (at(0.5), at(0.99), *ns.last().unwrap() as f64 / 1e6)
}

fn row(what: &str, backend: &str, ns: Vec<u128>) {
    let n = ns.len();
    let (p50, p99, max) = percentiles(ns);
    println!("| {what} | {backend} | {n} | {p50:.3} | {p99:.3} | {max:.3} |");
}

/// A tiny deterministic generator (xorshift): the data set is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

fn rule(weekday: u8, from_h: u16, to_h: u16) -> WeeklyRule {
    WeeklyRule {
        weekday,
        start_min: from_h * 60,
        end_min: to_h * 60,
    }
}

fn provider(kind: ProviderType, zone: Tz, schedule: Schedule, now: NaiveDateTime) -> Provider {
    Provider {
        id: ProviderId::new(),
        user_id: UserId::new(),
        provider_type: kind,
        display_name: "Bench Provider".to_owned(),
        bio: "Fifteen years of practice, CBT and ACT.".to_owned(),
        time_zone: zone,
        accepting_new: true,
        specialties: vec![Specialty::Anxiety, Specialty::Sleep],
        languages: vec!["en".to_owned(), "de".to_owned()],
        licenses: vec![License {
            jurisdiction: "US-CA".to_owned(),
            number: "PSY-1".to_owned(),
            authority: "California Board of Psychology".to_owned(),
            expires_on: NaiveDate::from_ymd_opt(2099, 12, 31).unwrap(),
        }],
        schedule,
        created_at: now,
        updated_at: now,
    }
}

/// A booked appointment of `kind` for a fresh member at `start`.
fn booked(provider: ProviderId, kind: AppointmentType, start: NaiveDateTime) -> AppointmentRow {
    let r = kind.ranges(start);
    let now = now_utc();
    AppointmentRow {
        id: haven_care::appointments::model::AppointmentId::new(),
        member_id: UserId::new(),
        provider_id: provider,
        appointment_type: kind.as_str().to_owned(),
        status: "booked".to_owned(),
        starts_at: r.starts_at,
        ends_at: r.ends_at,
        blocked_from: r.blocked_from,
        blocked_until: r.blocked_until,
        unit_feature: None,
        unit_reference: None,
        rescheduled_from: None,
        cancelled_by: None,
        cancelled_at: None,
        strike_at: None,
        created_at: now,
        updated_at: now,
    }
}

/// Every `every`-th free start of `p` in `[from, to)`, skipping starts that would overlap
/// the previous pick (so the rows satisfy the exclusion constraints).
fn bookings(
    p: &Provider,
    from: NaiveDateTime,
    to: NaiveDateTime,
    every: usize,
    most: usize,
) -> Vec<AppointmentRow> {
    let kind = AppointmentType::Therapy;
    let q = SlotQuery {
        kind,
        from,
        to,
        step_min: 15,
    };
    let mut out = Vec::new();
    let mut free_from = from;
    for (i, s) in slots(&p.schedule, p.time_zone, q, &[])
        .into_iter()
        .enumerate()
    {
        if out.len() == most {
            break;
        }
        if i % every == 0 && kind.ranges(s).blocked_from >= free_from {
            free_from = kind.ranges(s).blocked_until;
            out.push(booked(p.id, kind, s));
        }
    }
    out
}

async fn insert(app: &TestApp, provs: Vec<Provider>, appts: Vec<AppointmentRow>) {
    let rows: Vec<ProviderRow> = provs.iter().map(|p| ProviderRow::of(p).unwrap()).collect();
    app.ctx
        .db
        .write(move |conn| {
            for r in &rows {
                providers::insert(conn, r)?;
            }
            for a in &appts {
                appointments::insert(conn, a)?;
            }
            Ok::<_, DbError>(())
        })
        .await
        .unwrap();
}

async fn care_profile(app: &TestApp, member: &SignedIn) {
    let resp = member
        .request(app, Method::PUT, "/v1/care/me/profile")
        .body_json(&json!({
            "country": "US", "us_state": "CA", "languages": ["en-US", "es"],
            "time_zone": "America/Los_Angeles", "emergency_contact": null
        }))
        .send()
        .await;
    assert_eq!(resp.0.status(), StatusCode::OK);
}

/// The slot bench's provider: split hours Mon–Fri, two evenings, 60 past exceptions and
/// 5 in the coming month.
fn busy_practice(now: NaiveDateTime) -> Provider {
    let berlin: Tz = "Europe/Berlin".parse().unwrap();
    let mut rules = Vec::new();
    for d in 1..=4 {
        rules.push(rule(d, 9, 12));
        rules.push(rule(d, 13, 17));
    }
    rules.push(rule(5, 9, 13));
    rules.push(rule(2, 18, 20));
    rules.push(rule(4, 18, 20));
    let today = now.date();
    let mut exceptions: Vec<Exception> = (1..=60)
        .map(|i| Exception::DayOff {
            date: today - Duration::days(i * 11),
        })
        .collect();
    for i in [4, 9, 17] {
        exceptions.push(Exception::DayOff {
            date: today + Duration::days(i),
        });
    }
    for i in [6, 20] {
        let date = today + Duration::days(i);
        // A Saturday morning added.
        let date =
            date + Duration::days(i64::from((6 + 7 - date.weekday().number_from_monday()) % 7));
        exceptions.push(Exception::ExtraHours {
            date,
            start_min: 10 * 60,
            end_min: 14 * 60,
        });
    }
    provider(
        ProviderType::Therapist,
        berlin,
        Schedule { rules, exceptions },
        now,
    )
}

/// 500 therapists with varied licenses, languages, specialties, zones and hours.
fn directory(rng: &mut Rng, now: NaiveDateTime) -> Vec<Provider> {
    const JURISDICTIONS: [&str; 8] = [
        "US-CA", "US-NY", "US-TX", "US-WA", "US-FL", "DE", "GB", "US-IL",
    ];
    const LANGUAGES: [&str; 6] = ["en", "en-US", "es", "de", "fr", "zh-Hans"];
    const ZONES: [&str; 5] = [
        "America/Los_Angeles",
        "America/New_York",
        "America/Chicago",
        "Europe/Berlin",
        "Europe/London",
    ];
    const SPECIALTIES: [Specialty; 11] = [
        Specialty::Anxiety,
        Specialty::Depression,
        Specialty::Sleep,
        Specialty::Grief,
        Specialty::Stress,
        Specialty::Trauma,
        Specialty::Relationships,
        Specialty::SubstanceUse,
        Specialty::Adhd,
        Specialty::Eating,
        Specialty::Ocd,
    ];
    let today = now.date();
    (0..THERAPISTS)
        .map(|_| {
            let zone: Tz = ZONES[rng.below(ZONES.len())].parse().unwrap();
            let mut rules = Vec::new();
            let start = 7 + rng.below(5) as u16;
            let days = 3 + rng.below(3) as u8;
            let first = 1 + rng.below(3) as u8;
            for d in first..first + days {
                rules.push(rule(d, start, start + 3));
                rules.push(rule(d, start + 4, start + 8));
            }
            let exceptions = (0..rng.below(8))
                .map(|_| Exception::DayOff {
                    date: today + Duration::days(rng.below(30) as i64),
                })
                .collect();
            let mut p = provider(
                ProviderType::Therapist,
                zone,
                Schedule { rules, exceptions },
                now,
            );
            let mut js: Vec<&str> = Vec::new();
            for _ in 0..1 + rng.below(3) {
                let j = JURISDICTIONS[rng.below(JURISDICTIONS.len())];
                if !js.contains(&j) {
                    js.push(j);
                }
            }
            p.licenses = js
                .into_iter()
                .map(|j| License {
                    jurisdiction: j.to_owned(),
                    number: format!("LIC-{}", rng.below(1_000_000)),
                    authority: "State board".to_owned(),
                    // One in ten has lapsed.
                    expires_on: if rng.chance(10) {
                        today - Duration::days(30)
                    } else {
                        today + Duration::days(400)
                    },
                })
                .collect();
            let mut langs: Vec<String> = Vec::new();
            for _ in 0..1 + rng.below(3) {
                let l = LANGUAGES[rng.below(LANGUAGES.len())].to_owned();
                if !langs.contains(&l) {
                    langs.push(l);
                }
            }
            p.languages = langs;
            let mut specs = Vec::new();
            for _ in 0..1 + rng.below(4) {
                let s = SPECIALTIES[rng.below(SPECIALTIES.len())];
                if !specs.contains(&s) {
                    specs.push(s);
                }
            }
            p.specialties = specs;
            p.accepting_new = rng.chance(80);
            p
        })
        .collect()
}

#[tokio::main]
async fn main() {
    let iterations: usize = std::env::args()
        .nth(1)
        .map_or(DEFAULT_ITERATIONS, |a| a.parse().unwrap());
    let postgres = std::env::var("HAVEN_TEST_POSTGRES_URL").is_ok_and(|v| !v.is_empty());
    let backend = if postgres { "postgres" } else { "sqlite" };
    let app = haven_app::testing::builder()
        .build(haven_app::wiring::build_app)
        .await;
    let care: CareService = haven_app::wiring::modules(&app.ctx).care.service().clone();
    let step = i64::from(care.settings().slot_step_minutes);
    let member = app.member().await;
    care_profile(&app, &member).await;
    let member_id: UserId = member.user_id.parse().unwrap();
    let now = now_utc();
    let mut rng = Rng(0x00ca_4eb3_2c11_0001);

    // 1. Slots: one busy provider, about half of the next 60 days booked.
    let practice = busy_practice(now);
    let horizon = now + Duration::days(60);
    let appts = bookings(&practice, now, horizon, 8, usize::MAX);
    let booked_count = appts.len();
    let busy: Vec<(NaiveDateTime, NaiveDateTime)> = appts
        .iter()
        .map(|a| (a.blocked_from, a.blocked_until))
        .collect();
    insert(&app, vec![practice.clone()], appts).await;
    let (from, to) = (now, now + Duration::days(30));
    let (_, first) = care
        .list_slots(
            member_id,
            practice.id,
            AppointmentType::Therapy,
            from,
            to,
            None,
        )
        .await
        .unwrap();
    println!(
        "# slots: one therapist (Europe/Berlin, {} weekly rules, {} exceptions, {booked_count} sessions booked in 60 days): {} free therapy starts in the 30-day window",
        practice.schedule.rules.len(),
        practice.schedule.exceptions.len(),
        first.len()
    );
    assert!(!first.is_empty());
    let mut ns = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let started = Instant::now();
        let (_, s) = care
            .list_slots(
                member_id,
                practice.id,
                AppointmentType::Therapy,
                from,
                to,
                None,
            )
            .await
            .unwrap();
        ns.push(started.elapsed().as_nanos());
        assert_eq!(s.len(), first.len());
    }
    row(
        "`CareService::list_slots`, one provider, 30 days (3 reads + generation)",
        backend,
        ns,
    );
    let q = SlotQuery {
        kind: AppointmentType::Therapy,
        from,
        to,
        step_min: step,
    };
    let mut ns = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let started = Instant::now();
        let s = slots(&practice.schedule, practice.time_zone, q, &busy);
        ns.push(started.elapsed().as_nanos());
        assert!(s.len() >= first.len());
    }
    row("`slots`, generation alone, 30 days", backend, ns);

    // 2. Matching: 500 therapists, up to 12 sessions each in the next two weeks.
    let therapists = directory(&mut rng, now);
    let mut appts = Vec::new();
    for p in &therapists {
        let every = 4 + rng.below(8);
        appts.extend(bookings(
            p,
            now + Duration::hours(2),
            now + Duration::days(SEARCH_DAYS),
            every,
            rng.below(13),
        ));
    }
    let appt_count = appts.len();
    insert(&app, therapists, appts).await;
    let wanted = vec![Specialty::Anxiety, Specialty::Sleep];
    let found = care
        .matches(member_id, AppointmentType::Therapy, wanted.clone())
        .await
        .unwrap();
    println!(
        "# matching: {} therapists ({appt_count} sessions booked), member in US-CA speaking en-US and es, wanting anxiety and sleep: {} results (at most 20)",
        THERAPISTS + 1,
        found.len()
    );
    assert!(!found.is_empty());
    let mut ns = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let started = Instant::now();
        let m = care
            .matches(member_id, AppointmentType::Therapy, wanted.clone())
            .await
            .unwrap();
        ns.push(started.elapsed().as_nanos());
        assert_eq!(m.len(), found.len());
    }
    row(
        "`CareService::matches`, 501 therapists (reads + ranking)",
        backend,
        ns,
    );

    // The ranking alone, on the same rows.
    let window_from = now + Duration::minutes(i64::from(care.settings().min_notice_minutes));
    let window = (window_from, window_from + Duration::days(SEARCH_DAYS));
    let (candidates, busy) = app
        .ctx
        .db
        .read(move |conn| {
            let rows = providers::all_of(conn, &["therapist"])?;
            let candidates: Vec<Provider> = rows
                .into_iter()
                .map(|r| r.into_provider().unwrap())
                .collect();
            let ids: Vec<ProviderId> = candidates.iter().map(|p| p.id).collect();
            let mut busy: HashMap<ProviderId, Vec<(NaiveDateTime, NaiveDateTime)>> = HashMap::new();
            for (id, s, e) in appointments::providers_busy(
                conn,
                &ids,
                window.0 - Duration::days(1),
                window.1 + Duration::days(1),
            )? {
                busy.entry(id).or_default().push((s, e));
            }
            Ok::<_, DbError>((candidates, busy))
        })
        .await
        .unwrap();
    let facts = MemberFacts {
        jurisdiction: "US-CA".to_owned(),
        languages: vec!["en-US".to_owned(), "es".to_owned()],
        team: Vec::new(),
    };
    let passing = eligible(
        candidates.clone(),
        &facts,
        AppointmentType::Therapy,
        window.0.date(),
    );
    println!(
        "# matching: {} of them pass the hard filters (licensed in US-CA, speak en or es, accept new members)",
        passing.len()
    );
    let mut ns = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let input = candidates.clone();
        let started = Instant::now();
        let m = rank(
            input,
            &facts,
            AppointmentType::Therapy,
            &wanted,
            &busy,
            window,
            step,
        );
        ns.push(started.elapsed().as_nanos());
        assert_eq!(m.len(), found.len());
    }
    row(
        "`matching::rank`, ranking alone, 501 therapists",
        backend,
        ns,
    );

    audited_reads(&app, &care, member_id, backend, iterations).await;
}

/// The assessment read without its audit row.
async fn plain(db: &haven_platform::Db, id: AssessmentId) {
    db.read(move |conn| assessments::find(conn, &id).map_err(DbError::from))
        .await
        .unwrap()
        .unwrap();
}

/// Part 3: what the audit row costs a read.
async fn audited_reads(
    app: &TestApp,
    care: &CareService,
    member: UserId,
    backend: &str,
    iterations: usize,
) {
    let answers = vec![1, 2, 1, 0, 1, 2, 1, 0, 0];
    let id = care
        .submit_assessment(member, Instrument::Phq9, answers)
        .await
        .unwrap()
        .assessment
        .id;
    let mut ns = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let started = Instant::now();
        care.my_assessment(member, id).await.unwrap();
        ns.push(started.elapsed().as_nanos());
    }
    row(
        "`my_assessment`, audited (read + audit row, one transaction)",
        backend,
        ns,
    );
    let mut ns = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let started = Instant::now();
        plain(&app.ctx.db, id).await;
        ns.push(started.elapsed().as_nanos());
    }
    row("the same read, not audited (`Db::read`)", backend, ns);

    // 16 readers at once: the audit makes every read a write (SQLite serializes them).
    for audited in [true, false] {
        let started = Instant::now();
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let (care, db) = (care.clone(), app.ctx.db.clone());
                tokio::spawn(async move {
                    for _ in 0..iterations / 16 {
                        if audited {
                            care.my_assessment(member, id).await.unwrap();
                        } else {
                            plain(&db, id).await;
                        }
                    }
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        let rate = (iterations / 16 * 16) as f64 / started.elapsed().as_secs_f64();
        let what = if audited { "audited" } else { "not audited" };
        println!("# 16 concurrent readers, {what}, {backend}: {rate:.0} reads/s");
    }
}
