//! Golden files: the crate's output on the seed article, checked in under `tests/golden/`.
//! `BLESS=1 cargo test` rewrites them; review the diff like code.

use persian_text::{HalfSpace, Normalizer, Rule, Spacing, ZWNJ, normalize, normalize_with_offsets};

const SEED: &str = include_str!("../data/seed-article.txt");
const SEED_GOLD: &str = include_str!("../data/seed-article.normalized.txt");

/// Compares `got` with the checked-in file `tests/golden/{name}`, printing a line diff.
pub fn check_golden(name: &str, got: &str) {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, got).expect("write golden file");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {path} ({e}); run BLESS=1 cargo test"));
    if want != got {
        let mut diff = String::new();
        for (k, (w, g)) in want.lines().zip(got.lines()).enumerate() {
            if w != g {
                diff.push_str(&format!("line {}:\n  - {w}\n  + {g}\n", k + 1));
            }
        }
        let (nw, ng) = (want.lines().count(), got.lines().count());
        if nw != ng {
            diff.push_str(&format!("line counts differ: want {nw}, got {ng}\n"));
        }
        panic!("{name} differs from the golden file (BLESS=1 cargo test to accept):\n{diff}");
    }
}

#[test]
fn seed_article_normalize_golden() {
    check_golden("normalize.txt", &normalize(SEED));
}

/// The whole seed article normalizes exactly to the hand-made gold.
#[test]
fn seed_article_matches_hand_made_gold() {
    let ours = normalize(SEED);
    for (k, (o, g)) in ours.lines().zip(SEED_GOLD.lines()).enumerate() {
        assert_eq!(o, g, "line {}", k + 1);
    }
    assert_eq!(ours, SEED_GOLD);
}

/// In a long text, restoration holds the decisions it made about fused words and looks them up
/// when the words come again (`halfspace/memo.rs`); the seed article repeated, long past the
/// memo's warm-up, still normalizes to the gold repeated, and so does its Arabic-typed copy.
#[test]
fn seed_article_repeated_matches_the_gold_repeated() {
    let lines = |s: &str| format!("{}\n", s.trim_end()).repeat(8);
    let gold = lines(SEED_GOLD);
    for seed in [SEED.to_owned(), SEED.replace('ی', "ي").replace('ک', "ك")] {
        assert_eq!(normalize(&lines(&seed)), gold);
    }
}

/// Typed with the Arabic letter forms `ي ك` throughout (as much of the news archive is), the
/// seed article normalizes to the same gold: restoration reads `ي ك` as `ی ک` and decides the
/// same at every word.
#[test]
fn seed_article_typed_with_arabic_letters_matches_the_gold() {
    let arabic = SEED.replace('ی', "ي").replace('ک', "ك");
    assert_ne!(arabic, SEED);
    assert_eq!(normalize(&arabic), SEED_GOLD);
}

/// Without half-space restoration, the output differs from the gold only by the ZWNJs it
/// restores: each gold ZWNJ is nothing or a space in that output.
#[test]
fn seed_article_without_restoration_differs_only_by_zwnj() {
    let off = Normalizer::builder().spacing(Spacing::Off).build();
    let ours: Vec<char> = off.normalize(SEED).chars().collect();
    let gold: Vec<char> = SEED_GOLD.chars().collect();
    let (mut i, mut j) = (0, 0);
    while i < ours.len() && j < gold.len() {
        if ours[i] == gold[j] {
            i += 1;
            j += 1;
        } else if gold[j] == ZWNJ {
            j += 1;
            if ours[i] == ' ' {
                i += 1;
            }
        } else {
            let ctx: String = ours[i.saturating_sub(20)..(i + 20).min(ours.len())]
                .iter()
                .collect();
            panic!("output differs from the gold at char {i}: …{ctx}…");
        }
    }
    assert_eq!(
        (i, j),
        (ours.len(), gold.len()),
        "one side has text left over"
    );
}

/// The edits, counted by rule, are those of the table in `seed-article.normalized.md`.
#[test]
fn seed_article_edits_by_rule() {
    let n = normalize_with_offsets(SEED);
    let mut counts = std::collections::BTreeMap::new();
    for e in n.edits() {
        *counts.entry(e.rule).or_insert(0) += 1;
        if let Rule::HalfSpace(_) = e.rule {
            assert!(
                e.evidence.is_some(),
                "a restoration edit names its evidence: {e:?}"
            );
        }
    }
    let want = [
        (Rule::PunctuationSpacing, 3),
        (Rule::HalfSpace(HalfSpace::VerbPrefix), 9),
        (Rule::HalfSpace(HalfSpace::Plural), 6),
        (Rule::HalfSpace(HalfSpace::Comparative), 1),
        (Rule::HalfSpace(HalfSpace::Compound), 5),
        (Rule::HalfSpace(HalfSpace::BePrefix), 1),
        (Rule::HalfSpace(HalfSpace::SilentHeh), 1),
    ];
    assert_eq!(counts, want.into_iter().collect());
}

/// Every row of the table of changes in `seed-article.normalized.md`, checked on its own.
#[test]
fn every_row_of_the_gold_table() {
    let md = include_str!("../data/seed-article.normalized.md");
    let mut rows = 0;
    for line in md
        .lines()
        .filter(|l| l.starts_with("| ") && l.ends_with("` |"))
    {
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        // | # | Line | Before | After | After (ZWNJ as ·) | Rule |
        if cols.len() < 7 || cols[1].parse::<u32>().is_err() {
            continue;
        }
        let (before, after, rule) = (cols[3], cols[4], cols[6].trim_matches('`'));
        assert_eq!(
            normalize(before),
            after,
            "row {}: {before} ({rule})",
            cols[1]
        );
        let n = normalize_with_offsets(before);
        let got: Vec<Rule> = n.edits().map(|e| e.rule).collect();
        let want = match rule {
            "punct-space" => Rule::PunctuationSpacing,
            "zwnj-mi" => Rule::HalfSpace(HalfSpace::VerbPrefix),
            "zwnj-ha" => Rule::HalfSpace(HalfSpace::Plural),
            "zwnj-tar" => Rule::HalfSpace(HalfSpace::Comparative),
            "zwnj-compound" => Rule::HalfSpace(HalfSpace::Compound),
            "zwnj-be" => Rule::HalfSpace(HalfSpace::BePrefix),
            "zwnj-silent-he" => Rule::HalfSpace(HalfSpace::SilentHeh),
            other => panic!("unknown rule {other}"),
        };
        assert_eq!(got, [want], "row {}: {before}", cols[1]);
        rows += 1;
    }
    assert_eq!(rows, 26, "every row of the table was checked");
}
