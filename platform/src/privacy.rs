//! Account export and erasure across modules (issue 4, point 10): what a module answers
//! when asked for, or to erase, one user's data, and the directory through which identity
//! reaches every mounted module's hooks without depending on any other domain.

use std::sync::{Arc, OnceLock, RwLock, Weak};

use crate::module::ModuleInfo;

/// A module's answer to [`ModuleInfo::export_user_data`].
#[derive(Debug, Clone, PartialEq)]
pub enum UserData {
    /// The module keeps nothing about users (the default, stated explicitly in the
    /// export so an auditor sees that the module was asked).
    NothingStored,
    /// The module's section of the export: every row it keeps about the user, as JSON.
    Exported(serde_json::Value),
}

/// A module's answer to [`ModuleInfo::erase_user`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erasure {
    /// The module keeps nothing about users; nothing to erase (the default).
    NothingStored,
    /// The module deleted or pseudonymized everything it kept about the user.
    Erased,
}

impl Erasure {
    /// The stored/logged name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NothingStored => "nothing_stored",
            Self::Erased => "erased",
        }
    }
}

type Shared = Arc<dyn ModuleInfo>;

#[derive(Default)]
struct Entries {
    mounted: OnceLock<Vec<Shared>>,
    /// The app's typed value of the same modules (see [`ModuleDirectory::mount_once`]).
    app: OnceLock<Arc<dyn std::any::Any + Send + Sync>>,
    extra: RwLock<Vec<Shared>>,
}

/// Every mounted module, as the app wired it; held by the [`crate::PlatformContext`].
///
/// The app installs the modules once (`install`); a module that needs the others (identity
/// runs every module's export and erasure) keeps a [`ModuleHandle`], a weak reference, so
/// a module listed here never keeps itself alive through its own handle.
#[derive(Clone, Default)]
pub struct ModuleDirectory {
    entries: Arc<Entries>,
}

impl std::fmt::Debug for ModuleDirectory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ModuleDirectory")
            .field("names", &names(&self.entries))
            .finish()
    }
}

impl ModuleDirectory {
    /// Records the mounted modules; only the first call counts (the app wires the same
    /// modules each time it builds them).
    pub fn install(&self, modules: Vec<Arc<dyn ModuleInfo>>) {
        let _ = self.entries.mounted.set(modules);
    }

    /// The app's modules, built by `build` on the first call for this context and shared
    /// by every later one: the HTTP app and the workers use the same instances (one
    /// in-memory cache, one development key). `build` returns the app's typed value and
    /// the same modules as trait objects, which are installed as by
    /// [`ModuleDirectory::install`]. `None` when a value of another type was mounted
    /// first (the app has one type, so only a wiring bug gets it).
    pub fn mount_once<T: Send + Sync + 'static>(
        &self,
        build: impl FnOnce() -> (Arc<T>, Vec<Arc<dyn ModuleInfo>>),
    ) -> Option<Arc<T>> {
        let any = self.entries.app.get_or_init(|| {
            let (typed, shared) = build();
            self.install(shared);
            typed
        });
        Arc::clone(any).downcast::<T>().ok()
    }

    /// Adds a module that only tests mount (feature `test-support`).
    #[cfg(feature = "test-support")]
    pub fn add_test_module(&self, module: Arc<dyn ModuleInfo>) {
        if let Ok(mut extra) = self.entries.extra.write() {
            extra.push(module);
        }
    }

    /// A weak handle for modules to keep.
    pub fn handle(&self) -> ModuleHandle {
        ModuleHandle {
            entries: Arc::downgrade(&self.entries),
        }
    }

    /// Every module, in mount order (test modules last).
    pub fn all(&self) -> Vec<Arc<dyn ModuleInfo>> {
        all(&self.entries)
    }
}

/// A module's view of the [`ModuleDirectory`]; cheap to clone.
#[derive(Clone, Debug)]
pub struct ModuleHandle {
    entries: Weak<Entries>,
}

/// The directory is gone (the app is shutting down) or was never filled in (a wiring bug).
#[derive(Debug, thiserror::Error)]
#[error("the module directory is not available: {0}")]
pub struct DirectoryUnavailable(&'static str);

impl ModuleHandle {
    /// Every module, in mount order; an error if the app did not install them.
    pub fn all(&self) -> Result<Vec<Arc<dyn ModuleInfo>>, DirectoryUnavailable> {
        let entries = self
            .entries
            .upgrade()
            .ok_or(DirectoryUnavailable("the platform context was dropped"))?;
        if entries.mounted.get().is_none() {
            return Err(DirectoryUnavailable("no modules were installed"));
        }
        Ok(all(&entries))
    }

    /// The module named `name`, if mounted.
    pub fn get(&self, name: &str) -> Result<Option<Arc<dyn ModuleInfo>>, DirectoryUnavailable> {
        Ok(self.all()?.into_iter().find(|m| m.name() == name))
    }
}

fn all(entries: &Entries) -> Vec<Shared> {
    let mut modules = entries.mounted.get().cloned().unwrap_or_default();
    if let Ok(extra) = entries.extra.read() {
        modules.extend(extra.iter().cloned());
    }
    modules
}

fn names(entries: &Entries) -> Vec<&'static str> {
    all(entries).iter().map(|m| m.name()).collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use futures_util::FutureExt;

    use super::*;

    struct Plain(&'static str);

    impl ModuleInfo for Plain {
        fn name(&self) -> &'static str {
            self.0
        }

        fn export_user_data<'a>(
            &'a self,
            _user_id: &'a crate::ids::UserId,
        ) -> futures_util::future::BoxFuture<'a, anyhow::Result<UserData>> {
            Box::pin(async { Ok(UserData::NothingStored) })
        }

        fn erase_user<'a>(
            &'a self,
            _user_id: &'a crate::ids::UserId,
        ) -> futures_util::future::BoxFuture<'a, anyhow::Result<Erasure>> {
            Box::pin(async { Ok(Erasure::NothingStored) })
        }

        fn seed(
            &self,
        ) -> futures_util::future::BoxFuture<'_, anyhow::Result<crate::module::Seeded>> {
            Box::pin(async { Ok(crate::module::Seeded::NothingToSeed) })
        }
    }

    #[test]
    fn a_module_that_stores_nothing_says_so() {
        let module = Plain("plain");
        let user = crate::ids::UserId::new();
        let export = module.export_user_data(&user).now_or_never().unwrap();
        assert_eq!(export.unwrap(), UserData::NothingStored);
        let erasure = module.erase_user(&user).now_or_never().unwrap();
        assert_eq!(erasure.unwrap(), Erasure::NothingStored);
    }

    #[test]
    fn the_first_install_counts_and_handles_see_it() {
        let directory = ModuleDirectory::default();
        let handle = directory.handle();
        assert!(handle.all().is_err(), "nothing installed yet");
        directory.install(vec![Arc::new(Plain("a")), Arc::new(Plain("b"))]);
        directory.install(vec![Arc::new(Plain("other"))]);
        let names: Vec<_> = handle.all().unwrap().iter().map(|m| m.name()).collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(handle.get("b").unwrap().unwrap().name(), "b");
        assert!(handle.get("c").unwrap().is_none());
    }

    #[test]
    fn modules_are_mounted_once_per_directory() {
        let directory = ModuleDirectory::default();
        let build = || {
            let module: Arc<dyn ModuleInfo> = Arc::new(Plain("a"));
            (Arc::new(vec![Arc::clone(&module)]), vec![module])
        };
        let first = directory.mount_once(build).unwrap();
        let second = directory.mount_once(build).unwrap();
        assert!(Arc::ptr_eq(&first, &second));
        let installed = directory.all();
        assert!(Arc::ptr_eq(&installed[0], &first[0]));
        assert!(
            directory
                .mount_once(|| (Arc::new(1u8), Vec::new()))
                .is_none()
        );
    }

    #[test]
    fn a_handle_does_not_keep_the_directory_alive() {
        let directory = ModuleDirectory::default();
        directory.install(vec![Arc::new(Plain("a"))]);
        let handle = directory.handle();
        drop(directory);
        assert!(handle.all().is_err());
    }
}
