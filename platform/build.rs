//! Fingerprints the PostgreSQL migrations so the test harness rebuilds its template
//! database whenever a migration is added or edited.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

fn visit(dir: &Path, hasher: &mut DefaultHasher) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            visit(&path, hasher);
        } else if let Ok(bytes) = std::fs::read(&path) {
            path.file_name().hash(hasher);
            bytes.hash(hasher);
        }
    }
}

fn main() {
    let dir = Path::new("../migrations/postgres");
    println!("cargo:rerun-if-changed=../migrations");
    let mut hasher = DefaultHasher::new();
    visit(dir, &mut hasher);
    println!(
        "cargo:rustc-env=HAVEN_PG_MIGRATIONS_HASH={:016x}",
        hasher.finish()
    );
}
