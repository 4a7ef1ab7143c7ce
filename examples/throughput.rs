//! Prints one JSON line of throughput (MB/s) per capability, measured in this process on ~1 MB
//! of article text, next to a plain copy of the same bytes, so that speed can be tracked as a
//! ratio to memcpy on a noisy machine.
//!
//! ```text
//! cargo run --release --example throughput
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use persian_text::{
    Digits, Normalizer, QuoteDetector, Spacing, clear_thread_cache, convert_digits, normalize,
    numbers, sentences, tokens,
};

#[path = "../benches/common/mod.rs"]
mod common;

/// Best MB/s of `f` over `text`, over repeated runs for about `budget`.
fn measure(text: &str, budget: Duration, mut f: impl FnMut(&str)) -> f64 {
    let mut best = Duration::MAX;
    let start = Instant::now();
    let mut runs = 0;
    while runs < 5 || start.elapsed() < budget {
        let t = Instant::now();
        f(black_box(text));
        best = best.min(t.elapsed());
        runs += 1;
    }
    text.len() as f64 / best.as_secs_f64() / 1e6
}

fn main() {
    let raw = common::article_raw();
    let clean = common::article_clean();
    let budget = Duration::from_millis(700);
    let copy = measure(&raw, budget, |t| drop(black_box(t.to_owned())));
    let norm = measure(&raw, budget, |t| drop(black_box(normalize(t))));
    // Each run as a process's first text: restoration's memo of decided words dropped.
    let norm_cold = measure(&raw, budget, |t| {
        clear_thread_cache();
        drop(black_box(normalize(t)))
    });
    let norm_clean = measure(&clean, budget, |t| drop(black_box(normalize(t))));
    // The steps of the foundation issue alone: no half-space restoration.
    let off = Normalizer::builder().spacing(Spacing::Off).build();
    let norm_off = measure(&raw, budget, |t| drop(black_box(off.normalize(t))));
    let norm_off_clean = measure(&clean, budget, |t| drop(black_box(off.normalize(t))));
    let arabic = common::news_arabic_letters();
    let norm_arabic = measure(&arabic, budget, |t| drop(black_box(normalize(t))));
    let digits = measure(&raw, budget, |t| {
        drop(black_box(convert_digits(t, Digits::Latin)))
    });
    let sentences_mbs = measure(&clean, budget, |t| {
        black_box(sentences(t).count());
    });
    let tokens_mbs = measure(&clean, budget, |t| {
        black_box(tokens(t).count());
    });
    let numbers_mbs = measure(&clean, budget, |t| {
        black_box(numbers(t).count());
    });
    let units: Vec<&str> = clean.lines().filter(|l| !l.trim().is_empty()).collect();
    // The detector takes the units of `clean`; the closure's argument is that same text.
    let quotes_mbs = measure(&clean, budget, |_| {
        black_box(QuoteDetector::new().article(black_box(&units)));
    });
    println!(
        "{{\"bytes\": {}, \"copy\": {copy:.0}, \"normalize\": {norm:.0}, \"normalize_cold\": {norm_cold:.0}, \"normalize_clean\": {norm_clean:.0}, \"normalize_arabic_letters\": {norm_arabic:.0}, \"normalize_off\": {norm_off:.0}, \"normalize_off_clean\": {norm_off_clean:.0}, \"digits\": {digits:.0}, \"sentences\": {sentences_mbs:.0}, \"tokens\": {tokens_mbs:.0}, \"quotes\": {quotes_mbs:.0}, \"numbers\": {numbers_mbs:.0}}}",
        raw.len()
    );
}
