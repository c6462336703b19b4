//! The catalog's full-text index: built in RAM from one snapshot (every locale's title,
//! subtitle and description, tags, categories and narrator names), folded to lower-case
//! ASCII so `Meditación` matches `meditacion`, and queried with fuzzy terms so a typo
//! still finds the item. One index per snapshot version, never rebuilt per request.

use std::collections::BTreeMap;
use std::sync::Arc;

use tantivy::collector::{FilterCollector, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::catalog::snapshot::{CatalogItem, CatalogNarrator};
use crate::narrators::model::NarratorId;

const FOLDED: &str = "folded";
/// At most this many query words count (a longer query is cut, not refused).
const MAX_TERMS: usize = 8;

/// The searchable fields, with their weight in the ranking.
#[derive(Debug, Clone, Copy)]
struct Fields {
    ord: Field,
    title: Field,
    tags: Field,
    narrators: Field,
    description: Field,
}

/// One snapshot's index.
pub struct SearchIndex {
    reader: IndexReader,
    analyzer: TextAnalyzer,
    fields: Fields,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

impl SearchIndex {
    /// Indexes `items` (their position is the document's `ord`) with the names of
    /// their variants' narrators.
    pub fn build(
        items: &[CatalogItem],
        narrators: &BTreeMap<NarratorId, CatalogNarrator>,
    ) -> tantivy::Result<Self> {
        let mut sb = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(FOLDED)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let fields = Fields {
            ord: sb.add_u64_field("ord", FAST | STORED),
            title: sb.add_text_field("title", text.clone()),
            tags: sb.add_text_field("tags", text.clone()),
            narrators: sb.add_text_field("narrators", text.clone()),
            description: sb.add_text_field("description", text),
        };
        let index = Index::create_in_ram(sb.build());
        index.tokenizers().register(FOLDED, analyzer());
        // One indexing thread: the build runs beside request handling on a small
        // machine, and a 20,000-item catalog indexes in well under a second anyway.
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 50_000_000)?;
        for (ord, item) in items.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_u64(fields.ord, ord as u64);
            for t in item.doc.texts.values() {
                doc.add_text(fields.title, &t.title);
                if let Some(s) = &t.subtitle {
                    doc.add_text(fields.description, s);
                }
                doc.add_text(fields.description, &t.description);
            }
            for tag in item.doc.tags.iter().chain(&item.doc.categories) {
                doc.add_text(fields.tags, tag.replace('_', " "));
            }
            let mut named = Vec::new();
            for v in &item.doc.variants {
                if let Some(n) = v.narrator_id.as_ref().and_then(|id| narrators.get(id))
                    && !named.contains(&n.id)
                {
                    named.push(n.id);
                    doc.add_text(fields.narrators, &n.name);
                }
            }
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Self {
            reader,
            analyzer: analyzer(),
            fields,
        })
    }

    fn query(&self, q: &str) -> Option<Box<dyn Query>> {
        let mut analyzer = self.analyzer.clone();
        let mut stream = analyzer.token_stream(q);
        let mut words = Vec::new();
        while let Some(t) = stream.next() {
            if words.len() < MAX_TERMS && !words.contains(&t.text) {
                words.push(t.text.clone());
            }
        }
        let last = words.len().checked_sub(1)?;
        let f = self.fields;
        let weighted = [
            (f.title, 3.0),
            (f.tags, 2.0),
            (f.narrators, 2.0),
            (f.description, 1.0),
        ];
        let per_word: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                // Typos allowed grow with the word: none under 4 letters (too many
                // neighbours), one up to 7, two beyond.
                let distance = match w.chars().count() {
                    0..=3 => 0,
                    4..=7 => 1,
                    _ => 2,
                };
                let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (field, weight) in weighted {
                    let term = Term::from_field_text(field, w);
                    // Exact words score by BM25; fuzzy ones (constant score) only
                    // widen the match, below an exact hit.
                    any.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(
                            Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)),
                            weight * 2.0,
                        )),
                    ));
                    // The last word may be unfinished (search as you type).
                    let fuzzy = if i == last {
                        FuzzyTermQuery::new_prefix(term, distance, true)
                    } else {
                        FuzzyTermQuery::new(term, distance, true)
                    };
                    any.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(fuzzy), weight * 0.5)),
                    ));
                }
                (
                    Occur::Must,
                    Box::new(BooleanQuery::new(any)) as Box<dyn Query>,
                )
            })
            .collect();
        Some(Box::new(BooleanQuery::new(per_word)))
    }

    /// Positions (in the snapshot's item order) of the best matches of `q` among items
    /// `allowed` says pass the filters (`None`: all), best first: `limit` of them after
    /// skipping `offset`.
    pub fn search(
        &self,
        q: &str,
        allowed: Option<Arc<Vec<bool>>>,
        offset: usize,
        limit: usize,
    ) -> tantivy::Result<Vec<usize>> {
        let Some(query) = self.query(q) else {
            return Ok(Vec::new());
        };
        let searcher = self.reader.searcher();
        let top = TopDocs::with_limit(limit).and_offset(offset);
        let hits = match allowed {
            None => searcher.search(&query, &top)?,
            Some(allowed) => searcher.search(
                &query,
                &FilterCollector::new(
                    "ord".to_owned(),
                    move |ord: u64| allowed.get(ord as usize).copied().unwrap_or(false),
                    top,
                ),
            )?,
        };
        let mut out = Vec::with_capacity(hits.len());
        for (_, addr) in hits {
            let doc: TantivyDocument = searcher.doc(addr)?;
            if let Some(ord) = doc.get_first(self.fields.ord).and_then(|v| v.as_u64()) {
                out.push(ord as usize);
            }
        }
        Ok(out)
    }
}
