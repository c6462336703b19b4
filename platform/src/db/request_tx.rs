//! The request transaction: inside a request that holds an idempotency claim, every
//! [`Db::write`] (and every later call on the same [`Db`]) runs in ONE transaction that
//! stays open until the idempotency middleware has written the response onto the claim
//! in it, then commits. The effects and the stored response commit together or not at
//! all, so a crash can never leave "effects committed, response lost"
//! (docs/platform.md "Idempotency keys").
//!
//! The scope is a task-local set by the middleware around the endpoint; code outside a
//! keyed request never sees it and pays nothing. Until the first write, reads take their
//! usual pools; from the first write on, the transaction's connection is pinned to the
//! request and every call joins it in a savepoint, so a failing call undoes only its own
//! work (as its own transaction would) and read-your-own-writes holds.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use diesel::connection::{Connection, TransactionManager};

use super::pool::{Admission, PooledConnection, Target, blocking};
use super::{AnyConnection, Db, DbError};

tokio::task_local! {
    static CURRENT: Arc<RequestTx>;
}

type Manager = <AnyConnection as Connection>::TransactionManager;

/// One keyed request's transaction (see the module docs).
pub(crate) struct RequestTx {
    db: Db,
    /// Whether `slot` holds an open transaction; read without the lock to route reads.
    open: Arc<AtomicBool>,
    /// Held across each call, so concurrent calls of one request take turns.
    slot: Arc<tokio::sync::Mutex<Slot>>,
}

#[derive(Default)]
struct Slot {
    conn: Option<PooledConnection>,
    /// The pool permit `conn` was checked out under, held as long as `conn` (declared
    /// after it, so the connection is back in the pool before the permit is free).
    admission: Option<Admission>,
    /// A joined call lost the connection or could not undo its savepoint: the
    /// transaction cannot commit.
    poisoned: bool,
}

impl Drop for Slot {
    /// A transaction never ended (the task was aborted): close the connection instead of
    /// pooling it, so the database rolls the transaction back.
    fn drop(&mut self) {
        if let Some(pooled) = &self.conn {
            pooled.broken.store(true, Ordering::Relaxed);
        }
    }
}

impl RequestTx {
    /// A request transaction on `db`, not yet begun.
    pub(crate) fn new(db: Db) -> Arc<Self> {
        Arc::new(Self {
            db,
            open: Arc::default(),
            slot: Arc::default(),
        })
    }

    /// Runs `fut` with this transaction as the current request's.
    pub(crate) async fn scope<F: Future>(self: Arc<Self>, fut: F) -> F::Output {
        CURRENT.scope(self, fut).await
    }

    /// The current request's transaction, if `db` is its database.
    pub(super) fn current(db: &Db) -> Option<Arc<Self>> {
        CURRENT
            .try_with(|tx| tx.db.same_pools(db).then(|| Arc::clone(tx)))
            .ok()
            .flatten()
    }

    /// The current request's transaction if it is open on `db`: reads and plain runs
    /// join it.
    pub(super) fn joining(db: &Db) -> Option<Arc<Self>> {
        Self::current(db).filter(|tx| tx.open.load(Ordering::Acquire))
    }

    /// Runs `f` in a savepoint of the open transaction (or, should it not be open, on
    /// its own connection without a transaction).
    pub(super) async fn join<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        self.call(f, None::<fn(&mut AnyConnection, F) -> Result<T, E>>, |_| {
            false
        })
        .await
    }

    /// A write: joins the open transaction in a savepoint, or begins it with `begin`,
    /// which runs `f` in a transaction it leaves open on `Ok` and rolls back on `Err`.
    /// A joined call failing with an error `fatal` recognizes (a serialization failure:
    /// retrying in this transaction cannot succeed) dooms the request transaction.
    pub(super) async fn write<T, E, F, B>(
        &self,
        f: F,
        begin: B,
        fatal: fn(&E) -> bool,
    ) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        B: FnOnce(&mut AnyConnection, F) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        self.call(f, Some(begin), fatal).await
    }

    async fn call<T, E, F, B>(&self, f: F, begin: Option<B>, fatal: fn(&E) -> bool) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        B: FnOnce(&mut AnyConnection, F) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let mut slot = Arc::clone(&self.slot).lock_owned().await;
        // A call that will check a connection out waits for its permit here, without a
        // thread; a call joining the pinned connection needs none (it holds one).
        let admission = if slot.conn.is_none() && !slot.poisoned {
            Some(self.db.admit(Target::Primary).await.map_err(E::from)?)
        } else {
            None
        };
        let (db, open) = (self.db.clone(), Arc::clone(&self.open));
        blocking(move || {
            let admission = admission;
            let slot = &mut *slot;
            if slot.poisoned {
                return Err(E::from(DbError::Unavailable(
                    "this request's transaction failed".to_owned(),
                )));
            }
            if let Some(pooled) = slot.conn.as_mut() {
                let result = in_savepoint(&mut pooled.conn, f);
                let failed = match &result {
                    Ok(_) => false,
                    Err(SavepointError::Closure(e)) => {
                        fatal(e) || db.check_after_error(pooled).is_err()
                    }
                    Err(SavepointError::Savepoint(_)) => true,
                };
                slot.poisoned |= failed;
                return result.map_err(|e| match e {
                    SavepointError::Closure(e) => e,
                    SavepointError::Savepoint(e) => E::from(DbError::Query(e)),
                });
            }
            let Some(admission) = admission else {
                return Err(E::from(DbError::Task(
                    "no permit for a checkout".to_owned(),
                )));
            };
            let mut pooled = db
                .checkout(admission.target, admission.deadline)
                .map_err(E::from)?;
            let result = match begin {
                Some(begin) => begin(&mut pooled.conn, f),
                None => f(&mut pooled.conn),
            };
            match &result {
                // `begin` left its transaction open: from now on it is the request's.
                Ok(_) if in_transaction(&mut pooled.conn) => {
                    slot.conn = Some(pooled);
                    slot.admission = Some(admission);
                    open.store(true, Ordering::Release);
                }
                Ok(_) => {}
                Err(_) => db.check_after_error(&mut pooled).map_err(E::from)?,
            }
            result
        })
        .await
    }

    /// Ends the transaction: runs `last` in it (the middleware stores or releases the
    /// claim there) and commits when `last` answers `true`, else rolls back. `None` when
    /// no transaction was begun (the request wrote nothing through [`Db::write`]);
    /// `Some(Err)` when it could not commit (it is rolled back).
    pub(crate) async fn end<L>(&self, last: L) -> Option<Result<bool, DbError>>
    where
        L: FnOnce(&mut AnyConnection) -> diesel::QueryResult<bool> + Send + 'static,
    {
        let mut slot = Arc::clone(&self.slot).lock_owned().await;
        let pooled = slot.conn.take()?;
        let admission = slot.admission.take();
        self.open.store(false, Ordering::Release);
        let poisoned = slot.poisoned;
        let db = self.db.clone();
        Some(
            blocking(move || {
                // Dropped after the connection, as in the slot.
                let _admission = admission;
                let mut pooled = pooled;
                // A call that panicked left its savepoint open: the transaction is not
                // in a state to commit.
                let poisoned = poisoned || depth(&mut pooled.conn) != 1;
                if poisoned {
                    // Closing the connection rolls everything back, savepoints included.
                    pooled.broken.store(true, Ordering::Relaxed);
                }
                let conn = &mut pooled.conn;
                let outcome = if poisoned {
                    Err(DbError::Unavailable(
                        "this request's transaction failed".to_owned(),
                    ))
                } else {
                    last(conn).map_err(DbError::Query)
                };
                let ended = match outcome {
                    Ok(true) => Manager::commit_transaction(conn).map(|()| true),
                    Ok(false) => Manager::rollback_transaction(conn).map(|()| false),
                    Err(e) => {
                        if poisoned || Manager::rollback_transaction(conn).is_err() {
                            pooled.broken.store(true, Ordering::Relaxed);
                        }
                        return Err(e);
                    }
                };
                match ended {
                    Ok(committed) => Ok(committed),
                    Err(e) => {
                        // A failed COMMIT leaves nothing committed; a connection in an
                        // unknown state is not pooled again.
                        db.check_after_error(&mut pooled)?;
                        if in_transaction(&mut pooled.conn) {
                            pooled.broken.store(true, Ordering::Relaxed);
                        }
                        // A COMMIT cut off by a lost connection (PostgreSQL shutting down:
                        // 57P01) is the database being unavailable, answered 503 with
                        // Retry-After like any other query on a lost connection; the
                        // pg-restart drill caught it as a 500.
                        if super::errors::is_connection_error(&e) {
                            return Err(DbError::Unavailable("connection lost".to_owned()));
                        }
                        Err(DbError::Query(e))
                    }
                }
            })
            .await,
        )
    }

    /// Drops the transaction without ending it, as a crashed process would: the
    /// connection is closed and the database rolls the transaction back.
    #[cfg(feature = "test-support")]
    pub(crate) async fn abandon(&self) {
        let mut slot = self.slot.lock().await;
        self.open.store(false, Ordering::Release);
        if let Some(pooled) = slot.conn.take() {
            pooled.broken.store(true, Ordering::Relaxed);
        }
        slot.admission = None;
    }
}

/// How deep `conn` is in transactions: 0 outside, 1 in a transaction, more in savepoints.
fn depth(conn: &mut AnyConnection) -> u32 {
    match Manager::transaction_manager_status_mut(conn).transaction_depth() {
        Ok(Some(depth)) => depth.get(),
        Ok(None) => 0,
        // A broken transaction manager: never commit through it.
        Err(_) => u32::MAX,
    }
}

fn in_transaction(conn: &mut AnyConnection) -> bool {
    depth(conn) > 0
}

enum SavepointError<E> {
    Closure(E),
    Savepoint(diesel::result::Error),
}

/// Runs `f` between `SAVEPOINT` and `RELEASE`, rolling back to the savepoint on `Err`.
fn in_savepoint<T, E, F>(conn: &mut AnyConnection, f: F) -> Result<T, SavepointError<E>>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
{
    Manager::begin_transaction(conn).map_err(SavepointError::Savepoint)?;
    match f(conn) {
        Ok(value) => {
            Manager::commit_transaction(conn).map_err(SavepointError::Savepoint)?;
            Ok(value)
        }
        Err(e) => {
            Manager::rollback_transaction(conn).map_err(SavepointError::Savepoint)?;
            Err(SavepointError::Closure(e))
        }
    }
}
