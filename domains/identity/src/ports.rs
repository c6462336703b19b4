//! Traits the identity domain needs from other domains.
//!
//! Account export and erasure reach every module through the platform's module directory
//! (`haven_platform::privacy`, the `export_user_data`/`erase_user` hooks of
//! `ModuleInfo`), so identity declares no port of its own for them.
