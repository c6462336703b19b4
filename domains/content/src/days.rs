//! A member's days: the local date an instant falls in, in the zone it was recorded in,
//! with the day ending at `content.day_end_hour` local time (a sleepcast finished at
//! 01:00 belongs to the evening before). Arithmetic is on wall-clock time, so a day is
//! the same local window whether it has 23, 24 or 25 hours (DST).

use chrono::{DateTime, Duration, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// The IANA zone of that name (`Europe/Paris`), if the zone database knows it.
pub fn parse_zone(name: &str) -> Option<Tz> {
    name.trim().parse::<Tz>().ok()
}

/// The member's day `at` falls in, seen in `zone`.
pub fn local_day(at: DateTime<Utc>, zone: Tz, day_end_hour: u32) -> NaiveDate {
    let local = at.with_timezone(&zone).naive_local();
    (local - Duration::hours(i64::from(day_end_hour))).date()
}

/// The instant `day` starts in `zone` (its `day_end_hour`, local). A start inside a DST
/// gap moves to the first instant after it; an ambiguous one (the hour repeated when
/// clocks go back) is the earlier.
pub fn day_start(day: NaiveDate, zone: Tz, day_end_hour: u32) -> DateTime<Utc> {
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    let mut local = midnight + Duration::hours(i64::from(day_end_hour));
    // A gap is at most a few hours (zones have moved by up to a day only at date-line
    // changes, which skip whole days: then the next day's start answers).
    for _ in 0..48 {
        match zone.from_local_datetime(&local) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return t.with_timezone(&Utc),
            LocalResult::None => local += Duration::minutes(30),
        }
    }
    // Unreachable with the tz database; UTC wall-clock is a sane answer.
    local.and_utc()
}

/// `YYYY-MM-DD`, the stored and wire form of a day.
pub fn format_day(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// A stored day back.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The zone a request names in `field`: `None` when absent, a `422` field problem when
/// the zone database does not know it.
pub(crate) fn requested_zone(
    field: &str,
    raw: Option<&str>,
    p: &mut crate::error::Problems,
) -> Option<Tz> {
    let raw = raw?;
    let zone = parse_zone(raw);
    if zone.is_none() {
        p.push(
            field,
            "unknown_time_zone",
            "An IANA time-zone name such as `Europe/Paris`.",
        );
    }
    zone
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn d(s: &str) -> NaiveDate {
        parse_day(s).unwrap()
    }

    #[test]
    fn a_night_session_counts_for_the_evening_before() {
        let ny = parse_zone("America/New_York").unwrap();
        // 01:00 local on the 14th (EST, UTC-5).
        assert_eq!(
            local_day(at("2026-01-14T06:00:00Z"), ny, 4),
            d("2026-01-13")
        );
        // 04:00 local starts the 14th.
        assert_eq!(
            local_day(at("2026-01-14T09:00:00Z"), ny, 4),
            d("2026-01-14")
        );
        // With days cut at midnight it would be the 14th.
        assert_eq!(
            local_day(at("2026-01-14T06:00:00Z"), ny, 0),
            d("2026-01-14")
        );
    }

    #[test]
    fn day_windows_follow_dst_in_both_directions() {
        let ny = parse_zone("America/New_York").unwrap();
        // Spring forward on 2026-03-08: 04:00 EDT is 08:00Z, 04:00 EST the day before 09:00Z.
        assert_eq!(
            day_start(d("2026-03-08"), ny, 4),
            at("2026-03-08T08:00:00Z")
        );
        assert_eq!(
            day_start(d("2026-03-07"), ny, 4),
            at("2026-03-07T09:00:00Z")
        );
        // 01:30 on the morning clocks go back (twice) belongs to the 31st both times.
        assert_eq!(
            local_day(at("2026-11-01T05:30:00Z"), ny, 4),
            d("2026-10-31")
        );
        assert_eq!(
            local_day(at("2026-11-01T06:30:00Z"), ny, 4),
            d("2026-10-31")
        );
        // A day start inside the gap (02:30 on spring-forward day) moves past it.
        assert_eq!(
            day_start(d("2026-03-08"), ny, 2),
            at("2026-03-08T07:00:00Z")
        );
    }
}
