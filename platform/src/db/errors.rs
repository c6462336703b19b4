//! Classifying diesel errors once for both backends: connection loss, serialization
//! failures, and unique violations by constraint name.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::result::{DatabaseErrorKind, Error};

use super::{AnyConnection, DbError};

/// Whether `err` means the connection itself is gone (so it must leave the pool), as
/// opposed to an ordinary query error on a healthy connection.
pub fn is_connection_error(err: &Error) -> bool {
    match err {
        Error::BrokenTransactionManager => true,
        Error::DatabaseError(kind, info) => match kind {
            DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand => true,
            DatabaseErrorKind::Unknown => {
                // libpq reports a dropped socket or an administrator shutdown (57P01)
                // as an unclassified error; these are its messages.
                const LOST: [&str; 6] = [
                    "server closed the connection",
                    "terminating connection",
                    "no connection to the server",
                    "could not receive data from server",
                    "connection to server",
                    "SSL SYSCALL error",
                ];
                let message = info.message();
                LOST.iter().any(|signature| message.contains(signature))
            }
            _ => false,
        },
        _ => false,
    }
}

/// Whether `err` is a conflict a serializable transaction may retry: PostgreSQL's
/// `40001` (diesel's `SerializationFailure`) or a deadlock (`40P01`).
pub fn is_serialization_failure(err: &Error) -> bool {
    match err {
        Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => true,
        Error::DatabaseError(DatabaseErrorKind::Unknown, info) => {
            info.message().contains("deadlock detected")
        }
        _ => false,
    }
}

/// The diesel error inside a caller's error type: `E` itself, or its `source()` chain
/// (a `thiserror` `#[from] DbError` variant is found this way).
pub fn diesel_error<'a>(err: &'a (dyn std::error::Error + 'static)) -> Option<&'a Error> {
    let mut current = Some(err);
    while let Some(e) = current {
        if let Some(diesel) = e.downcast_ref::<Error>() {
            return Some(diesel);
        }
        if let Some(DbError::Query(diesel)) = e.downcast_ref::<DbError>() {
            return Some(diesel);
        }
        current = e.source();
    }
    None
}

/// A unique violation, named the same on both backends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UniqueViolation {
    /// The constraint or unique index name: the name in the migration for
    /// `CREATE UNIQUE INDEX name` and `CONSTRAINT name UNIQUE`, PostgreSQL's default
    /// `{table}_{col}_key` for an inline `UNIQUE` column and `{table}_pkey` for a
    /// primary key (SQLite reports those under PostgreSQL's names too).
    pub constraint: String,
}

/// Classifies `err` as a unique violation and names the constraint.
///
/// PostgreSQL reports the name itself. SQLite only says
/// `UNIQUE constraint failed: t.a, t.b` (or `index 'name'` for an expression index), so
/// the name is looked up on `conn` with `PRAGMA index_list`/`index_info`; a failed
/// statement does not abort a SQLite transaction, so this works inside the failing
/// [`crate::Db::write`] closure. Not cached: it runs only on the error path and costs
/// two in-memory pragmas. When two unique indexes cover the same columns SQLite cannot
/// tell them apart; the first one in `index_list` order is reported.
pub fn unique_violation(conn: &mut AnyConnection, err: &Error) -> Option<UniqueViolation> {
    let Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) = err else {
        return None;
    };
    let constraint = match conn {
        AnyConnection::Postgresql(_) => info.constraint_name()?.to_owned(),
        AnyConnection::Sqlite(c) => super::sqlite_index::constraint_for(c, info.message())?,
    };
    Some(UniqueViolation { constraint })
}

/// Remembers whether the last failed statement on a connection lost the connection, so
/// [`crate::Db::run`] pings only then (instead of after every failed query).
#[derive(Debug, Default)]
pub struct ConnectionProbe {
    lost: AtomicBool,
}

impl ConnectionProbe {
    /// Takes (and clears) the "connection lost" mark.
    pub(crate) fn take_lost(&self) -> bool {
        self.lost.swap(false, Ordering::Relaxed)
    }
}

/// The diesel instrumentation that feeds a [`ConnectionProbe`].
pub(crate) struct ProbeInstrumentation(pub(crate) Arc<ConnectionProbe>);

impl Instrumentation for ProbeInstrumentation {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        let InstrumentationEvent::FinishQuery {
            error: Some(error), ..
        } = event
        else {
            return;
        };
        if is_connection_error(error) {
            self.0.lost.store(true, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db(kind: DatabaseErrorKind, message: &str) -> Error {
        Error::DatabaseError(kind, Box::new(message.to_owned()))
    }

    #[test]
    fn only_connection_class_errors_count_as_a_lost_connection() {
        for lost in [
            db(DatabaseErrorKind::ClosedConnection, "closed"),
            db(DatabaseErrorKind::UnableToSendCommand, "send"),
            db(
                DatabaseErrorKind::Unknown,
                "terminating connection due to administrator command",
            ),
            db(
                DatabaseErrorKind::Unknown,
                "server closed the connection unexpectedly",
            ),
            Error::BrokenTransactionManager,
        ] {
            assert!(is_connection_error(&lost), "{lost}");
        }
        for ordinary in [
            Error::NotFound,
            Error::RollbackTransaction,
            db(DatabaseErrorKind::UniqueViolation, "duplicate key"),
            db(DatabaseErrorKind::ForeignKeyViolation, "fk"),
            db(DatabaseErrorKind::CheckViolation, "check"),
            db(
                DatabaseErrorKind::SerializationFailure,
                "could not serialize",
            ),
            db(DatabaseErrorKind::Unknown, "no such column: x"),
        ] {
            assert!(!is_connection_error(&ordinary), "{ordinary}");
        }
    }

    #[test]
    fn serialization_failures_are_found_through_a_callers_error() {
        #[derive(Debug, thiserror::Error)]
        enum Caller {
            #[error("db")]
            Db(#[from] DbError),
        }
        let conflict = Caller::Db(DbError::Query(db(
            DatabaseErrorKind::SerializationFailure,
            "could not serialize access",
        )));
        assert!(diesel_error(&conflict).is_some_and(is_serialization_failure));
        let deadlock = db(DatabaseErrorKind::Unknown, "deadlock detected");
        assert!(is_serialization_failure(&deadlock));
        let other = Caller::Db(DbError::Unavailable("down".into()));
        assert!(diesel_error(&other).is_none());
    }
}
