//! Scale check of the content snapshot (BENCHMARKS.md, content): a 20,000 items × 3
//! locales × 5 variants catalog parsed from its stored JSON and built into a snapshot with
//! its search index (time), the process RSS after, and search latency over typed,
//! mistyped and filtered queries.
//!
//! Run: `cargo run --release -p haven-content --example catalog_scale`

// A measuring tool: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::collections::BTreeMap;
use std::time::Instant;

use haven_content::catalog::snapshot::{Browse, CatalogItem, CatalogNarrator, Snapshot};
use haven_content::items::model::{ItemDocument, ItemId, ItemText, Kind, Variant};
use haven_content::locale::Locale;
use haven_content::narrators::model::NarratorId;

const ITEMS: usize = 20_000;
const WORDS: [&str; 24] = [
    "calm",
    "ocean",
    "breathing",
    "forest",
    "night",
    "gentle",
    "focus",
    "morning",
    "sleep",
    "harbor",
    "mountain",
    "river",
    "quiet",
    "anxiety",
    "release",
    "gratitude",
    "piano",
    "rain",
    "stretch",
    "journey",
    "balance",
    "evening",
    "clarity",
    "meditación",
];

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn word(i: usize) -> &'static str {
    WORDS[i % WORDS.len()]
}

fn main() {
    let narrators: Vec<CatalogNarrator> = (0..50)
        .map(|i| CatalogNarrator {
            id: NarratorId::new(),
            name: format!("Narrator {} {}", word(i), word(i * 7 + 3)),
            photo_url: None,
            bios: BTreeMap::from([(Locale::parse("en").unwrap(), "Teaches.".to_owned())]),
        })
        .collect();
    let locales = ["en", "es", "fr"].map(|l| Locale::parse(l).unwrap());
    // The stored form: the published documents as JSON, as the snapshot build reads them.
    let mut ids: Vec<ItemId> = (0..ITEMS).map(|_| ItemId::new()).collect();
    ids.sort();
    let stored: Vec<String> = (0..ITEMS)
        .map(|i| {
            let texts = locales
                .iter()
                .enumerate()
                .map(|(l, loc)| {
                    (
                        loc.clone(),
                        ItemText {
                            title: format!("{} {} {i}", word(i + l), word(i / 3 + 5)),
                            subtitle: Some(format!("{} for {}", word(i / 7), word(i / 11))),
                            description: format!(
                                "A session about {}, {} and {}: {} minutes of {}.",
                                word(i / 2),
                                word(i / 5 + l),
                                word(i / 13),
                                i % 60,
                                word(i / 17)
                            ),
                        },
                    )
                })
                .collect();
            let doc = ItemDocument {
                kind: Kind::ALL[i % Kind::ALL.len()],
                categories: vec![word(i / 19).replace('ó', "o")],
                tags: vec!["demo".into(), word(i / 23).replace('ó', "o")],
                texts,
                variants: (0..5)
                    .map(|v| Variant {
                        duration_s: 60 * (v + 1) * 5,
                        narrator_id: Some(narrators[(i + v as usize) % narrators.len()].id),
                        premium: v >= 3,
                    })
                    .collect(),
            };
            serde_json::to_string(&doc).unwrap()
        })
        .collect();
    let before = rss_mb();

    let t = Instant::now();
    let items: Vec<CatalogItem> = ids
        .iter()
        .zip(&stored)
        .map(|(id, json)| CatalogItem {
            id: *id,
            doc: serde_json::from_str(json).unwrap(),
            first_published_at: chrono::DateTime::UNIX_EPOCH.naive_utc(),
        })
        .collect();
    let parsed = t.elapsed();
    let snap = Snapshot::new(1, items, narrators).with_search();
    let built = t.elapsed();
    drop(stored);
    let after = rss_mb();

    let index = snap.search_index().unwrap();
    let queries: Vec<String> = (0..2_000)
        .map(|i| match i % 4 {
            0 => word(i).to_owned(),
            1 => format!("{} {}", word(i), word(i / 3)),
            // A typo: a letter dropped.
            2 => {
                let w = word(i);
                format!("{}{}", &w[..2], &w[3..])
            }
            // Search as you type.
            _ => word(i)[..3].to_owned(),
        })
        .collect();
    let mut filtered = Browse {
        kind: Some(Kind::Meditation),
        ..Browse::default()
    };
    let mut lat = Vec::with_capacity(queries.len());
    for (i, q) in queries.iter().enumerate() {
        let t = Instant::now();
        let allowed = (i % 2 == 0).then(|| {
            filtered.min_duration_s = Some(300);
            std::sync::Arc::new(snap.items().iter().map(|it| filtered.matches(it)).collect())
        });
        let hits = index.search(q, allowed, 0, 21).unwrap();
        std::hint::black_box(hits);
        lat.push(t.elapsed());
    }
    lat.sort();
    let pct = |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)];
    println!("items: {ITEMS} × 3 locales × 5 variants, 50 narrators");
    println!(
        "snapshot build: {:.0} ms (JSON parse {:.0} ms, index {:.0} ms)",
        built.as_secs_f64() * 1e3,
        parsed.as_secs_f64() * 1e3,
        (built - parsed).as_secs_f64() * 1e3
    );
    println!("process RSS: {after:.0} MB (before the build, with the stored JSON: {before:.0} MB)");
    println!(
        "search over {} queries (half filtered): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        lat.len(),
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        lat[lat.len() - 1].as_secs_f64() * 1e3
    );
    let loadavg = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("load average: {}", loadavg.trim());
}
