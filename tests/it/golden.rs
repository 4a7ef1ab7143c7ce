//! Golden files: the crate's output on the seed article, checked in under `tests/golden/`.
//! `BLESS=1 cargo test` rewrites them; review the diff like code.

use persian_text::{ZWNJ, normalize, normalize_with_offsets};

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

/// The hand-made gold differs from our output only by the ZWNJs it restores (issue #3): each
/// gold ZWNJ is nothing or a space in our output, and everything else is identical.
#[test]
fn seed_article_matches_hand_made_gold_up_to_zwnj() {
    let ours: Vec<char> = normalize(SEED).chars().collect();
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

/// The three punctuation-spacing edits of the gold, and nothing else.
#[test]
fn seed_article_edits() {
    let n = normalize_with_offsets(SEED);
    let edits: Vec<_> = n
        .edits()
        .map(|e| (e.rule, &SEED[e.range.clone()], e.replacement))
        .collect();
    use persian_text::Rule::PunctuationSpacing as P;
    assert_eq!(edits, [(P, " ", ""), (P, " ", ""), (P, " ", "")]);
    // Each removed space sits before `:` or `،`.
    for e in n.edits() {
        let after = SEED[e.range.end..].chars().next();
        assert!(matches!(after, Some(':' | '،')), "{after:?}");
    }
}
