//! Sentences and tokens: the seed article's golden outputs and the span invariants.

use persian_text::{TokenKind, normalize, normalize_with_offsets, sentences, tokens};
use proptest::prelude::*;

use crate::golden::check_golden;

const SEED: &str = include_str!("../data/seed-article.txt");
const SEED_SENTENCES: &str = include_str!("../data/seed-article.sentences.txt");

/// The normalized seed article splits into exactly the hand-made gold sentences.
#[test]
fn seed_article_sentences_match_gold() {
    let normalized = normalize(SEED);
    let got: Vec<&str> = sentences(&normalized).map(|s| s.text).collect();
    let want: Vec<&str> = SEED_SENTENCES.lines().collect();
    assert_eq!(got, want);
}

#[test]
fn seed_article_sentences_golden() {
    let normalized = normalize(SEED);
    let out: String = sentences(&normalized)
        .map(|s| format!("{}\n", s.text))
        .collect();
    check_golden("sentences.txt", &out);
}

#[test]
fn seed_article_tokens_golden() {
    let normalized = normalize(SEED);
    let mut out = String::new();
    for t in tokens(&normalized) {
        out.push_str(&format!("{}\t{}\t{:?}\n", t.start, t.text, t.kind));
    }
    check_golden("tokens.tsv", &out);
}

/// Tokens of the normalized text map back to the words of the raw text.
#[test]
fn tokens_map_back_through_offsets() {
    let n = normalize_with_offsets(SEED);
    for t in tokens(n.as_str()).filter(|t| t.kind == TokenKind::Word) {
        let raw = &SEED[n.original_range(t.range())];
        let strip = |s: &str| {
            s.chars()
                .filter(|&c| c != '\u{200C}' && c != ' ')
                .collect::<String>()
        };
        assert_eq!(
            strip(raw),
            strip(t.text),
            "token {:?} maps to {raw:?}",
            t.text
        );
    }
}

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => "[\u{0621}-\u{064A}\u{067E}\u{0686}\u{06A9}\u{06AF}\u{06CC}]{1,6}",
        3 => "[ \n]{1,2}",
        2 => "[.!?:\u{060C}\u{061F}\u{00AB}\u{00BB}()\"\u{2026}]{1,2}",
        1 => "[0-9\u{06F0}-\u{06F9}]{1,3}",
        1 => Just("\u{200C}".to_string()),
        1 => "[a-zA-Z]{1,4}",
        1 => any::<char>().prop_map(String::from),
    ];
    prop_oneof![4 => proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat()), 1 => any::<String>()]
}

/// Whitespace, ZWNJ and the invisible format characters the normalizer removes: they carry no
/// text, and no sentence starts or ends with one.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn sentences_are_ordered_slices_covering_the_text(text in text()) {
        let mut last = 0;
        let mut covered = String::new();
        for s in sentences(&text) {
            prop_assert_eq!(&text[s.range()], s.text);
            prop_assert!(s.start >= last, "in order, not overlapping");
            prop_assert!(!s.text.is_empty());
            prop_assert!(text[last..s.start].chars().all(invisible), "only blanks between sentences");
            last = s.end();
            covered.push_str(s.text);
        }
        prop_assert!(text[last..].chars().all(invisible));
        let visible = |s: &str| s.chars().filter(|&c| !invisible(c)).collect::<String>();
        prop_assert_eq!(visible(&covered), visible(&text));
    }

    #[test]
    fn joined_verb_tokens_are_ordered_slices(text in text()) {
        let mut last = 0;
        for t in persian_text::Tokenizer::new().join_verbs(true).tokens(&text) {
            prop_assert_eq!(&text[t.range()], t.text);
            prop_assert!(t.start >= last && !t.text.is_empty());
            prop_assert!(!t.text.contains(['\n', '\t']) && !t.text.contains("  "), "{:?}", t.text);
            last = t.end();
        }
    }

    #[test]
    fn tokens_are_ordered_slices_without_whitespace(text in text()) {
        let mut last = 0;
        let mut covered = String::new();
        for t in tokens(&text) {
            prop_assert_eq!(&text[t.range()], t.text);
            prop_assert!(t.start >= last && !t.text.is_empty());
            prop_assert!(!t.text.chars().any(char::is_whitespace), "{:?}", t.text);
            let gap_ok = text[last..t.start].chars().all(|c| c.is_whitespace() || c == '\u{200C}');
            prop_assert!(gap_ok, "only whitespace between tokens");
            last = t.end();
            covered.push_str(t.text);
        }
        let strip = |s: &str| s.chars().filter(|&c| !c.is_whitespace() && c != '\u{200C}').collect::<String>();
        prop_assert_eq!(strip(&covered), strip(&text));
    }
}
