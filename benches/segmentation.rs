#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Throughput of the sentence splitter, the tokenizer, the number finder and the quote
//! detector on article text, with a copy
//! baseline in the same group.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use persian_text::{QuoteDetector, numbers, sentences, tokens};

mod common;

fn bench(c: &mut Criterion) {
    for (group, f) in [
        (
            "sentences",
            (|t: &str| sentences(t).count()) as fn(&str) -> usize,
        ),
        ("tokens", |t: &str| tokens(t).count()),
        ("numbers", |t: &str| numbers(t).count()),
    ] {
        let mut g = c.benchmark_group(group);
        for (name, text) in common::corpora() {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new("copy", name), &text, |b, t| {
                b.iter(|| t.to_owned())
            });
            g.bench_with_input(BenchmarkId::new("default", name), &text, |b, t| {
                b.iter(|| f(t))
            });
        }
        g.finish();
    }
    // Quotes: each corpus split into units (lines), as an article.
    let mut g = c.benchmark_group("quotes");
    let detector = QuoteDetector::new();
    for (name, text) in common::corpora() {
        let units: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("copy", name), &text, |b, t| {
            b.iter(|| t.to_owned())
        });
        g.bench_with_input(BenchmarkId::new("article", name), &units, |b, u| {
            b.iter(|| detector.article(u))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
