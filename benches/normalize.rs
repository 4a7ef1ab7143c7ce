#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Throughput of the normalizer on article text, with a copy baseline in the same group.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use persian_text::{Normalizer, Spacing, normalize, normalize_with_offsets};

mod common;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("normalize");
    let no_restoration = Normalizer::builder().spacing(Spacing::Off).build();
    for (name, text) in common::corpora() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("copy", name), &text, |b, t| {
            b.iter(|| t.to_owned())
        });
        g.bench_with_input(BenchmarkId::new("default", name), &text, |b, t| {
            b.iter(|| normalize(t))
        });
        g.bench_with_input(BenchmarkId::new("spacing_off", name), &text, |b, t| {
            b.iter(|| no_restoration.normalize(t))
        });
        g.bench_with_input(BenchmarkId::new("with_offsets", name), &text, |b, t| {
            b.iter(|| normalize_with_offsets(t))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
