//! Property tests: invariants that hold for any input.

use std::borrow::Cow;

use persian_text::{
    DigitConverter, Digits, Letters, Normalizer, Rule, Scope, convert_digits, normalize,
    normalize_with_offsets,
};

use crate::normalize_cases::USER_WORDS;
use proptest::prelude::*;

/// Text weighted towards the trouble real Persian text has.
fn persianish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => "[\u{0621}-\u{064A}\u{067E}\u{0686}\u{0698}\u{06A9}\u{06AF}\u{06CC}\u{06C0}]{1,6}",
        1 => "[\u{064B}-\u{0655}\u{0670}\u{0640}]{1,2}",          // marks, kashida
        2 => Just("\u{200C}".to_string()),                       // ZWNJ
        1 => "[\u{200B}\u{200D}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FEFF}\u{00AD}\u{00AC}]",
        3 => "[ \u{00A0}\u{2009}\n\t]{1,3}",                     // spaces, NBSP, thin, newline
        1 => "[0-9\u{06F0}-\u{06F9}\u{0660}-\u{0669}]{1,4}",     // three digit scripts
        2 => "[.!:,;?\"%()\\[\\]\u{060C}\u{061B}\u{061F}\u{00AB}\u{00BB}\u{066B}\u{066C}\u{2026}\u{201C}\u{201D}]",
        1 => Just("...".to_string()),
        1 => "[a-zA-Z]{1,5}",
        1 => prop_oneof![
            Just("https://x.ir/a?b=1".to_string()),
            Just("a1@b.ir".to_string()),
            Just("example.co.uk".to_string()),
            Just("@user".to_string()),
            Just("#تگ_خوب".to_string()),
            Just("[متن](u.ir)".to_string()),
            Just(":)".to_string()),
        ],
        1 => "[\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFC}]",              // presentation forms
        1 => any::<char>().prop_map(String::from),               // anything at all
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => persianish(), 1 => any::<String>()]
}

/// Chars a rule may delete outright. A gap (whitespace or ZWNJ) also takes with it what other
/// steps delete inside it, so that edits stay in input order.
fn deletable(c: char, rule: Rule) -> bool {
    let by_step = |c: char| {
        deletable(c, Rule::Controls)
            || deletable(c, Rule::Kashida)
            || deletable(c, Rule::Diacritics)
            || deletable(c, Rule::PresentationForms)
    };
    match rule {
        // Half-space restoration replaces the gap between two parts of a word.
        Rule::Whitespace
        | Rule::PunctuationSpacing
        | Rule::Zwnj
        | Rule::HalfSpaceMark
        | Rule::HalfSpace(_) => c.is_whitespace() || invisible(c) || c == '\u{00AC}' || by_step(c),
        Rule::Controls => invisible(c),
        Rule::Kashida => c == '\u{0640}',
        Rule::Diacritics => {
            matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
        }
        // A presentation form of marks alone (`ﳲ`, SHADDA WITH DAMMA MEDIAL FORM) goes with them.
        Rule::PresentationForms => matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}'),
        _ => false,
    }
}

/// Every ZWNJ of `out` stands between two characters, neither whitespace, after a letter
/// that joins.
fn zwnjs_join_letters(out: &str) -> Result<(), TestCaseError> {
    let chars: Vec<char> = out.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        if c == '\u{200C}' {
            prop_assert!(k > 0 && k + 1 < chars.len(), "ZWNJ at an edge: {:?}", out);
            let (before, after) = (chars[k - 1], chars[k + 1]);
            prop_assert!(
                !before.is_whitespace() && !after.is_whitespace(),
                "{:?}",
                out
            );
            prop_assert!(
                !"اآأإدذرزژوؤۀةء".contains(before),
                "ZWNJ after a non-joiner: {:?}",
                out
            );
        }
    }
    Ok(())
}

/// `s` without its spaces and ZWNJs: what restoration may not change.
fn without_gaps(s: &str) -> String {
    s.chars().filter(|&c| c != ' ' && c != '\u{200C}').collect()
}

fn invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn idempotent(text in any_text()) {
        let once = normalize(&text).into_owned();
        let twice = normalize(&once);
        prop_assert_eq!(&*twice, &*once);
        prop_assert!(matches!(twice, Cow::Borrowed(_)));
    }

    #[test]
    fn borrowed_exactly_when_unchanged(text in any_text()) {
        let out = normalize(&text);
        prop_assert_eq!(matches!(out, Cow::Borrowed(_)), *out == *text);
    }

    #[test]
    fn lines_are_kept(text in any_text()) {
        let out = normalize(&text);
        prop_assert_eq!(out.matches('\n').count(), text.matches('\n').count());
    }

    #[test]
    fn offsets_and_edits_agree_with_output(text in any_text()) {
        let n = normalize_with_offsets(&text);
        prop_assert_eq!(n.as_str(), &*normalize(&text));
        // Applying the edits to the input rebuilds the output.
        let mut rebuilt = String::new();
        let mut at = 0;
        for e in n.edits() {
            prop_assert!(e.range.start >= at && e.range.end <= text.len());
            rebuilt.push_str(&text[at..e.range.start]);
            rebuilt.push_str(e.replacement);
            at = e.range.end;
        }
        rebuilt.push_str(&text[at..]);
        prop_assert_eq!(&rebuilt, n.as_str());
        // Nothing visible is lost except what a rule removes.
        for e in n.edits() {
            if e.replacement.is_empty() || e.replacement == " " || e.replacement == "\u{200C}" {
                for c in text[e.range.clone()].chars() {
                    prop_assert!(deletable(c, e.rule), "{:?} deleted {:?}", e.rule, c);
                }
            }
        }
    }

    #[test]
    fn original_range_is_valid_and_monotonic(text in any_text(), cuts in proptest::collection::vec(0usize..400, 1..8)) {
        let n = normalize_with_offsets(&text);
        let out = n.as_str();
        let mut points: Vec<usize> = cuts.into_iter().map(|c| c % (out.len() + 1)).filter(|&c| out.is_char_boundary(c)).collect();
        points.push(0);
        points.push(out.len());
        points.sort_unstable();
        let mut last = 0;
        for w in points.windows(2) {
            let r = n.original_range(w[0]..w[1]);
            prop_assert!(r.start <= r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            prop_assert!(r.start >= last, "not monotonic");
            last = r.start;
        }
        prop_assert_eq!(n.original_range(0..out.len()).end <= text.len(), true);
    }

    #[test]
    fn no_zwnj_where_it_joins_nothing(text in any_text()) {
        zwnjs_join_letters(&normalize(&text))?;
    }

    #[test]
    fn letters_only_matches_the_oracle(text in "[\u{0621}-\u{063A}\u{0641}-\u{064A}\u{06A9}\u{06CC} ]{0,30}") {
        let n = Normalizer::builder()
            .digits(persian_text::DigitPolicy::Keep)
            .diacritics(persian_text::Diacritics::Keep)
            .controls(false).kashida(false).zwnj(false).protect(false).whitespace(false)
            .punctuation_spacing(false).punctuation(false).digit_spacing(false)
            .letters(Letters::Persian)
            .spacing(persian_text::Spacing::Off)
            .build();
        let oracle = text.replace(['\u{064A}', '\u{0649}'], "\u{06CC}").replace('\u{0643}', "\u{06A9}");
        prop_assert_eq!(&*n.normalize(&text), &*oracle);
    }

    #[test]
    fn digit_conversions_round_trip(text in any_text()) {
        let latin = convert_digits(&text, Digits::Latin);
        for to in [Digits::Persian, Digits::ArabicIndic] {
            let there = convert_digits(&latin, to);
            prop_assert_eq!(&*convert_digits(&there, Digits::Latin), &*latin);
        }
        let seps = DigitConverter::new(Digits::Persian).separators(true);
        let back = DigitConverter::new(Digits::Latin).separators(true);
        let ascii: String = text.chars().filter(|c| c.is_ascii_digit() || *c == ' ').collect();
        let persian = seps.convert(&ascii);
        prop_assert_eq!(&*back.convert(&persian), &*ascii);
        // The Persian-context scope never panics and converts a subset.
        let scoped = DigitConverter::new(Digits::Persian).scope(Scope::PersianContext).convert(&text);
        prop_assert_eq!(scoped.chars().count(), text.chars().count());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Restoration changes only spaces and ZWNJs: without them, the text is the same as
    /// with restoration off.
    #[test]
    fn restoration_moves_only_gaps(text in any_text()) {
        let off = Normalizer::builder().spacing(persian_text::Spacing::Off).build();
        prop_assert_eq!(without_gaps(&normalize(&text)), without_gaps(&off.normalize(&text)));
    }
}

/// Text full of the words of [`USER_WORDS`], in every spelling.
fn with_user_words() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("خوش نویس"),
        Just("خوشنویس"),
        Just("خوش\u{200C}نویس"),
        Just("عبدالله بن زبیر"),
        Just("عبداللهبنزبیر"),
        Just("میراث فرهنگی"),
        Just("تنها"),
        Just("کتاب ها"),
        Just("سه"),
        Just("بن"),
    ];
    let piece = prop_oneof![3 => word.prop_map(String::from), 1 => persianish()];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// A normalizer with a user list is idempotent too, and changes only gaps.
    #[test]
    fn user_words_idempotent(text in with_user_words()) {
        let n = Normalizer::builder().half_space_words(&USER_WORDS).build();
        let once = n.normalize(&text).into_owned();
        let twice = n.normalize(&once);
        prop_assert_eq!(&*twice, &*once);
        prop_assert_eq!(without_gaps(&once), without_gaps(&normalize(&text)));
    }
}

/// Real words that half-space restoration acts on (verbal prefixes, suffixes, compounds from
/// the lexicon and the treebank, words it must leave), in their spaced, fused and half-spaced
/// spellings, run together with spaces, ZWNJs or nothing between them.
fn restoration_words() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("می شود"),
        Just("میشود"),
        Just("کتاب ها"),
        Just("هیاتهای"),
        Just("رسانه ای"),
        Just("رسانهای"),
        Just("سه شنبه"),
        Just("سهشنبه"),
        Just("نخست وزیر"),
        Just("سرمایه گذاری های"),
        Just("سرمایهگذاریهای"),
        Just("حشرهکشها"),
        Just("درآمدهای"),
        Just("آنها"),
        Just("آن ها"),
        Just("میراث فرهنگی"),
        Just("بی بی سی"),
        Just("ماه می سال"),
        Just("تنها"),
        Just("ای"),
        Just("ها"),
        Just("شده"),
        Just("بهعنوان"),
        Just("خاطرهای"),
        Just("خاطرهای که"),
    ];
    let gap = prop_oneof![3 => Just(" "), 1 => Just(""), 1 => Just("\u{200C}"), 1 => Just("\n")];
    proptest::collection::vec((word, gap), 0..12)
        .prop_map(|v| v.into_iter().flat_map(|(w, g)| [w, g]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// On text made of the words restoration acts on: idempotent, no ZWNJ at a word edge or
    /// after a letter that does not join, and only gaps change.
    #[test]
    fn restoration_on_real_words(text in restoration_words()) {
        let once = normalize(&text).into_owned();
        let twice = normalize(&once);
        prop_assert_eq!(&*twice, &*once);
        zwnjs_join_letters(&once)?;
        let off = Normalizer::builder().spacing(persian_text::Spacing::Off).build();
        prop_assert_eq!(without_gaps(&once), without_gaps(&off.normalize(&text)));
        // With ZWNJ cleaning off, restoration neither doubles nor moves the writer's ZWNJs.
        let kept = Normalizer::builder().zwnj(false).build();
        let once = kept.normalize(&text).into_owned();
        prop_assert_eq!(&*kept.normalize(&once), &*once);
        prop_assert!(!once.contains("\u{200C}\u{200C}") || text.contains("\u{200C}\u{200C}"), "{:?}", once);
        let zwnjs = |s: &str| s.matches('\u{200C}').count();
        prop_assert!(zwnjs(&once) >= zwnjs(&text), "{:?}", once);
    }

    /// After a long text, where restoration answers repeated words from its memo, a line
    /// is normalized as it is on its own: the memo holds only what the words decide.
    #[test]
    fn restoration_after_a_long_text(text in restoration_words()) {
        let long = format!("{}\n", SEED.repeat(3));
        let together = normalize(&format!("{long}{text}{text}")).into_owned();
        let apart = format!("{}{}", normalize(&long), normalize(&format!("{text}{text}")));
        prop_assert_eq!(together, apart);
    }
}

const SEED: &str = include_str!("../data/seed-article.txt");
