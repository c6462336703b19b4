//! Eligibility lists: the CSV an organization's admin uploads, validated row by row.
//!
//! Format: UTF-8, comma-separated, a header row naming the columns `email` and/or
//! `employee_id` (any order, case-insensitive, no other columns), then one person per
//! row with at least one of the two cells filled. Quoted cells (RFC 4180) are accepted.
//! Row numbers count the header as row 1, as a spreadsheet shows them.

use std::collections::HashMap;

use crate::accounts::model::Email;
use crate::organizations::model::EMPLOYEE_ID_MAX_CHARS;

/// Most data rows one upload may hold.
pub const ELIGIBILITY_MAX_ROWS: usize = 10_000;

/// Largest upload, in bytes.
pub const ELIGIBILITY_MAX_BYTES: usize = 1024 * 1024;

/// Most row problems one answer lists (the detail gives the total).
pub const ELIGIBILITY_MAX_REPORTED: usize = 1_000;

/// One person on an eligibility list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EligibilityEntry {
    /// Spreadsheet row number (the header is row 1).
    pub row: i64,
    /// The lower-case email address, if given.
    pub email_normalized: Option<String>,
    /// The employee id (trimmed, compared exactly), if given.
    pub employee_id: Option<String>,
}

/// What is wrong with one row (or with the file, for row 1 / row 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// Spreadsheet row number (the header is row 1; 0 for the file as a whole).
    pub row: i64,
    /// The column concerned (`email`, `employee_id`, or `row` for the whole row).
    pub column: &'static str,
    /// Stable reason, e.g. `invalid_email`.
    pub code: &'static str,
    /// Human-readable explanation.
    pub message: String,
}

/// Why a list was rejected: every problem found (up to
/// [`ELIGIBILITY_MAX_REPORTED`]) and how many there were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EligibilityErrors {
    /// The problems, in row order.
    pub problems: Vec<RowProblem>,
    /// How many problems there were in all.
    pub total: usize,
}

#[derive(Default)]
struct Report {
    problems: Vec<RowProblem>,
    total: usize,
}

impl Report {
    fn push(&mut self, row: i64, column: &'static str, code: &'static str, message: String) {
        self.total += 1;
        if self.problems.len() < ELIGIBILITY_MAX_REPORTED {
            self.problems.push(RowProblem {
                row,
                column,
                code,
                message,
            });
        }
    }

    fn fail(
        mut self,
        row: i64,
        column: &'static str,
        code: &'static str,
        msg: String,
    ) -> EligibilityErrors {
        self.push(row, column, code, msg);
        self.finish()
    }

    fn finish(self) -> EligibilityErrors {
        EligibilityErrors {
            problems: self.problems,
            total: self.total,
        }
    }
}

/// Parses and validates a whole list: every row is checked and every problem reported,
/// so one upload tells the admin all that needs fixing.
pub fn parse_eligibility_csv(csv_text: &str) -> Result<Vec<EligibilityEntry>, EligibilityErrors> {
    let mut report = Report::default();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            return Err(report.fail(1, "row", "malformed", format!("Row 1: {}.", csv_error(&e))));
        }
        None => {
            return Err(report.fail(
                1,
                "row",
                "missing_header",
                "The file is empty: row 1 must be a header naming `email` and/or \
                 `employee_id`."
                    .to_owned(),
            ));
        }
    };
    let (mut email_col, mut id_col) = (None, None);
    for (i, name) in header.iter().enumerate() {
        let slot = match name.trim().to_ascii_lowercase().as_str() {
            "email" => &mut email_col,
            "employee_id" => &mut id_col,
            other => {
                report.push(
                    1,
                    "row",
                    "unknown_column",
                    format!(
                        "Row 1: unknown column `{}`; the columns are `email` and \
                         `employee_id`.",
                        truncate(other, 40)
                    ),
                );
                continue;
            }
        };
        if slot.replace(i).is_some() {
            report.push(
                1,
                "row",
                "duplicate_column",
                format!("Row 1: column `{}` appears twice.", name.trim()),
            );
        }
    }
    if email_col.is_none() && id_col.is_none() {
        report.push(
            1,
            "row",
            "missing_header",
            "Row 1 must be a header naming `email` and/or `employee_id`.".to_owned(),
        );
    }
    if report.total > 0 {
        return Err(report.finish());
    }

    let width = header.len();
    let mut entries = Vec::new();
    let mut emails: HashMap<String, i64> = HashMap::new();
    let mut ids: HashMap<String, i64> = HashMap::new();
    for (index, record) in records.enumerate() {
        let row = i64::try_from(index).unwrap_or(i64::MAX).saturating_add(2);
        if index >= ELIGIBILITY_MAX_ROWS {
            return Err(report.fail(
                row,
                "row",
                "too_many_rows",
                format!("A list holds at most {ELIGIBILITY_MAX_ROWS} rows besides the header."),
            ));
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report.push(
                    row,
                    "row",
                    "malformed",
                    format!("Row {row}: {}.", csv_error(&e)),
                );
                continue;
            }
        };
        if record.len() != width {
            report.push(
                row,
                "row",
                "wrong_column_count",
                format!(
                    "Row {row}: has {} cells, the header has {width}.",
                    record.len()
                ),
            );
            continue;
        }
        let cell = |col: Option<usize>| {
            col.and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let email = match cell(email_col) {
            None => None,
            Some(raw) => match Email::parse(raw) {
                Ok(e) => Some(e.normalized().to_owned()),
                Err(_) => {
                    report.push(
                        row,
                        "email",
                        "invalid_email",
                        format!(
                            "Row {row}: `{}` is not a valid email address.",
                            truncate(raw, 80)
                        ),
                    );
                    None
                }
            },
        };
        let employee_id = match cell(id_col) {
            None => None,
            Some(raw)
                if raw.chars().count() > EMPLOYEE_ID_MAX_CHARS
                    || raw.chars().any(char::is_control) =>
            {
                report.push(
                    row,
                    "employee_id",
                    "invalid_employee_id",
                    format!(
                        "Row {row}: an employee id is at most {EMPLOYEE_ID_MAX_CHARS} \
                         characters, without control characters."
                    ),
                );
                None
            }
            Some(raw) => Some(raw.to_owned()),
        };
        if cell(email_col).is_none() && cell(id_col).is_none() {
            report.push(
                row,
                "row",
                "empty_row",
                format!("Row {row}: needs an email or an employee id."),
            );
            continue;
        }
        if let Some(e) = &email
            && let Some(first) = emails.insert(e.clone(), row)
        {
            emails.insert(e.clone(), first);
            report.push(
                row,
                "email",
                "duplicate",
                format!("Row {row}: the email address is already on row {first}."),
            );
        }
        if let Some(id) = &employee_id
            && let Some(first) = ids.insert(id.clone(), row)
        {
            ids.insert(id.clone(), first);
            report.push(
                row,
                "employee_id",
                "duplicate",
                format!("Row {row}: the employee id is already on row {first}."),
            );
        }
        entries.push(EligibilityEntry {
            row,
            email_normalized: email,
            employee_id,
        });
    }
    if report.total > 0 {
        Err(report.finish())
    } else {
        Ok(entries)
    }
}

/// The csv crate's message without positions (the row number is given separately).
fn csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "is not valid UTF-8".to_owned(),
        _ => "is not well-formed CSV".to_owned(),
    }
}

/// At most `max` characters of `s`, for echoing input in messages.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        format!("{}…", s.chars().take(max).collect::<String>())
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(csv: &str) -> Vec<(i64, &'static str, &'static str)> {
        match parse_eligibility_csv(csv) {
            Ok(_) => Vec::new(),
            Err(e) => e
                .problems
                .iter()
                .map(|p| (p.row, p.column, p.code))
                .collect(),
        }
    }

    #[test]
    fn a_valid_list_with_both_columns() {
        let entries = parse_eligibility_csv(
            "\u{feff}Employee_ID,Email\r\nE1, Jane@Acme.COM \r\n,bob@acme.com\nE3,\n\"E,4\",\n",
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(entries.len(), 4);
        assert_eq!(entries[0].row, 2);
        assert_eq!(
            entries[0].email_normalized.as_deref(),
            Some("jane@acme.com")
        );
        assert_eq!(entries[0].employee_id.as_deref(), Some("E1"));
        assert_eq!(entries[1].employee_id, None);
        assert_eq!(entries[2].email_normalized, None);
        assert_eq!(entries[3].employee_id.as_deref(), Some("E,4"));
        assert_eq!(parse_eligibility_csv("email\n"), Ok(Vec::new()));
    }

    #[test]
    fn every_bad_row_is_reported_with_its_number() {
        let csv =
            "email,employee_id\nok@acme.com,E1\nnot-an-email,E2\n,\nOK@acme.com,E1\nx@acme.com\n";
        assert_eq!(
            codes(csv),
            [
                (3, "email", "invalid_email"),
                (4, "row", "empty_row"),
                (5, "email", "duplicate"),
                (5, "employee_id", "duplicate"),
                (6, "row", "wrong_column_count"),
            ]
        );
    }

    #[test]
    fn header_problems() {
        assert_eq!(codes(""), [(1, "row", "missing_header")]);
        assert_eq!(
            codes("mail\nx@y.com\n"),
            [(1, "row", "unknown_column"), (1, "row", "missing_header")]
        );
        assert_eq!(codes("email,email\n"), [(1, "row", "duplicate_column")]);
    }

    #[test]
    fn row_count_is_bounded() {
        let mut csv = String::from("employee_id\n");
        for i in 0..=ELIGIBILITY_MAX_ROWS {
            csv.push_str(&format!("E{i}\n"));
        }
        assert_eq!(codes(&csv), [(10_002, "row", "too_many_rows")]);
    }
}
/// What an accepted eligibility upload did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EligibilityReplaced {
    /// Entries on the new list.
    pub entries: usize,
    /// Memberships ended because their entry is gone.
    pub memberships_ended: usize,
}
