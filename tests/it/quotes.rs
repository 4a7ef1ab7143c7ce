//! Quotes: the seed article (every quote found and attributed) and span invariants.

use persian_text::{QuoteDetector, QuoteKind};
use proptest::prelude::*;

use crate::golden::check_golden;

const SEED: &str = include_str!("../data/seed-article.txt");

fn seed_units() -> Vec<&'static str> {
    SEED.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// Every quote of the seed article, with its speaker (or the resolved name) and cue; a
/// change shows as a diff of `tests/golden/quotes.tsv`.
#[test]
fn seed_article_quotes_golden() {
    let units = seed_units();
    let mut out = String::new();
    for (k, found) in QuoteDetector::new().article(&units).iter().enumerate() {
        for q in found {
            let speaker = q.speaker.map_or("-", |s| s.text);
            let resolved = q.resolved.map_or("-", |(_, s)| s.text);
            let cue = q.cue.map_or("-", |c| c.text);
            out.push_str(&format!(
                "{k}\t{:?}\t{speaker}\t{resolved}\t{cue}\t{}\n",
                q.kind, q.content.text
            ));
        }
    }
    check_golden("quotes.tsv", &out);
}

/// The seed article's 13 quotations (12 after a reporting verb, one headline), every
/// pronoun resolved to the speaker named before it, and nothing in the six other units.
#[test]
fn seed_article_quotes_found_and_attributed() {
    let units = seed_units();
    let found = QuoteDetector::new().article(&units);
    let counts: Vec<usize> = found.iter().map(Vec::len).collect();
    assert_eq!(
        counts,
        [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
    );
    assert_eq!(found[5][0].kind, QuoteKind::Headline);
    assert_eq!(found[4][0].kind, QuoteKind::Indirect);
    for (k, q) in found.iter().flatten().enumerate() {
        let who = q
            .resolved
            .map(|(_, s)| s.text)
            .or(q.speaker.map(|s| s.text))
            .unwrap_or("");
        assert!(
            !who.is_empty() && who != "وی",
            "quote {k} has no attributed speaker"
        );
    }
    assert_eq!(
        found[2][0].resolved.map(|(_, s)| s.text),
        Some("دکتر اسدالله عباسی")
    );
    assert_eq!(
        found[8][0].resolved.map(|(_, s)| s.text),
        Some("ایگور بابوشکین")
    );
}

/// Scraped text spells `ی ک` with the Arabic letters `ي ك`; the quotations are the same,
/// at the same offsets (the letters have the same length in UTF-8).
#[test]
fn arabic_letter_forms_find_the_same_quotes() {
    let arabic = SEED.replace('ی', "ي").replace('ک', "ك");
    let units = seed_units();
    let arabic_units: Vec<&str> = arabic.lines().filter(|l| !l.trim().is_empty()).collect();
    let ranges = |units: &[&str]| {
        let found = QuoteDetector::new().article(units);
        found
            .iter()
            .flatten()
            .map(|q| {
                let speaker = q.speaker.map(|s| s.range());
                (q.kind, q.content.range(), q.cue.map(|c| c.range()), speaker)
            })
            .collect::<Vec<_>>()
    };
    let persian = ranges(&units);
    assert_eq!(persian.len(), 13);
    assert_eq!(ranges(&arabic_units), persian);
}

fn unit_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[\u{0621}-\u{064A}\u{067E}\u{06A9}\u{06AF}\u{06CC}]{1,6}",
        2 => Just(" ".to_string()),
        1 => prop_oneof![Just("گفت".to_string()), Just("افزود".to_string()), Just("اعلام کرد".to_string()),
            Just("وی".to_string()), Just("که".to_string()), Just("به گفته".to_string())],
        2 => "[:«»\"،.!؟*]",
        1 => any::<char>().prop_map(String::from),
    ];
    prop_oneof![4 => proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat()), 1 => any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn quote_spans_are_valid(units in proptest::collection::vec(unit_text(), 0..5)) {
        let refs: Vec<&str> = units.iter().map(String::as_str).collect();
        let found = QuoteDetector::new().article(&refs);
        prop_assert_eq!(found.len(), refs.len());
        for (unit, quotes) in refs.iter().zip(&found) {
            let mut last_end = 0;
            for q in quotes {
                for span in [Some(q.content), q.cue, q.speaker].into_iter().flatten() {
                    prop_assert_eq!(&unit[span.range()], span.text);
                }
                prop_assert!(q.content.start >= last_end, "contents of one unit do not overlap");
                last_end = q.content.end();
                if let Some((k, s)) = q.resolved {
                    prop_assert_eq!(&refs[k][s.range()], s.text);
                }
            }
        }
    }
}
