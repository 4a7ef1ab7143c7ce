#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Throughput of the digit converters on article text, with a copy baseline.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use persian_text::{DigitConverter, Digits, Scope, convert_digits};

mod common;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("digits");
    for (name, text) in common::corpora() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("copy", name), &text, |b, t| {
            b.iter(|| t.to_owned())
        });
        for to in [Digits::Latin, Digits::Persian] {
            let id = BenchmarkId::new(format!("to_{to:?}").to_lowercase(), name);
            g.bench_with_input(id, &text, |b, t| b.iter(|| convert_digits(t, to)));
        }
        let ctx = DigitConverter::new(Digits::Persian)
            .separators(true)
            .scope(Scope::PersianContext);
        g.bench_with_input(
            BenchmarkId::new("to_persian_context", name),
            &text,
            |b, t| b.iter(|| ctx.convert(t)),
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
