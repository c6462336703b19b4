//! The instruments: items, answer options, scoring and severity bands, versioned so a
//! stored score always names the definition it was computed by.

use haven_platform::define_id;
use haven_platform::http::problem::FieldError;

define_id!(
    /// A completed assessment (`asm_…`).
    AssessmentId,
    "asm"
);

/// A questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Instrument {
    /// Patient Health Questionnaire-9 (depression).
    Phq9,
    /// Generalized Anxiety Disorder-7.
    Gad7,
}

impl Instrument {
    /// Every instrument.
    pub const ALL: [Self; 2] = [Self::Phq9, Self::Gad7];

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Phq9 => "phq9",
            Self::Gad7 => "gad7",
        }
    }

    /// The instrument of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == s)
    }

    /// Its current definition.
    pub const fn definition(self) -> &'static Definition {
        match self {
            Self::Phq9 => &PHQ9,
            Self::Gad7 => &GAD7,
        }
    }
}

/// A severity band: totals `min..=max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// Lowest total.
    pub min: i32,
    /// Highest total.
    pub max: i32,
    /// Its name (`minimal`, `mild`, `moderate`, `moderately_severe`, `severe`).
    pub severity: &'static str,
}

/// One version of an instrument.
#[derive(Debug)]
pub struct Definition {
    /// Which.
    pub instrument: Instrument,
    /// Version of this definition (items, options, bands).
    pub version: i32,
    /// Title.
    pub title: &'static str,
    /// The question every item answers.
    pub prompt: &'static str,
    /// The items, in order.
    pub items: &'static [&'static str],
    /// Severity bands covering 0 to the highest total.
    pub bands: &'static [Band],
}

/// The answer options of both instruments: value and label.
pub const OPTIONS: [(i32, &str); 4] = [
    (0, "Not at all"),
    (1, "Several days"),
    (2, "More than half the days"),
    (3, "Nearly every day"),
];

/// Highest answer value.
pub const MAX_ANSWER: i64 = 3;

const PROMPT: &str =
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?";

/// PHQ-9, version 1. Item 9 asks about thoughts of self-harm.
pub static PHQ9: Definition = Definition {
    instrument: Instrument::Phq9,
    version: 1,
    title: "PHQ-9",
    prompt: PROMPT,
    items: &[
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ],
    bands: &[
        Band {
            min: 0,
            max: 4,
            severity: "minimal",
        },
        Band {
            min: 5,
            max: 9,
            severity: "mild",
        },
        Band {
            min: 10,
            max: 14,
            severity: "moderate",
        },
        Band {
            min: 15,
            max: 19,
            severity: "moderately_severe",
        },
        Band {
            min: 20,
            max: 27,
            severity: "severe",
        },
    ],
};

/// GAD-7, version 1.
pub static GAD7: Definition = Definition {
    instrument: Instrument::Gad7,
    version: 1,
    title: "GAD-7",
    prompt: PROMPT,
    items: &[
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ],
    bands: &[
        Band {
            min: 0,
            max: 4,
            severity: "minimal",
        },
        Band {
            min: 5,
            max: 9,
            severity: "mild",
        },
        Band {
            min: 10,
            max: 14,
            severity: "moderate",
        },
        Band {
            min: 15,
            max: 21,
            severity: "severe",
        },
    ],
};

/// The index (0-based) of PHQ-9's self-harm item.
pub const PHQ9_SELF_HARM_ITEM: usize = 8;

/// A scored set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// The answers, 0–3 each.
    pub answers: Vec<i32>,
    /// Their sum.
    pub total: i32,
    /// The band the total falls in.
    pub severity: &'static str,
}

impl Definition {
    /// Checks and scores `answers`: one field error per wrong answer (`answers[i]`), or
    /// one for a wrong count (`answers`).
    pub fn score(&self, answers: &[i64]) -> Result<Scored, Vec<FieldError>> {
        let mut errors = Vec::new();
        if answers.len() != self.items.len() {
            errors.push(FieldError {
                field: "answers".to_owned(),
                code: "wrong_item_count".to_owned(),
                message: format!(
                    "{} has {} items; expected one answer per item.",
                    self.title,
                    self.items.len()
                ),
            });
        }
        for (i, a) in answers.iter().enumerate() {
            if !(0..=MAX_ANSWER).contains(a) {
                errors.push(FieldError {
                    field: format!("answers[{i}]"),
                    code: "out_of_range".to_owned(),
                    message: "Expected 0 to 3.".to_owned(),
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // In 0..=3, checked above.
        let answers: Vec<i32> = answers.iter().map(|a| *a as i32).collect();
        let total = answers.iter().sum();
        Ok(Scored {
            severity: self.severity(total),
            answers,
            total,
        })
    }

    /// The band of `total` (the last band for anything above).
    pub fn severity(&self, total: i32) -> &'static str {
        self.bands
            .iter()
            .find(|b| (b.min..=b.max).contains(&total))
            .or(self.bands.last())
            .map_or("unknown", |b| b.severity)
    }
}

/// Why an assessment escalates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Risk {
    /// PHQ-9 item 9 (thoughts of self-harm) above 0.
    SelfHarmItem,
    /// A PHQ-9 total at or above `care.escalation_phq9_total`.
    SevereTotal,
}

impl Risk {
    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::SelfHarmItem => "self_harm_item",
            Self::SevereTotal => "severe_total",
        }
    }
}

/// The risks found in a scored assessment; empty when it does not escalate.
pub fn risks(instrument: Instrument, scored: &Scored, phq9_total_threshold: u32) -> Vec<Risk> {
    let mut out = Vec::new();
    if instrument == Instrument::Phq9 {
        if scored
            .answers
            .get(PHQ9_SELF_HARM_ITEM)
            .is_some_and(|a| *a > 0)
        {
            out.push(Risk::SelfHarmItem);
        }
        if i64::from(scored.total) >= i64::from(phq9_total_threshold) {
            out.push(Risk::SevereTotal);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_exactly_the_published_ones() {
        let phq: Vec<_> = (0..=27).map(|t| PHQ9.severity(t)).collect();
        assert_eq!(phq[4], "minimal");
        assert_eq!(phq[5], "mild");
        assert_eq!(phq[9], "mild");
        assert_eq!(phq[10], "moderate");
        assert_eq!(phq[14], "moderate");
        assert_eq!(phq[15], "moderately_severe");
        assert_eq!(phq[19], "moderately_severe");
        assert_eq!(phq[20], "severe");
        assert_eq!(phq[27], "severe");
        assert_eq!(GAD7.severity(4), "minimal");
        assert_eq!(GAD7.severity(5), "mild");
        assert_eq!(GAD7.severity(10), "moderate");
        assert_eq!(GAD7.severity(14), "moderate");
        assert_eq!(GAD7.severity(15), "severe");
        assert_eq!(GAD7.severity(21), "severe");
    }

    #[test]
    fn scoring_reports_every_bad_answer_and_the_count() {
        let errs = PHQ9.score(&[0, 4, -1]).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["answers", "answers[1]", "answers[2]"]);
        let s = GAD7.score(&[3, 3, 3, 3, 3, 0, 0]).unwrap();
        assert_eq!((s.total, s.severity), (15, "severe"));
    }

    #[test]
    fn item_nine_or_a_severe_total_escalates_phq9_only() {
        let low = PHQ9.score(&[0, 0, 0, 0, 0, 0, 0, 0, 1]).unwrap();
        assert_eq!(risks(Instrument::Phq9, &low, 20), [Risk::SelfHarmItem]);
        let severe = PHQ9.score(&[3, 3, 3, 3, 3, 3, 2, 0, 0]).unwrap();
        assert_eq!(risks(Instrument::Phq9, &severe, 20), [Risk::SevereTotal]);
        assert!(risks(Instrument::Phq9, &severe, 21).is_empty());
        let gad = GAD7.score(&[3; 7]).unwrap();
        assert!(risks(Instrument::Gad7, &gad, 1).is_empty());
    }
}
