//! Wire types of schedules and slots.

use chrono::NaiveDate;
use haven_platform::http::text::{List, Text};
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::model::{AppointmentType, DAY_MINUTES, Exception, Schedule, WeeklyRule};
use crate::error::Problems;
use crate::rules::{ScheduleEntries, TimeOfDay};

/// A kind of session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareAppointmentType", rename_all = "snake_case")]
pub enum AppointmentTypeDto {
    /// Coaching by video, 30 minutes (coaches; needs the `care.coaching` feature).
    CoachingVideo,
    /// Therapy, 50 minutes (therapists; one `care.therapy` unit).
    Therapy,
    /// First psychiatry visit, 60 minutes (psychiatrists; one `care.psychiatry` unit).
    PsychiatryIntake,
    /// Psychiatry follow-up, 30 minutes (psychiatrists; one `care.psychiatry` unit).
    PsychiatryFollowUp,
}

impl From<AppointmentTypeDto> for AppointmentType {
    fn from(t: AppointmentTypeDto) -> Self {
        match t {
            AppointmentTypeDto::CoachingVideo => Self::CoachingVideo,
            AppointmentTypeDto::Therapy => Self::Therapy,
            AppointmentTypeDto::PsychiatryIntake => Self::PsychiatryIntake,
            AppointmentTypeDto::PsychiatryFollowUp => Self::PsychiatryFollowUp,
        }
    }
}

impl From<AppointmentType> for AppointmentTypeDto {
    fn from(t: AppointmentType) -> Self {
        match t {
            AppointmentType::CoachingVideo => Self::CoachingVideo,
            AppointmentType::Therapy => Self::Therapy,
            AppointmentType::PsychiatryIntake => Self::PsychiatryIntake,
            AppointmentType::PsychiatryFollowUp => Self::PsychiatryFollowUp,
        }
    }
}

/// Available hours on one weekday, in the provider's zone.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareWeeklyRule", deny_unknown_fields)]
pub struct WeeklyRuleDto {
    /// ISO weekday: 1 Monday … 7 Sunday.
    #[oai(validator(minimum(value = "1"), maximum(value = "7")))]
    pub weekday: u8,
    /// Local start `HH:MM`.
    pub start: Text<TimeOfDay>,
    /// Local end `HH:MM` (`24:00` for midnight), after `start`.
    pub end: Text<TimeOfDay>,
}

/// How a date departs from the weekly rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareExceptionKind", rename_all = "snake_case")]
pub enum ExceptionKindDto {
    /// No weekly hours that day.
    DayOff,
    /// Hours added that day (`start`, `end`).
    ExtraHours,
}

/// A date that departs from the weekly rules.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareScheduleException", deny_unknown_fields)]
pub struct ExceptionDto {
    /// The local date.
    pub date: NaiveDate,
    /// Day off or extra hours.
    pub kind: ExceptionKindDto,
    /// Local start of extra hours (`null` for a day off).
    pub start: Option<Text<TimeOfDay>>,
    /// Local end of extra hours (`null` for a day off).
    pub end: Option<Text<TimeOfDay>>,
}

/// A provider's hours: weekly rules and date exceptions, in the provider's zone.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareSchedule", deny_unknown_fields)]
pub struct ScheduleDto {
    /// Weekly rules (several per weekday allowed).
    pub rules: List<WeeklyRuleDto, ScheduleEntries>,
    /// Date exceptions.
    pub exceptions: List<ExceptionDto, ScheduleEntries>,
}

fn minutes(t: &str) -> Option<u16> {
    let (h, m) = t.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    let total = h * 60 + m;
    (m < 60 && total <= DAY_MINUTES).then_some(total)
}

fn hhmm(m: u16) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn span(p: &mut Problems, field: &str, start: &str, end: &str) -> Option<(u16, u16)> {
    match (minutes(start), minutes(end)) {
        (Some(s), Some(e)) if s < e && s < DAY_MINUTES => Some((s, e)),
        (Some(_), Some(_)) => {
            p.add(field, "invalid_range", "`end` must be after `start`.");
            None
        }
        _ => {
            p.add(field, "invalid", "Expected times as `HH:MM`.");
            None
        }
    }
}

impl ScheduleDto {
    /// The schedule, or every invalid field.
    pub(crate) fn parse(self, p: &mut Problems) -> Schedule {
        let mut rules = Vec::new();
        if self.rules.len() > 100 || self.exceptions.len() > 100 {
            p.add("rules", "too_many", "At most 100 rules and 100 exceptions.");
        }
        for (i, r) in self.rules.into_inner().into_iter().enumerate() {
            if !(1..=7).contains(&r.weekday) {
                p.add(format!("rules[{i}].weekday"), "invalid", "Expected 1 to 7.");
            }
            if let Some((s, e)) = span(p, &format!("rules[{i}]"), &r.start, &r.end) {
                rules.push(WeeklyRule {
                    weekday: r.weekday,
                    start_min: s,
                    end_min: e,
                });
            }
        }
        let mut exceptions = Vec::new();
        for (i, x) in self.exceptions.into_inner().into_iter().enumerate() {
            match (x.kind, x.start, x.end) {
                (ExceptionKindDto::DayOff, None, None) => {
                    exceptions.push(Exception::DayOff { date: x.date })
                }
                (ExceptionKindDto::ExtraHours, Some(s), Some(e)) => {
                    if let Some((s, e)) = span(p, &format!("exceptions[{i}]"), &s, &e) {
                        exceptions.push(Exception::ExtraHours {
                            date: x.date,
                            start_min: s,
                            end_min: e,
                        });
                    }
                }
                _ => p.add(
                    format!("exceptions[{i}]"),
                    "invalid",
                    "A day off has no times; extra hours need `start` and `end`.",
                ),
            }
        }
        Schedule { rules, exceptions }
    }

    /// The wire form of a schedule.
    pub fn of(s: &Schedule) -> Self {
        Self {
            rules: List::new(
                s.rules
                    .iter()
                    .map(|r| WeeklyRuleDto {
                        weekday: r.weekday,
                        start: Text::new(hhmm(r.start_min)),
                        end: Text::new(hhmm(r.end_min)),
                    })
                    .collect(),
            ),
            exceptions: List::new(
                s.exceptions
                    .iter()
                    .map(|x| match *x {
                        Exception::DayOff { date } => ExceptionDto {
                            date,
                            kind: ExceptionKindDto::DayOff,
                            start: None,
                            end: None,
                        },
                        Exception::ExtraHours {
                            date,
                            start_min,
                            end_min,
                        } => ExceptionDto {
                            date,
                            kind: ExceptionKindDto::ExtraHours,
                            start: Some(Text::new(hhmm(start_min))),
                            end: Some(Text::new(hhmm(end_min))),
                        },
                    })
                    .collect(),
            ),
        }
    }
}

/// A provider's schedule with its zone.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareProviderSchedule")]
pub struct ProviderScheduleDto {
    /// IANA zone the times are in.
    pub time_zone: String,
    /// The hours.
    pub schedule: ScheduleDto,
}

/// A bookable start.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareSlot")]
pub struct SlotDto {
    /// Start (UTC).
    pub starts_at: Timestamp,
    /// End (UTC).
    pub ends_at: Timestamp,
    /// Start in the member's zone, RFC 3339 with its offset (`2027-03-15T04:00:00-04:00`).
    pub local_start: String,
    /// End in the member's zone, RFC 3339 with its offset.
    pub local_end: String,
}

/// Slots of one provider for one kind of session.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareSlots")]
pub struct SlotsDto {
    /// The kind of session.
    pub appointment_type: AppointmentTypeDto,
    /// The zone of `local_start`/`local_end`.
    pub time_zone: String,
    /// Bookable starts, earliest first.
    pub slots: Vec<SlotDto>,
}
