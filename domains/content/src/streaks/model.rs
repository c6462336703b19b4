//! The streak as a pure function of the member's active days (local days with a
//! completed session) and today: no stored counter, so out-of-order sync, duplicates and
//! concurrent completions cannot skew it (a day is a row or not).
//!
//! Days missed between two active days are counted in real time, not only on the
//! calendar: the gap from the end of one day's window (in its zone) to the start of the
//! next (in its zone), in whole days, at most the calendar gap. So a flight west across
//! the date line, which skips a calendar date the member never lived, misses nothing,
//! while a DST day of 23 or 25 hours still counts as one day.

use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;

use crate::days::day_start;

/// A local day with at least one completed session, and the zone it was lived in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActiveDay {
    /// The member's day.
    pub day: NaiveDate,
    /// The zone of its first completion.
    pub zone: Tz,
}

/// How freezes are earned and banked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FreezeRule {
    /// One freeze per this many consecutive days of a streak.
    pub every_days: u32,
    /// At most this many banked.
    pub max: u32,
}

/// The streak as of a given today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Streak {
    /// Consecutive active days up to today or yesterday (frozen days bridge, not count).
    pub current: u32,
    /// The longest run ever.
    pub longest: u32,
    /// Freezes banked now.
    pub freezes_banked: u32,
    /// Days a freeze covered, oldest first.
    pub frozen_days: Vec<NaiveDate>,
    /// The last active day.
    pub last_active_day: Option<NaiveDate>,
    /// Whether today already counts.
    pub today_counted: bool,
}

/// Days missed between active day `a` and day `b` (exclusive) lived in `b_zone`.
fn missed(a: &ActiveDay, b: NaiveDate, b_zone: Tz, day_end_hour: u32) -> u32 {
    let calendar = (b - a.day).num_days() - 1;
    if calendar <= 0 {
        return 0;
    }
    let end_a = day_start(a.day + Duration::days(1), a.zone, day_end_hour);
    let start_b = day_start(b, b_zone, day_end_hour);
    let minutes = (start_b - end_a).num_minutes().max(0);
    // Rounded: a 23- or 25-hour DST day is one day, a few hours skipped by a flight none.
    let real = (minutes + 12 * 60) / (24 * 60);
    u32::try_from(calendar.min(real)).unwrap_or(u32::MAX)
}

/// Spends `m` banked freezes on the days after `prev`, if there are enough.
fn bridge(prev: &ActiveDay, m: u32, banked: &mut u32, frozen: &mut Vec<NaiveDate>) -> bool {
    if m > *banked {
        return false;
    }
    *banked -= m;
    frozen.extend((1..=i64::from(m)).map(|i| prev.day + Duration::days(i)));
    true
}

/// The streak from `days` (any order; days after `today` are ignored) as of `today`
/// lived in `today_zone`.
pub fn compute(
    days: &[ActiveDay],
    today: NaiveDate,
    today_zone: Tz,
    rule: FreezeRule,
    day_end_hour: u32,
) -> Streak {
    let mut days: Vec<ActiveDay> = days.iter().copied().filter(|d| d.day <= today).collect();
    days.sort_by_key(|d| d.day);
    days.dedup_by_key(|d| d.day);
    let (mut run, mut longest, mut banked, mut toward_freeze) = (0u32, 0u32, 0u32, 0u32);
    let mut frozen = Vec::new();
    let mut prev: Option<ActiveDay> = None;
    for d in &days {
        match prev {
            Some(p) => {
                let m = missed(&p, d.day, d.zone, day_end_hour);
                if m == 0 || bridge(&p, m, &mut banked, &mut frozen) {
                    run += 1;
                } else {
                    run = 1;
                    toward_freeze = 0;
                }
            }
            None => run = 1,
        }
        toward_freeze += 1;
        if toward_freeze == rule.every_days {
            toward_freeze = 0;
            banked = (banked + 1).min(rule.max);
        }
        longest = longest.max(run);
        prev = Some(*d);
    }
    let today_counted = prev.is_some_and(|p| p.day == today);
    if let Some(p) = prev.filter(|p| p.day < today) {
        // Today is not over: only the days before it can break the streak.
        let m = missed(&p, today, today_zone, day_end_hour);
        if m > 0 && !bridge(&p, m, &mut banked, &mut frozen) {
            run = 0;
        }
    }
    Streak {
        current: run,
        longest,
        freezes_banked: banked,
        frozen_days: frozen,
        last_active_day: prev.map(|p| p.day),
        today_counted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::days::{local_day, parse_day, parse_zone};
    use chrono::{DateTime, Utc};

    const RULE: FreezeRule = FreezeRule {
        every_days: 7,
        max: 2,
    };

    fn z(name: &str) -> Tz {
        parse_zone(name).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        parse_day(s).unwrap()
    }

    /// The active day of a completion at UTC instant `t` in `zone`.
    fn done(t: &str, zone: &str) -> ActiveDay {
        let at = DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc);
        ActiveDay {
            day: local_day(at, z(zone), 4),
            zone: z(zone),
        }
    }

    fn run(days: &[ActiveDay], today: &str, zone: &str) -> Streak {
        compute(days, d(today), z(zone), RULE, 4)
    }

    fn consecutive(from: &str, n: i64, zone: &str) -> Vec<ActiveDay> {
        (0..n)
            .map(|i| ActiveDay {
                day: d(from) + Duration::days(i),
                zone: z(zone),
            })
            .collect()
    }

    #[test]
    fn consecutive_days_count_and_a_gap_breaks() {
        let days = consecutive("2026-05-01", 3, "UTC");
        let s = run(&days, "2026-05-03", "UTC");
        assert_eq!((s.current, s.longest, s.today_counted), (3, 3, true));
        // Today (the 4th) is not over: still 3.
        assert_eq!(run(&days, "2026-05-04", "UTC").current, 3);
        // The 4th passed without a session and no freeze is banked: broken.
        assert_eq!(run(&days, "2026-05-05", "UTC").current, 0);
        assert_eq!(run(&days, "2026-05-05", "UTC").longest, 3);
    }

    #[test]
    fn freezes_are_earned_every_seven_days_banked_up_to_two_and_spent_on_missed_days() {
        let mut days = consecutive("2026-05-01", 21, "UTC");
        let s = run(&days, "2026-05-21", "UTC");
        assert_eq!((s.current, s.freezes_banked), (21, 2), "capped at 2");
        // Two missed days (22nd, 23rd), back on the 24th: both freezes spent.
        days.push(ActiveDay {
            day: d("2026-05-24"),
            zone: z("UTC"),
        });
        let s = run(&days, "2026-05-24", "UTC");
        assert_eq!(s.current, 22);
        assert_eq!(s.freezes_banked, 0);
        assert_eq!(s.frozen_days, [d("2026-05-22"), d("2026-05-23")]);
        // A missed day with none banked breaks it.
        assert_eq!(run(&days, "2026-05-26", "UTC").current, 0);
        // A freeze also covers the day before today while today is pending.
        let seven = consecutive("2026-06-01", 7, "UTC");
        let s = run(&seven, "2026-06-09", "UTC");
        assert_eq!((s.current, s.freezes_banked), (7, 0));
        assert_eq!(s.frozen_days, [d("2026-06-08")]);
    }

    #[test]
    fn spring_forward_keeps_the_streak_and_a_real_gap_still_breaks() {
        // New York moves to EDT on Sunday 2026-03-08.
        let days = [
            done("2026-03-07T03:00:00Z", "America/New_York"), // Fri 22:00 EST
            done("2026-03-08T04:30:00Z", "America/New_York"), // Sat 23:30 EST
            done("2026-03-09T01:30:00Z", "America/New_York"), // Sun 21:30 EDT
        ];
        assert_eq!(days[2].day, d("2026-03-08"));
        assert_eq!(run(&days, "2026-03-08", "America/New_York").current, 3);
        let gap = [days[0], days[2]];
        let s = run(&gap, "2026-03-08", "America/New_York");
        assert_eq!(s.current, 1, "Saturday was missed across the 23-hour day");
    }

    #[test]
    fn fall_back_keeps_the_streak_and_a_real_gap_still_breaks() {
        // New York returns to EST on Sunday 2026-11-01 (01:00–02:00 happens twice).
        let days = [
            done("2026-10-31T01:00:00Z", "America/New_York"), // Fri 21:00 EDT
            done("2026-11-01T05:30:00Z", "America/New_York"), // Sun 01:30 EDT: Saturday
            done("2026-11-02T02:00:00Z", "America/New_York"), // Sun 21:00 EST
        ];
        assert_eq!(days[1].day, d("2026-10-31"));
        assert_eq!(run(&days, "2026-11-01", "America/New_York").current, 3);
        let gap = [days[0], days[2]];
        assert_eq!(run(&gap, "2026-11-01", "America/New_York").current, 1);
    }

    #[test]
    fn a_zone_change_mid_streak_counts_each_local_day_once() {
        let days = [
            done("2026-04-01T01:00:00Z", "America/New_York"), // Tue 31 Mar 21:00 NY
            done("2026-04-01T20:00:00Z", "Europe/London"),    // Wed 1 Apr 21:00 London
            done("2026-04-02T20:00:00Z", "Europe/London"),    // Thu
        ];
        let s = run(&days, "2026-04-02", "Europe/London");
        assert_eq!((s.current, s.today_counted), (3, true));
        // Back in New York the same evening (Thu 2 Apr there): still today, no new day.
        let mut again = days.to_vec();
        again.push(done("2026-04-03T01:00:00Z", "America/New_York"));
        assert_eq!(run(&again, "2026-04-02", "America/New_York").current, 3);
    }

    #[test]
    fn a_flight_west_across_the_date_line_skips_a_date_without_breaking() {
        // Honolulu Monday evening, fly to Tokyo, land Wednesday: Tuesday never happened.
        let hnl = done("2026-07-07T06:00:00Z", "Pacific/Honolulu"); // Mon 6 Jul 20:00
        let tyo = done("2026-07-08T11:00:00Z", "Asia/Tokyo"); // Wed 8 Jul 20:00
        assert_eq!(hnl.day, d("2026-07-06"));
        assert_eq!(tyo.day, d("2026-07-08"));
        let s = run(&[hnl, tyo], "2026-07-08", "Asia/Tokyo");
        assert_eq!((s.current, s.freezes_banked), (2, 0));
        assert!(s.frozen_days.is_empty());
        // And a full day really missed in Tokyo afterwards still breaks it.
        let later = done("2026-07-10T11:00:00Z", "Asia/Tokyo"); // Fri
        assert_eq!(
            run(&[hnl, tyo, later], "2026-07-10", "Asia/Tokyo").current,
            1
        );
        // Flying east the other way repeats a date: it counts once.
        let tyo2 = done("2026-07-13T11:00:00Z", "Asia/Tokyo"); // Mon 13 Jul 20:00
        let hnl2 = done("2026-07-14T06:00:00Z", "Pacific/Honolulu"); // Mon 13 Jul 20:00
        assert_eq!(tyo2.day, hnl2.day);
    }
}
