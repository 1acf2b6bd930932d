//! Ingest + analysis throughput on a synthetic report stream.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sitrep_analyse::Analysis;
use sitrep_ingest::{Batch, read_bytes};

fn corpus() -> String {
    let report = "{\"id\": \"r{N}\", \"published\": \"2026-03-04\", \"text\": \"BANNU: At least 15 people were killed and 31 injured when a suicide bomber struck the vegetable market on Tuesday, police said. Lt. Gen. Tariq Aziz told reporters the U.S.-made rifles were seized.\\nRead more: Curfew lifted in Parachinar\\nThe banned Tehreek-e-Taliban Pakistan (TTP) claimed responsibility. \\u201cWe will hunt them down,\\u201d the district police officer said.\"}\n";
    (0..2000)
        .map(|n| report.replace("{N}", &n.to_string()))
        .collect()
}

fn bench(c: &mut Criterion) {
    let input = corpus();
    let mut group = c.benchmark_group("ingest+analyse");
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.sample_size(20);
    group.bench_function("jsonl 2000 reports", |b| {
        b.iter(|| {
            let mut batch = Batch::default();
            read_bytes(
                "bench.jsonl",
                Some("bench"),
                Some("jsonl"),
                input.as_bytes(),
                &mut batch,
            );
            let mut sentences = 0;
            for doc in &batch.documents {
                sentences += Analysis::new(doc).sentences.len();
            }
            sentences
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
