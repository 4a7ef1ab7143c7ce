#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Throughput of the normalizer on article text, with a copy baseline in the same group.

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use persian_text::{Normalizer, Spacing, clear_thread_cache, normalize, normalize_with_offsets};

mod common;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("normalize");
    let no_restoration = Normalizer::builder().spacing(Spacing::Off).build();
    for (name, text) in common::corpora() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("copy", name), &text, |b, t| {
            b.iter(|| t.to_owned())
        });
        // Repeated runs find the words of the text decided by the runs before (restoration's
        // memo, kept per thread): `default` is a pipeline that has seen the text's words,
        // `default_cold` one that starts afresh each time.
        g.bench_with_input(BenchmarkId::new("default", name), &text, |b, t| {
            b.iter(|| normalize(t))
        });
        g.bench_with_input(BenchmarkId::new("default_cold", name), &text, |b, t| {
            b.iter_batched(clear_thread_cache, |()| normalize(t), BatchSize::SmallInput)
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
