//! What a node's workers know how to run: job handlers, event handlers and schedules,
//! collected from the mounted modules.

use std::collections::HashMap;
use std::sync::Arc;

use super::{JobHandler, Recurring};
use crate::module::ModuleInfo;
use crate::outbox::EventHandler;

/// Handlers and schedules of every mounted module.
#[derive(Default, Clone)]
pub struct Registry {
    pub(crate) jobs: HashMap<&'static str, Arc<dyn JobHandler>>,
    pub(crate) handlers: HashMap<&'static str, Arc<dyn EventHandler>>,
    pub(crate) subscribers: HashMap<&'static str, Vec<&'static str>>,
    pub(crate) recurring: Vec<Recurring>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry")
            .field("jobs", &self.jobs.keys().collect::<Vec<_>>())
            .field("handlers", &self.handlers.keys().collect::<Vec<_>>())
            .field("recurring", &self.recurring)
            .finish()
    }
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds everything `module` declares.
    pub fn add_module(&mut self, module: &dyn ModuleInfo) -> &mut Self {
        for job in module.job_handlers() {
            self.add_job(job);
        }
        for handler in module.event_handlers() {
            self.add_event_handler(handler);
        }
        for recurring in module.recurring_jobs() {
            self.add_recurring(recurring);
        }
        self
    }

    /// Registers a job handler. A second handler for one kind is a wiring bug: the last
    /// one wins and a warning is logged.
    pub fn add_job(&mut self, handler: Arc<dyn JobHandler>) -> &mut Self {
        if self.jobs.insert(handler.kind(), handler).is_some() {
            tracing::warn!("two job handlers registered for one kind; the last one wins");
        }
        self
    }

    /// Registers an event handler for the event types it declares.
    pub fn add_event_handler(&mut self, handler: Arc<dyn EventHandler>) -> &mut Self {
        for event_type in handler.event_types() {
            self.subscribers
                .entry(event_type)
                .or_default()
                .push(handler.name());
        }
        if self.handlers.insert(handler.name(), handler).is_some() {
            tracing::warn!("two event handlers share one name; the last one wins");
        }
        self
    }

    /// Registers a recurring job.
    pub fn add_recurring(&mut self, recurring: Recurring) -> &mut Self {
        self.recurring.push(recurring);
        self
    }

    /// Names of the handlers subscribed to `event_type`.
    pub fn subscribers(&self, event_type: &str) -> &[&'static str] {
        self.subscribers
            .get(event_type)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}
