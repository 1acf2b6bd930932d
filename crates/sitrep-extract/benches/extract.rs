//! Throughput of entity recognition alone and of the whole extraction, on the bundled
//! example corpus (`examples/reports`), with the embedded knowledge base.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sitrep_analyse::Analysis;
use sitrep_extract::entities::Entities;
use sitrep_extract::extract;
use sitrep_ingest::{Limits, read_path};
use sitrep_kb::KnowledgeBase;

fn bench(c: &mut Criterion) {
    let kb = KnowledgeBase::embedded().expect("embedded knowledge base loads");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/reports");
    let docs = read_path(dir, &Limits::default()).documents;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("entities (example corpus)", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| Entities::recognise(&Analysis::new(d), &kb).mentions.len())
                .sum::<usize>()
        })
    });
    group.bench_function("whole record (example corpus)", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extract(d, &kb).entities.len())
                .sum::<usize>()
        })
    });
    group.finish();
    c.bench_function("knowledge base load", |b| {
        b.iter(|| {
            KnowledgeBase::embedded()
                .expect("loads")
                .matcher
                .entries
                .len()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
