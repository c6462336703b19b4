//! A pool's database threads: `pool_max` threads that take calls from one queue, each on a
//! connection of the pool (issue 9). A thread that finishes a call takes the next queued
//! one without sleeping, so under load a call costs no thread wake-up; with tokio's
//! blocking pool behind a permit every call woke a sleeping thread (a third of `/me`'s
//! CPU was context switches). A call waits in the queue for at most the acquire timeout:
//! one not started by then is `Unavailable` (503) and never runs.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use super::pool::{DbError, NO_CONNECTION};

/// One queued call.
type Job = Box<dyn FnOnce() + Send>;

/// The queue and threads of one pool; dropping it lets the threads end once idle.
pub(super) struct Executor {
    shared: Arc<Shared>,
    /// Calls queued and neither started nor given up.
    waiting: Arc<std::sync::atomic::AtomicUsize>,
}

struct Shared {
    state: Mutex<State>,
    work: Condvar,
    max_threads: usize,
    name: String,
}

struct State {
    queue: VecDeque<Job>,
    threads: usize,
    /// Parked threads no call has woken yet: a call that wakes one takes it off this
    /// count at once, so two calls never count on the same sleeping thread.
    idle: usize,
    /// Wake-ups sent and not yet taken by a thread (a thread that wakes without one
    /// woke spuriously and takes itself off `idle`).
    woken: usize,
    closed: bool,
}

/// Where a call is: only a queued call may be given up, only a started one runs.
const QUEUED: u8 = 0;
const STARTED: u8 = 1;
const GIVEN_UP: u8 = 2;

impl Executor {
    /// Up to `max_threads` threads, started as calls need them, named after `name`.
    pub(super) fn new(max_threads: u32, name: &str) -> Self {
        Self {
            shared: Arc::new(Shared {
                state: Mutex::new(State {
                    queue: VecDeque::new(),
                    threads: 0,
                    idle: 0,
                    woken: 0,
                    closed: false,
                }),
                work: Condvar::new(),
                max_threads: (max_threads as usize).max(1),
                name: name.to_owned(),
            }),
            waiting: Arc::default(),
        }
    }

    /// Calls waiting for a thread.
    pub(super) fn queued(&self) -> usize {
        self.waiting.load(Ordering::Relaxed)
    }

    /// Runs `f` on a database thread inside the caller's span, unless it cannot start by
    /// `deadline` (`Unavailable`); a panic in `f` is resumed here, so the panic handler
    /// answers 500 with the request id. Once started, `f` runs to the end even if the
    /// caller stops waiting, as a transaction must.
    pub(super) async fn run<T, E, F>(&self, deadline: Instant, f: F) -> Result<T, E>
    where
        F: FnOnce(Instant) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let span = tracing::Span::current();
        let phase = Arc::new(AtomicU8::new(QUEUED));
        let (done, answer) = tokio::sync::oneshot::channel();
        let job_phase = Arc::clone(&phase);
        let waiting = Arc::clone(&self.waiting);
        let job: Job = Box::new(move || {
            if job_phase
                .compare_exchange(QUEUED, STARTED, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
            {
                return;
            }
            waiting.fetch_sub(1, Ordering::Relaxed);
            let _entered = span.enter();
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(deadline)));
            // The caller may have gone (its request was dropped); the work is done anyway.
            let _ = done.send(outcome);
        });
        self.waiting.fetch_add(1, Ordering::Relaxed);
        self.submit(job);
        let mut answer = answer;
        let answer = match tokio::time::timeout_at(deadline.into(), &mut answer).await {
            Ok(answer) => answer,
            Err(_) => {
                if phase
                    .compare_exchange(QUEUED, GIVEN_UP, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok()
                {
                    self.waiting.fetch_sub(1, Ordering::Relaxed);
                    return Err(E::from(DbError::Unavailable(NO_CONNECTION.to_owned())));
                }
                // Started just in time: it runs to the end, and its answer is the answer.
                answer.await
            }
        };
        match answer {
            Ok(Ok(result)) => result,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(_) => Err(E::from(DbError::Task(
                "the database thread dropped the call".to_owned(),
            ))),
        }
    }

    fn submit(&self, job: Job) {
        let mut state = self.shared.lock();
        state.queue.push_back(job);
        if state.idle > 0 {
            state.idle -= 1;
            state.woken += 1;
            drop(state);
            self.shared.work.notify_one();
        } else if state.threads < self.shared.max_threads {
            state.threads += 1;
            let index = state.threads;
            drop(state);
            let shared = Arc::clone(&self.shared);
            let spawned = std::thread::Builder::new()
                .name(format!("{}-{index}", self.shared.name))
                .spawn(move || shared.work_loop());
            if let Err(e) = spawned {
                self.shared.lock().threads -= 1;
                tracing::error!(error = %e, "cannot start a database thread");
            }
        }
    }
}

impl Drop for Executor {
    fn drop(&mut self) {
        self.shared.lock().closed = true;
        self.shared.work.notify_all();
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Jobs run outside the lock and catch their panics: the state is never half-written.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn work_loop(&self) {
        let mut state = self.lock();
        loop {
            if let Some(job) = state.queue.pop_front() {
                drop(state);
                job();
                state = self.lock();
                continue;
            }
            if state.closed {
                state.threads -= 1;
                return;
            }
            state.idle += 1;
            state = self
                .work
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
            if state.woken > 0 {
                state.woken -= 1;
            } else {
                state.idle -= 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicBool;
    use std::sync::{Arc, Barrier};
    use std::time::Duration;

    use super::*;

    fn soon() -> Instant {
        Instant::now() + Duration::from_secs(30)
    }

    /// Two calls that wait for each other need two threads: a sleeping thread woken for
    /// the first call must not also count as free for the second (a deadlock before).
    #[tokio::test]
    async fn calls_that_meet_each_get_a_thread_also_when_threads_sleep() {
        for _ in 0..20 {
            let threads = Executor::new(2, "test-db");
            // One thread, now asleep: the first call of the pair wakes it, the second
            // must start another.
            threads.run(soon(), |_| Ok::<_, DbError>(())).await.unwrap();
            let meet = Arc::new(Barrier::new(2));
            let call = |meet: Arc<Barrier>| {
                threads.run(soon(), move |_| {
                    meet.wait();
                    Ok::<_, DbError>(())
                })
            };
            let pair = async { tokio::join!(call(Arc::clone(&meet)), call(meet)) };
            let (a, b) = tokio::time::timeout(Duration::from_secs(10), pair)
                .await
                .expect("both calls ran");
            a.unwrap();
            b.unwrap();
        }
    }

    /// A call no thread starts before its deadline is `Unavailable` and never runs.
    #[tokio::test]
    async fn a_call_not_started_by_its_deadline_is_unavailable_and_never_runs() {
        let threads = Executor::new(1, "test-db");
        let (release, held) = std::sync::mpsc::channel::<()>();
        let holder = threads.run(soon(), move |_| {
            held.recv().ok();
            Ok::<_, DbError>(())
        });
        let ran = Arc::new(AtomicBool::new(false));
        let late = {
            let ran = Arc::clone(&ran);
            threads.run(Instant::now() + Duration::from_millis(50), move |_| {
                ran.store(true, Ordering::SeqCst);
                Ok::<_, DbError>(())
            })
        };
        let (held_result, late_result) = tokio::join!(holder, async {
            let late = late.await;
            assert_eq!(threads.queued(), 0, "a call given up is not waiting");
            release.send(()).unwrap();
            late
        });
        held_result.unwrap();
        assert!(
            matches!(late_result, Err(DbError::Unavailable(_))),
            "{late_result:?}"
        );
        // Calls run in order: once a later call ran, the given-up one was passed over.
        threads.run(soon(), |_| Ok::<_, DbError>(())).await.unwrap();
        assert!(!ran.load(Ordering::SeqCst), "a given-up call never runs");
    }

    #[tokio::test]
    async fn a_panic_is_resumed_in_the_caller_and_the_thread_serves_on() {
        let threads = Arc::new(Executor::new(1, "test-db"));
        let caller = Arc::clone(&threads);
        let panicked = tokio::spawn(async move {
            caller
                .run(soon(), |_| -> Result<(), DbError> { panic!("in a query") })
                .await
        })
        .await;
        assert!(panicked.is_err_and(|join| join.is_panic()));
        threads.run(soon(), |_| Ok::<_, DbError>(())).await.unwrap();
    }
}
