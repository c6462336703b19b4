//! Wire types of assessments.

use std::borrow::Cow;

use haven_platform::http::text::{List, ListRule};
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::registry::{MetaSchema, MetaSchemaRef};
use poem_openapi::types::{ParseError, ParseFromJSON, ParseResult, ToJSON, Type};
use poem_openapi::{Enum, Object};

use super::model::{Definition, Instrument, MAX_ANSWER, OPTIONS};
use super::repo::AssessmentRow;
use crate::escalations::dto::CrisisResourceDto;

/// A questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareInstrument", rename_all = "lowercase")]
pub enum InstrumentDto {
    /// PHQ-9 (depression), 9 items.
    Phq9,
    /// GAD-7 (anxiety), 7 items.
    Gad7,
}

impl From<InstrumentDto> for Instrument {
    fn from(i: InstrumentDto) -> Self {
        match i {
            InstrumentDto::Phq9 => Self::Phq9,
            InstrumentDto::Gad7 => Self::Gad7,
        }
    }
}

impl From<Instrument> for InstrumentDto {
    fn from(i: Instrument) -> Self {
        match i {
            Instrument::Phq9 => Self::Phq9,
            Instrument::Gad7 => Self::Gad7,
        }
    }
}

/// A severity band's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareSeverity", rename_all = "snake_case")]
pub enum SeverityDto {
    /// PHQ-9 and GAD-7 0–4.
    Minimal,
    /// 5–9.
    Mild,
    /// 10–14.
    Moderate,
    /// PHQ-9 15–19.
    ModeratelySevere,
    /// PHQ-9 20–27, GAD-7 15–21.
    Severe,
}

impl SeverityDto {
    fn parse(s: &str) -> Self {
        match s {
            "minimal" => Self::Minimal,
            "mild" => Self::Mild,
            "moderate" => Self::Moderate,
            "moderately_severe" => Self::ModeratelySevere,
            _ => Self::Severe,
        }
    }
}

/// One item.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareInstrumentItem")]
pub struct ItemDto {
    /// 1-based position; answers are given in this order.
    pub number: i32,
    /// The question.
    pub text: String,
}

/// One answer option.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareAnswerOption")]
pub struct OptionDto {
    /// The value to send (0–3).
    pub value: i32,
    /// What it means.
    pub label: String,
}

/// One severity band.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareSeverityBand")]
pub struct BandDto {
    /// Lowest total in the band.
    pub min_total: i32,
    /// Highest total in the band.
    pub max_total: i32,
    /// Its name.
    pub severity: SeverityDto,
}

/// A versioned questionnaire definition.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareInstrumentDefinition")]
pub struct DefinitionDto {
    /// Which.
    pub instrument: InstrumentDto,
    /// The definition's version; stored assessments name the version that scored them.
    pub version: i32,
    /// Title.
    pub title: String,
    /// The question every item answers.
    pub prompt: String,
    /// The items, in answer order.
    pub items: Vec<ItemDto>,
    /// The options every item takes.
    pub options: Vec<OptionDto>,
    /// How totals map to severity.
    pub severity_bands: Vec<BandDto>,
}

impl From<&Definition> for DefinitionDto {
    fn from(d: &Definition) -> Self {
        Self {
            instrument: d.instrument.into(),
            version: d.version,
            title: d.title.to_owned(),
            prompt: d.prompt.to_owned(),
            items: d
                .items
                .iter()
                .zip(1..)
                .map(|(text, number)| ItemDto {
                    number,
                    text: (*text).to_owned(),
                })
                .collect(),
            options: OPTIONS
                .iter()
                .map(|(value, label)| OptionDto {
                    value: *value,
                    label: (*label).to_owned(),
                })
                .collect(),
            severity_bands: d
                .bands
                .iter()
                .map(|b| BandDto {
                    min_total: b.min,
                    max_total: b.max,
                    severity: SeverityDto::parse(b.severity),
                })
                .collect(),
        }
    }
}

/// An answer as sent: any integer, so one outside 0–3 is answered `422` with a field
/// error naming it (as the document's bounds say), not a bare `400`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerValue(pub i64);

impl Type for AnswerValue {
    const IS_REQUIRED: bool = true;
    type RawValueType = Self;
    type RawElementValueType = Self;

    fn name() -> Cow<'static, str> {
        Cow::Borrowed("CareAnswerValue")
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(MetaSchema {
            minimum: Some(0.0),
            // MAX_ANSWER is 3: exact as a float.
            maximum: Some(MAX_ANSWER as f64),
            ..MetaSchema::new_with_format("integer", "int32")
        }))
    }

    fn as_raw_value(&self) -> Option<&Self::RawValueType> {
        Some(self)
    }

    fn raw_element_iter<'a>(
        &'a self,
    ) -> Box<dyn Iterator<Item = &'a Self::RawElementValueType> + 'a> {
        Box::new(self.as_raw_value().into_iter())
    }
}

impl ParseFromJSON for AnswerValue {
    fn parse_from_json(value: Option<serde_json::Value>) -> ParseResult<Self> {
        match value {
            Some(serde_json::Value::Number(n)) => n
                .as_i64()
                .map(Self)
                .ok_or_else(|| ParseError::custom("expected an integer")),
            Some(other) => Err(ParseError::expected_type(other)),
            None => Err(ParseError::expected_input()),
        }
    }
}

impl ToJSON for AnswerValue {
    fn to_json(&self) -> Option<serde_json::Value> {
        Some(self.0.into())
    }
}

/// Answers: one per item of the instrument (PHQ-9 9, GAD-7 7).
pub struct Answers;
impl ListRule for Answers {
    const MIN_ITEMS: Option<usize> = Some(7);
    const MAX_ITEMS: Option<usize> = Some(9);
}

/// Body of `POST /v1/care/me/assessments`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareSubmitAssessment", deny_unknown_fields)]
pub struct SubmitDto {
    /// Which questionnaire.
    pub instrument: InstrumentDto,
    /// One answer (0–3) per item, in item order: exactly 9 for `phq9`, 7 for `gad7`. The
    /// server computes the total; sending one is refused.
    pub answers: List<AnswerValue, Answers>,
}

/// A completed assessment (health data).
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareAssessment")]
pub struct AssessmentDto {
    /// The assessment (`asm_…`).
    pub id: String,
    /// Which questionnaire.
    pub instrument: InstrumentDto,
    /// The definition version that scored it.
    pub instrument_version: i32,
    /// The answers, in item order.
    pub answers: Vec<i32>,
    /// The server's total.
    pub total: i32,
    /// The band of the total.
    pub severity: SeverityDto,
    /// Whether it raised an escalation to a clinician.
    pub escalated: bool,
    /// When it was submitted.
    pub created_at: Timestamp,
}

impl From<AssessmentRow> for AssessmentDto {
    fn from(r: AssessmentRow) -> Self {
        Self {
            id: r.id.to_string(),
            instrument: Instrument::parse(&r.instrument)
                .unwrap_or(Instrument::Phq9)
                .into(),
            instrument_version: r.instrument_version,
            answers: r.answer_list(),
            total: r.total,
            severity: SeverityDto::parse(&r.severity),
            escalated: r.escalated,
            created_at: r.created_at.into(),
        }
    }
}

/// The answer to a submission.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareAssessmentResult")]
pub struct SubmittedDto {
    /// The stored, scored assessment.
    pub assessment: AssessmentDto,
    /// Whether a clinician was alerted to reach out.
    pub escalated: bool,
    /// Where to turn right now, for the country of your care profile: filled when the
    /// assessment escalated, empty otherwise.
    pub crisis_resources: Vec<CrisisResourceDto>,
}

/// Which way scores move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareTrendDirection", rename_all = "snake_case")]
pub enum DirectionDto {
    /// The latest total is at least 5 below the first of the window.
    Improving,
    /// The latest total is at least 5 above the first of the window.
    Worsening,
    /// Within 4 points.
    Stable,
    /// Fewer than two assessments.
    NotEnoughData,
}

/// One point of a trend.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareTrendPoint")]
pub struct TrendPointDto {
    /// The assessment (`asm_…`).
    pub assessment_id: String,
    /// When.
    pub at: Timestamp,
    /// Its total.
    pub total: i32,
    /// Its band.
    pub severity: SeverityDto,
}

/// The latest totals of one questionnaire (health data).
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareAssessmentTrend")]
pub struct TrendDto {
    /// Which questionnaire.
    pub instrument: InstrumentDto,
    /// Up to the latest 26, oldest first.
    pub points: Vec<TrendPointDto>,
    /// Latest total minus the first of `points`; `null` with fewer than two.
    pub change: Option<i32>,
    /// Which way it moves (5 points is a clinically meaningful change).
    pub direction: DirectionDto,
}

/// How many latest assessments a trend shows (half a year of fortnightly check-ins).
pub const TREND_POINTS: i64 = 26;

impl TrendDto {
    /// The trend of `rows` (oldest first).
    pub fn of(instrument: Instrument, rows: Vec<AssessmentRow>) -> Self {
        let change = match (rows.first(), rows.last()) {
            (Some(a), Some(b)) if rows.len() >= 2 => Some(b.total - a.total),
            _ => None,
        };
        let direction = match change {
            None => DirectionDto::NotEnoughData,
            Some(c) if c <= -5 => DirectionDto::Improving,
            Some(c) if c >= 5 => DirectionDto::Worsening,
            Some(_) => DirectionDto::Stable,
        };
        Self {
            instrument: instrument.into(),
            points: rows
                .into_iter()
                .map(|r| TrendPointDto {
                    assessment_id: r.id.to_string(),
                    at: r.created_at.into(),
                    total: r.total,
                    severity: SeverityDto::parse(&r.severity),
                })
                .collect(),
            change,
            direction,
        }
    }
}
