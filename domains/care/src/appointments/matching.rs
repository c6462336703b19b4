//! Matching: the providers who may see the member for a kind of session, ranked.
//!
//! Hard filters: the provider gives that kind of session, is licensed (license not
//! expired) where the member lives (clinicians), speaks one of the member's languages
//! (by primary subtag: `es-MX` matches `es`), and accepts new members unless already on
//! the member's care team. Ranking: requested specialties matched (more first), then the
//! soonest free slot within the search horizon (sooner first; none last), then id.
//! Every result says why it is there (`reasons`).

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, Fault};

use super::error::BookError;
use super::repo;
use crate::availability::model::{AppointmentType, SlotQuery, slots};
use crate::profiles::repo as profiles;
use crate::providers::model::{Provider, ProviderId, Specialty};
use crate::rules::primary_language;
use crate::service::CareService;

/// How far ahead matching looks for the soonest slot.
pub const SEARCH_DAYS: i64 = 14;
/// Most results.
pub const MAX_RESULTS: usize = 20;

/// One ranked provider.
#[derive(Debug, Clone)]
pub struct Match {
    /// The provider.
    pub provider: Provider,
    /// Requested specialties they work on.
    pub specialties_matched: Vec<Specialty>,
    /// The soonest free start, if any within the horizon.
    pub soonest: Option<NaiveDateTime>,
    /// Why they are listed, as short machine-readable facts (`licensed_in:US-CA`).
    pub reasons: Vec<String>,
}

/// What matching needs of the member.
#[derive(Debug, Clone)]
pub struct MemberFacts {
    /// License jurisdiction.
    pub jurisdiction: String,
    /// Languages.
    pub languages: Vec<String>,
    /// Providers already on the care team.
    pub team: Vec<ProviderId>,
}

/// Why `p` may see the member for `kind` (`licensed_in:…`, `speaks:…`, `on_care_team` or
/// `accepting_new_members`), or `None` when a hard filter excludes them. `member_langs`
/// are the member's primary language subtags; licenses are checked on `today`.
fn qualifies(
    p: &Provider,
    member: &MemberFacts,
    member_langs: &[String],
    kind: AppointmentType,
    today: NaiveDate,
) -> Option<Vec<String>> {
    if p.provider_type != kind.provider_type() {
        return None;
    }
    let mut reasons = Vec::new();
    if p.provider_type.licensed() {
        let l = p.license_in(&member.jurisdiction, today)?;
        reasons.push(format!("licensed_in:{}", l.jurisdiction));
    }
    let spoken = p
        .languages
        .iter()
        .find(|l| member_langs.contains(&primary_language(l)))?;
    reasons.push(format!("speaks:{spoken}"));
    if member.team.contains(&p.id) {
        reasons.push("on_care_team".to_owned());
    } else if p.accepting_new {
        reasons.push("accepting_new_members".to_owned());
    } else {
        return None;
    }
    Some(reasons)
}

fn primary_languages(member: &MemberFacts) -> Vec<String> {
    member
        .languages
        .iter()
        .map(|l| primary_language(l))
        .collect()
}

/// The `candidates` the hard filters of [`rank`] keep (same rules, same `today`), so
/// only their appointments need to be read.
pub fn eligible(
    candidates: Vec<Provider>,
    member: &MemberFacts,
    kind: AppointmentType,
    today: NaiveDate,
) -> Vec<Provider> {
    let member_langs = primary_languages(member);
    candidates
        .into_iter()
        .filter(|p| qualifies(p, member, &member_langs, kind, today).is_some())
        .collect()
}

/// Ranks `candidates` for `kind` (pure: the benches call it directly). `busy` holds each
/// provider's blocked ranges.
pub fn rank(
    candidates: Vec<Provider>,
    member: &MemberFacts,
    kind: AppointmentType,
    wanted: &[Specialty],
    busy: &HashMap<ProviderId, Vec<(NaiveDateTime, NaiveDateTime)>>,
    window: (NaiveDateTime, NaiveDateTime),
    step_min: i64,
) -> Vec<Match> {
    let today = window.0.date();
    let member_langs = primary_languages(member);
    let mut out: Vec<Match> = candidates
        .into_iter()
        .filter_map(|p| {
            let mut reasons = qualifies(&p, member, &member_langs, kind, today)?;
            let specialties_matched: Vec<Specialty> = wanted
                .iter()
                .copied()
                .filter(|s| p.specialties.contains(s))
                .collect();
            for s in &specialties_matched {
                reasons.push(format!(
                    "specialty:{}",
                    serde_json::to_value(s)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default()
                ));
            }
            let soonest = first_slot(
                &p,
                kind,
                busy.get(&p.id).map_or(&[][..], Vec::as_slice),
                window,
                step_min,
            );
            if let Some(s) = soonest {
                reasons.push(format!(
                    "available:{}",
                    haven_platform::http::timestamp::format_utc(&s.and_utc())
                ));
            }
            Some(Match {
                provider: p,
                specialties_matched,
                soonest,
                reasons,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.specialties_matched
            .len()
            .cmp(&a.specialties_matched.len())
            .then_with(|| match (a.soonest, b.soonest) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.provider.id.cmp(&b.provider.id))
    });
    out.truncate(MAX_RESULTS);
    out
}

/// The first free start in `window`, looking a day, then three, then the rest, so a
/// provider free tomorrow costs one day of slot generation.
fn first_slot(
    p: &Provider,
    kind: AppointmentType,
    busy: &[(NaiveDateTime, NaiveDateTime)],
    (from, to): (NaiveDateTime, NaiveDateTime),
    step_min: i64,
) -> Option<NaiveDateTime> {
    let mut start = from;
    for days in [1, 3, SEARCH_DAYS] {
        let end = (from + Duration::days(days)).min(to);
        if start >= end {
            continue;
        }
        let q = SlotQuery {
            kind,
            from: start,
            to: end,
            step_min,
        };
        if let Some(s) = slots(&p.schedule, p.time_zone, q, busy).first() {
            return Some(*s);
        }
        start = end;
    }
    None
}

impl CareService {
    /// The member's matches for `kind`, favouring `wanted` specialties.
    pub async fn matches(
        &self,
        member: UserId,
        kind: AppointmentType,
        wanted: Vec<Specialty>,
    ) -> Result<Vec<Match>, BookError> {
        let this = self.clone();
        let now = now_utc();
        self.db
            .read(move |conn| this.matches_on(conn, member, kind, &wanted, now))
            .await
    }

    fn matches_on(
        &self,
        conn: &mut AnyConnection,
        member: UserId,
        kind: AppointmentType,
        wanted: &[Specialty],
        now: NaiveDateTime,
    ) -> Result<Vec<Match>, BookError> {
        let profile = profiles::find(conn, &member)?.ok_or(BookError::ProfileRequired)?;
        let facts = MemberFacts {
            jurisdiction: profile.jurisdiction(),
            languages: profile.language_list(),
            team: repo::team(conn, &member)?
                .into_iter()
                .map(|(p, _)| p)
                .collect(),
        };
        let (earliest, latest) = self.bookable_window(now);
        let window = (
            earliest,
            (earliest + Duration::days(SEARCH_DAYS)).min(latest),
        );
        // Only the providers the member may see need their appointments read: most of a
        // large directory is filtered out by license and language, and reading (and
        // decoding) every provider's sessions cost more than the rest of matching.
        let candidates = eligible(
            Self::providers_of_types(conn, &[kind.provider_type()]).map_err(fault)?,
            &facts,
            kind,
            window.0.date(),
        );
        let ids: Vec<ProviderId> = candidates.iter().map(|p| p.id).collect();
        let mut busy: HashMap<ProviderId, Vec<(NaiveDateTime, NaiveDateTime)>> = HashMap::new();
        for (id, s, e) in repo::providers_busy(
            conn,
            &ids,
            window.0 - Duration::days(1),
            window.1 + Duration::days(1),
        )? {
            busy.entry(id).or_default().push((s, e));
        }
        Ok(rank(
            candidates,
            &facts,
            kind,
            wanted,
            &busy,
            window,
            i64::from(self.settings.slot_step_minutes),
        ))
    }
}

fn fault(f: Fault) -> BookError {
    match f {
        Fault::Db(e) => BookError::Db(e),
        Fault::Unexpected(e) => BookError::Unexpected(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::availability::model::{Schedule, WeeklyRule};
    use crate::providers::model::{License, ProviderType};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn therapist(jurisdiction: &str, expires: &str, language: &str, accepting: bool) -> Provider {
        let now = day("2027-01-04").and_hms_opt(0, 0, 0).unwrap_or_default();
        Provider {
            id: ProviderId::new(),
            user_id: UserId::new(),
            provider_type: ProviderType::Therapist,
            display_name: "T".to_owned(),
            bio: String::new(),
            time_zone: chrono_tz::UTC,
            accepting_new: accepting,
            specialties: vec![Specialty::Anxiety],
            languages: vec![language.to_owned()],
            licenses: vec![License {
                jurisdiction: jurisdiction.to_owned(),
                number: "L-1".to_owned(),
                authority: "Board".to_owned(),
                expires_on: day(expires),
            }],
            schedule: Schedule {
                rules: (1..=7)
                    .map(|weekday| WeeklyRule {
                        weekday,
                        start_min: 9 * 60,
                        end_min: 17 * 60,
                    })
                    .collect(),
                exceptions: vec![],
            },
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn eligible_keeps_exactly_the_providers_rank_lists() {
        let on_team = therapist("US-CA", "2030-01-01", "en", false);
        let mut coach = therapist("US-CA", "2030-01-01", "en", true);
        coach.provider_type = ProviderType::Coach;
        let kept = [
            therapist("US-CA", "2030-01-01", "en-GB", true),
            therapist("US-CA", "2027-01-04", "es", true),
            on_team.clone(),
        ];
        let dropped = [
            therapist("US-CA", "2027-01-03", "en", true),
            therapist("US-NY", "2030-01-01", "en", true),
            therapist("US-CA", "2030-01-01", "de", true),
            therapist("US-CA", "2030-01-01", "en", false),
            coach,
        ];
        let all: Vec<Provider> = kept.iter().chain(&dropped).cloned().collect();
        let member = MemberFacts {
            jurisdiction: "US-CA".to_owned(),
            languages: vec!["en-US".to_owned(), "es".to_owned()],
            team: vec![on_team.id],
        };
        let window = (
            day("2027-01-04").and_hms_opt(8, 0, 0).unwrap_or_default(),
            day("2027-01-18").and_hms_opt(8, 0, 0).unwrap_or_default(),
        );
        let mut expected: Vec<ProviderId> = kept.iter().map(|p| p.id).collect();
        expected.sort();

        let mut filtered: Vec<ProviderId> = eligible(
            all.clone(),
            &member,
            AppointmentType::Therapy,
            window.0.date(),
        )
        .iter()
        .map(|p| p.id)
        .collect();
        filtered.sort();
        let mut ranked: Vec<ProviderId> = rank(
            all,
            &member,
            AppointmentType::Therapy,
            &[],
            &HashMap::new(),
            window,
            15,
        )
        .iter()
        .map(|m| m.provider.id)
        .collect();
        ranked.sort();

        assert_eq!(filtered, expected);
        assert_eq!(ranked, expected);
    }
}
