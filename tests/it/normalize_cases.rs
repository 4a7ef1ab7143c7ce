//! Table-driven tests of every normalization step through the public API. Adding a case is
//! one line. Invisible characters are always escaped.

use std::borrow::Cow;

use persian_text::{
    Diacritics, DigitPolicy, Digits, HalfSpace, HalfSpaceWords, Letters, Normalizer, Rule,
    normalize, normalize_with_offsets,
};

fn check(cases: &[(&str, &str)]) {
    for &(input, want) in cases {
        assert_eq!(normalize(input), want, "input: {input:?}");
    }
}

fn check_with(n: &Normalizer, cases: &[(&str, &str)]) {
    for &(input, want) in cases {
        assert_eq!(n.normalize(input), want, "input: {input:?}");
    }
}

#[test]
fn controls() {
    check(&[
        ("سلام\u{200E}", "سلام"),               // LRM
        ("\u{202B}سلام\u{202C}", "سلام"),       // RLE ... PDF
        ("\u{2067}متن\u{2069}", "متن"),       // RLI ... PDI
        ("\u{FEFF}سلام", "سلام"),               // BOM
        ("کتاب\u{200D}", "کتاب"),             // ZWJ
        ("دو\u{200B}کلمه", "دوکلمه"),         // ZERO WIDTH SPACE
        ("word\u{2060}joiner", "wordjoiner"), // WORD JOINER
        ("سلام \u{200F} دنیا", "سلام دنیا"),    // RLM inside a space run
    ]);
}

#[test]
fn half_space_marks_become_zwnj() {
    check(&[
        ("می\u{00AD}شود", "می\u{200C}شود"), // SOFT HYPHEN typed as half-space
        ("می\u{200F}شود", "می\u{200C}شود"), // RLM typed as half-space
        ("برنامه\u{200E}های", "برنامه\u{200C}های"), // LRM typed as half-space
        ("abc\u{200E}", "abc"),             // an LRM elsewhere is removed
        ("می\u{00AC}شود", "می\u{200C}شود"), // NOT SIGN (Word's half-space)
        ("کتاب\u{00AC}ها", "کتاب\u{200C}ها"),
        ("در\u{00AC}باره", "درباره"), // after a non-joiner it joins nothing
        ("a\u{00AC}b", "a\u{00AC}b"), // a real NOT SIGN in Latin text
        ("\u{00AC}p", "\u{00AC}p"),
        ("soft\u{00AD}hyphen", "softhyphen"), // not between Persian letters: removed
    ]);
}

#[test]
fn zwnj_cleaning() {
    check(&[
        ("می\u{200C}شود", "می\u{200C}شود"),         // right: kept
        ("می\u{200C}\u{200C}شود", "می\u{200C}شود"), // runs collapse
        ("کتاب\u{200C} و", "کتاب و"),               // next to a space
        ("کتاب \u{200C}و", "کتاب و"),
        // ... where it joined a suffix, the space goes too: one word (a second pass would
        // join it anyway).
        ("کتاب\u{200C} ها", "کتاب\u{200C}ها"),
        ("کتاب \u{200C}ها", "کتاب\u{200C}ها"),
        ("\u{200C}کتاب", "کتاب"), // at a word edge
        ("کتاب\u{200C}", "کتاب"),
        ("کتاب\u{200C}.", "کتاب."),           // before punctuation
        ("خانه\u{200C}ها", "خانه\u{200C}ها"), // ه joins forward
        ("کشور\u{200C}ها", "کشورها"),         // after ر: joins nothing
        ("ضد\u{200C}انقلاب", "ضدانقلاب"),       // after د
        ("با\u{200C}ارزش", "باارزش"),         // after ا
        ("ژ\u{200C}ها", "ژها"),
        ("ATM\u{200C}ها", "ATMها"), // beside a non-Arabic letter
        ("۱۲\u{200C}ها", "۱۲ ها"),  // beside a digit (then digit spacing)
    ]);
}

#[test]
fn letters() {
    check(&[
        ("علي", "علی"),
        ("كتاب", "کتاب"),
        ("مصطفى", "مصطفی"),      // ALEF MAKSURA
        ("\u{06C1}", "ه"),       // HEH GOAL
        ("\u{06D5}", "ه"),       // AE
        ("\u{0671}لله", "الله"), // ALEF WASLA
        ("خانۀ ما", "خانۀ ما"),  // kept by default
        ("مسئله، مؤسسه، رأی، جزء، ة", "مسئله، مؤسسه، رأی، جزء، ة"),
        ("\u{FEFB}", "لا"),          // LAM-ALEF ligature
        ("\u{FDF2}", "الله"),       // ALLAH ligature
        ("\u{FE8E}\u{FEAE}", "ار"), // final forms
        ("\u{FEF2}", "ی"),          // YEH FINAL FORM -> ي -> ی
    ]);
    let fold = Normalizer::builder().letters(Letters::Fold).build();
    check_with(&fold, &[("خانۀ مسئله أمر مؤمن", "خانه مسیله امر مومن")]);
    let keep = Normalizer::builder().letters(Letters::Keep).build();
    check_with(&keep, &[("علي كتاب", "علي كتاب")]);
}

#[test]
fn digits() {
    check(&[
        ("٤٥٦", "۴۵۶"),           // Arabic-Indic -> Persian
        ("سال 1402", "سال 1402"), // ASCII kept (hazm #220)
        ("سال ۱۴۰۲", "سال ۱۴۰۲"),
        ("١٢٫٥", "۱۲٫۵"),
    ]);
    let latin = Normalizer::builder()
        .digits(DigitPolicy::To(Digits::Latin))
        .build();
    check_with(&latin, &[("۱۴۰۲ و ٤", "1402 و 4")]);
    let persian = Normalizer::builder()
        .digits(DigitPolicy::To(Digits::Persian))
        .build();
    check_with(
        &persian,
        &[
            ("سال 1402", "سال ۱۴۰۲"),
            ("H2O و ATM74", "H2O و ATM74"), // identifiers keep ASCII digits
            ("a1@b.ir", "a1@b.ir"),
        ],
    );
    let keep = Normalizer::builder().digits(DigitPolicy::Keep).build();
    check_with(&keep, &[("٤", "٤")]);
}

#[test]
fn kashida_and_diacritics() {
    check(&[
        ("ســــلام", "سلام"),
        ("ایران ـ ترکیه", "ایران ـ ترکیه"), // a standalone kashida is a dash
        ("کِتابُ", "کتاب"),                   // kasra, damma
        ("مُحَمَّد", "محمد"),                   // damma, fatha, shadda
        ("اصلاً", "اصلاً"),                     // tanwin kept
        ("اصلاًً", "اصلاً"),                     // doubled tanwin collapsed
        ("رحمٰن", "رحمن"),                   // superscript alef
        ("خانهٔ", "خانهٔ"),                   // hamza above is part of the letter
        ("آب", "آب"),
    ]);
    let all = Normalizer::builder()
        .diacritics(Diacritics::RemoveAll)
        .build();
    check_with(&all, &[("اصلاً کِتاب", "اصلا کتاب"), ("خانهٔ", "خانهٔ")]);
    let keep = Normalizer::builder().diacritics(Diacritics::Keep).build();
    check_with(&keep, &[("کِتاب", "کِتاب"), ("اصلاًً", "اصلاًً")]);
}

#[test]
fn whitespace() {
    check(&[
        ("سلام  دنیا", "سلام دنیا"),
        ("سلام\u{00A0}دنیا", "سلام دنیا"), // NBSP
        ("سلام\u{2009}دنیا", "سلام دنیا"), // THIN SPACE
        ("سلام\tدنیا", "سلام دنیا"),
        ("  سلام  ", "سلام"),
        ("یک\n\nدو", "یک\n\nدو"), // line breaks kept
        ("یک  \n  دو", "یک\nدو"), // lines trimmed at both ends
        ("یک\r\nدو ", "یک\r\nدو"),
        ("   ", ""),
    ]);
}

#[test]
fn punctuation_spacing() {
    check(&[
        ("گفت : سلام", "گفت: سلام"),
        ("روسیه ، روابط", "روسیه، روابط"),
        ("است .", "است."),
        ("چرا ؟", "چرا؟"),
        ("عالی !", "عالی!"),
        ("سیزدهم،گسترش", "سیزدهم، گسترش"),
        ("گفت:سلام", "گفت: سلام"),
        ("است.وی", "است. وی"),
        ("چرا؟چون", "چرا؟ چون"),
        ("( سلام )", "(سلام)"),
        ("« سلام »", "«سلام»"),
        ("[ یک ]", "[یک]"),
        ("کتاب(جلد دوم)", "کتاب (جلد دوم)"),
        ("گفت«سلام»", "گفت «سلام»"),
        ("«سلام»گفت", "«سلام» گفت"),
        ("(۱۸ فروردین ماه ۱۴۰۲ )", "(۱۸ فروردین ماه ۱۴۰۲)"),
        ("گفت:«سلام»", "گفت: «سلام»"),
        ("چرا؟!", "چرا؟!"), // a run of marks stays together
        ("چرا؟؟؟", "چرا؟؟؟"),
        ("واقعا!!!", "واقعا!!!"),
        ("است.»", "است.»"),
        ("ج.ا.ا", "ج.ا.ا"), // abbreviation: no space after a one-letter word
        ("ق.م", "ق.م"),
        // The one-letter word is the one before the dot, whatever came before it: a space
        // ends a word on every path (after a mark, the slow one).
        ("خانهٔ م.ع", "خانهٔ م.ع"),
        ("اینجا ۱۲ ساله ف.ع", "اینجا ۱۲ ساله ف.ع"),
        ("شویم .همین", "شویم. همین"),
        ("*استاندار", "*استاندار"),
    ]);
}

#[test]
fn persian_punctuation() {
    check(&[
        ("سلام, دنیا", "سلام، دنیا"),
        ("سلام; دنیا", "سلام؛ دنیا"),
        ("چرا?", "چرا؟"),
        ("گفت \"سلام\" و رفت", "گفت «سلام» و رفت"),
        ("گفت “سلام” و رفت", "گفت «سلام» و رفت"),
        ("\"سلام\"", "«سلام»"),
        ("و...", "و…"),
        ("این ... آن", "این… آن"),
        ("۵۰%", "۵۰٪"),
        ("50%", "50%"),             // ASCII digits keep ASCII percent
        ("قد \"بلند", "قد \"بلند"), // no closing quote on the line
    ]);
}

#[test]
fn digit_spacing() {
    check(&[
        ("۹متر", "۹ متر"),
        ("3سال", "3 سال"),
        ("قرن ۲۰ام", "قرن ۲۰ام"), // ordinal suffixes stay joined
        ("۳م", "۳م"),
        ("۲۰امین", "۲۰امین"),
        ("۱۶ میلیون", "۱۶ میلیون"),
    ]);
}

/// Everything the punctuation rules would break is copied untouched.
#[test]
fn never_touched() {
    let same = [
        "https://x.ir/خبر?id=1, و",
        "سایت www.example.com.",
        "ایمیل a1@b.ir است",
        "دامنه example.co.uk است",
        "عدد ۳.۵ و 3.5 و ۳٫۵",
        "ساعت ۱۲:۳۰ و 12:30",
        "تاریخ ۱۴۰۲/۰۱/۱۸",
        "مبلغ 1,250,000 و ۱٬۲۵۰",
        "I don't know",
        "Hello, world!",
        "He said \"yes\", then left.",
        "Hello , world ?", // Latin spacing conventions are not ours
        "سلام @user_1 و #پیشرفت_علمی",
        "متن [پیوند](https://x.ir/a,b) و ![تصویر](a.png)",
        "خوب :) و :-D",
        "U.S.A و e.g.",
        ".NET و .5",
        "ATM74 و IBM-96 و H2O",
    ];
    for text in same {
        assert_eq!(normalize(text), text, "input: {text:?}");
    }
    // ... but punctuation right after them is still fixed.
    check(&[("سایت example.com ، خوب", "سایت example.com، خوب")]);
}

#[test]
fn clean_text_comes_back_borrowed() {
    let clean = [
        "",
        "سلام",
        "استاندار گیلان گفت: سیاست هوشمندانه دولت سیزدهم، گسترش روابط است.",
        "می\u{200C}شود و کتاب\u{200C}ها",
        "یک\nدو\n",
        "(۱۸ فروردین ماه ۱۴۰۲) در دیدار «سلام» گفت.",
        "Hello, world!",
    ];
    for text in clean {
        assert!(matches!(normalize(text), Cow::Borrowed(_)), "{text:?}");
        assert!(!normalize_with_offsets(text).is_changed(), "{text:?}");
    }
}

#[test]
fn every_switch_off_changes_nothing() {
    let off = Normalizer::builder()
        .letters(Letters::Keep)
        .digits(DigitPolicy::Keep)
        .diacritics(Diacritics::Keep)
        .controls(false)
        .kashida(false)
        .zwnj(false)
        .protect(false)
        .whitespace(false)
        .punctuation_spacing(false)
        .punctuation(false)
        .digit_spacing(false)
        .build();
    for text in [
        "علي  كتاب ، ٤\u{200E}",
        "ســلام\u{200C} \u{200C}کِتاب \"x\" ...",
        "  a  ",
    ] {
        assert!(matches!(off.normalize(text), Cow::Borrowed(_)), "{text:?}");
    }
}

#[test]
fn edit_log_names_the_rule() {
    let cases: [(&str, Rule); 12] = [
        ("\u{200E}", Rule::Controls),
        ("می\u{00AD}شود", Rule::HalfSpaceMark),
        ("کتاب\u{200C} و", Rule::Zwnj),
        ("ي", Rule::Letters),
        ("\u{FEFB}", Rule::PresentationForms),
        ("٤", Rule::Digits),
        ("ســلام", Rule::Kashida),
        ("کِتاب", Rule::Diacritics),
        ("a  b", Rule::Whitespace),
        ("گفت :", Rule::PunctuationSpacing),
        ("۹متر", Rule::DigitSpacing),
        ("سلام, دنیا", Rule::Punctuation),
    ];
    for (input, rule) in cases {
        let n = normalize_with_offsets(input);
        let rules: Vec<Rule> = n.edits().map(|e| e.rule).collect();
        assert_eq!(rules, [rule], "input: {input:?}");
    }
}

#[test]
fn offsets_map_tokens_back() {
    let raw = "  كتاب  ، علي\u{200E}  ";
    let n = normalize_with_offsets(raw);
    assert_eq!(n.as_str(), "کتاب، علی");
    let out = n.as_str();
    let words: Vec<&str> = out.split([' ', '،']).filter(|w| !w.is_empty()).collect();
    let mapped: Vec<&str> = words
        .iter()
        .map(|w| {
            let start = w.as_ptr() as usize - out.as_ptr() as usize;
            &raw[n.original_range(start..start + w.len())]
        })
        .collect();
    assert_eq!(mapped, ["كتاب", "علي"]);
}

#[test]
fn half_space_restoration() {
    check(&[
        // Fused, as in scraped news.
        ("میشود", "می\u{200C}شود"),
        ("نمیتوانند", "نمی\u{200C}توانند"),
        ("هیاتهای تجاری", "هیات\u{200C}های تجاری"),
        ("رسانهای", "رسانه\u{200C}ای"),
        ("فعالتر", "فعال\u{200C}تر"),
        ("بهعنوان", "به\u{200C}عنوان"),
        // The plural's ezafe needs a word after it: before که, or at the end, the indefinite.
        ("خاطرهای که نوشت", "خاطره\u{200C}ای که نوشت"),
        ("خاطرهاي كه نوشت", "خاطره\u{200C}ای که نوشت"),
        ("یک خاطرهای.", "یک خاطره\u{200C}ای."),
        ("سالهای گذشته", "سال\u{200C}های گذشته"),
        // A bound second part fused to a noun (not a listed word's plural).
        ("قبیلهگرایی", "قبیله\u{200C}گرایی"),
        ("بازیکنان", "بازیکنان"),
        // Spaced, where a ZWNJ became a space.
        ("می شود", "می\u{200C}شود"),
        ("برچسب ها", "برچسب\u{200C}ها"),
        ("سرمایه گذاران", "سرمایه\u{200C}گذاران"),
        ("بین المللی", "بین\u{200C}المللی"),
        ("تعیین کننده", "تعیین\u{200C}کننده"),
        ("همه جانبه", "همه\u{200C}جانبه"),
        ("رسانه ای", "رسانه\u{200C}ای"),
        ("کرده اند", "کرده\u{200C}اند"),
        ("برمی دارد", "برمی\u{200C}دارد"),
        ("بی کاران", "بی\u{200C}کاران"),
        ("اضطراب زدایی", "اضطراب\u{200C}زدایی"),
        ("اصول گرایان", "اصول\u{200C}گرایان"),
        ("سال هاست", "سال\u{200C}هاست"),
        ("کشور ها", "کشورها"), // ر does not join: the parts meet
        ("بیش تر", "بیشتر"),   // Academy exception, written joined
        // Already right: unchanged.
        (
            "می\u{200C}شود و کتاب\u{200C}ها",
            "می\u{200C}شود و کتاب\u{200C}ها",
        ),
    ]);
}

/// Two words that are two words stay two words; weak evidence leaves the text as written.
#[test]
fn half_space_ambiguities() {
    let same = [
        "ماه می سال",         // the month May
        "بی بی سی",           // BBC
        "ای خدا",             // vocative ای
        "تنها",               // alone, not تن‌ها
        "محمد علی",           // a name
        "میز و میدان و میان", // words that start with می
        "بیشتر و بهتر",       // joined comparatives
        "به خصوص",            // the preposition به with a space is accepted
        "فروردین ماه",        // both spellings accepted
        "ایجاد شده",          // a verb phrase
        "بشمار",              // a spelling question, not a lost ZWNJ
        "کشورها",
    ];
    for text in same {
        assert_eq!(normalize(text), text, "input: {text:?}");
    }
}

/// A listed compound typed apart joins where the line types a suffix or the verbal prefix
/// apart too (its ZWNJs became spaces), and stays where the line's ZWNJs were deleted.
#[test]
fn spaced_compounds_follow_the_line() {
    assert_eq!(
        normalize("این کتاب ها سرنوشت ساز بود"),
        "این کتاب\u{200C}ها سرنوشت\u{200C}ساز بود"
    );
    assert_eq!(
        normalize("این کتابها سرنوشت ساز بود"),
        "این کتاب\u{200C}ها سرنوشت ساز بود"
    );
}

#[test]
fn restoration_can_be_switched() {
    use persian_text::Spacing;
    let off = Normalizer::builder().spacing(Spacing::Off).build();
    let conservative = Normalizer::builder().spacing(Spacing::Conservative).build();
    assert_eq!(off.normalize("میشود رسانهای"), "میشود رسانهای");
    assert_eq!(
        conservative.normalize("میشود رسانهای"),
        "می\u{200C}شود رسانهای"
    );
    // A line that already uses ZWNJs keeps its fused words (its ZWNJs were not lost) ...
    assert_eq!(
        normalize("کتاب\u{200C}ها و سالها"),
        "کتاب\u{200C}ها و سالها"
    );
    // ... but a space inside a word is still fixed.
    assert_eq!(
        normalize("کتاب\u{200C}ها و سال ها"),
        "کتاب\u{200C}ها و سال\u{200C}ها"
    );
    // A compound written with a space is the writer's style there, not a lost ZWNJ: it is
    // joined only on a line without ZWNJs.
    assert_eq!(normalize("خصوصی سازی"), "خصوصی\u{200C}سازی");
    assert_eq!(normalize("روز سه شنبه"), "روز سه\u{200C}شنبه");
    assert_eq!(
        normalize("می\u{200C}شود خصوصی سازی روز سه شنبه کتاب ها"),
        "می\u{200C}شود خصوصی سازی روز سه شنبه کتاب\u{200C}ها"
    );
}

/// A user list with spellings to restore and words to keep (also used by the properties).
pub(crate) static USER_WORDS: std::sync::LazyLock<HalfSpaceWords> =
    std::sync::LazyLock::new(|| {
        HalfSpaceWords::new()
            .spelling("شیرین\u{200C}زبان")
            .and_then(|w| w.spelling("عبدالله\u{200C}بن\u{200C}زبیر"))
            .and_then(|w| w.keep("میراث فرهنگی"))
            .and_then(|w| w.keep("تنها"))
            .expect("valid entries")
    });

#[test]
fn user_half_space_words() {
    let n = Normalizer::builder().half_space_words(&USER_WORDS).build();
    check_with(
        &n,
        &[
            // Added spellings: spaced, fused, with Arabic letter forms.
            ("روز شیرین زبان", "روز شیرین\u{200C}زبان"),
            ("روز شیرینزبان", "روز شیرین\u{200C}زبان"),
            ("عبدالله بن زبیر گفت", "عبدالله\u{200C}بن\u{200C}زبیر گفت"),
            // Kept: two words stay two, a word stays whole.
            ("سازمان میراث فرهنگی", "سازمان میراث فرهنگی"),
            ("تنها", "تنها"),
            // The rest as before.
            ("برچسب ها", "برچسب\u{200C}ها"),
            ("سه کتاب", "سه کتاب"),
        ],
    );
    for out in [
        "روز شیرین\u{200C}زبان",
        "عبدالله\u{200C}بن\u{200C}زبیر گفت",
        "سازمان میراث فرهنگی",
    ] {
        assert_eq!(n.normalize(out), out, "idempotent");
    }
    // A ZWNJ after a protected span that ends in a presentation form stays (the span's last
    // letter joins), so the line counts as half-spaced on both passes (found by the property
    // test `user_words_idempotent`).
    let text = "عبداللهبنزبیر #تگ_خوبﯶ\u{200C}یگ";
    let once = n.normalize(text).into_owned();
    assert_eq!(once, text);
    assert_eq!(n.normalize(&once), once.as_str(), "idempotent");
    let out = n.normalize_with_offsets("روز شیرین زبان");
    let edit = out.edits().next().expect("one edit");
    assert_eq!(edit.rule, Rule::HalfSpace(HalfSpace::User));
    assert_eq!(edit.evidence, Some("شیرین\u{200C}زبان"));
    // Without the list, the default normalizer keeps its own decisions.
    assert_eq!(normalize("روز شیرین زبان"), "روز شیرین زبان");
    assert_ne!(n, Normalizer::new());
}

#[test]
fn a_stray_zwnj_does_not_stop_restoration() {
    // Only ZWNJs that stay mark a line whose fused words were meant: a stray one goes, and a
    // second pass must not split what the first left alone.
    for (input, want) in [
        ("هیاتهای \u{200C}", "هیات\u{200C}های"),
        ("هیاتهای \u{200C} تجاری", "هیات\u{200C}های تجاری"),
        ("کتاب\u{200C}ها و هیاتهای", "کتاب\u{200C}ها و هیاتهای"), // a kept ZWNJ: left alone
    ] {
        let once = normalize(input);
        assert_eq!(once, want, "input: {input:?}");
        assert_eq!(normalize(&once), once, "idempotent: {input:?}");
    }
}

#[test]
fn restoration_reads_presentation_forms_as_letters() {
    // The letters step writes presentation forms as letters; restoration decides on those
    // letters, so that a second pass has nothing left to do.
    for (input, want) in [
        ("ﻛﺘﺎﺏ ﻫﺎ", "کتاب\u{200C}ها"),
        ("کتابﻫﺎ", "کتاب\u{200C}ها"),
        ("بزرگ ﱰ", "بزرگ\u{200C}تر"), // a ligature of two letters
        ("بزرگﱰ", "بزرگ\u{200C}تر"),
    ] {
        let once = normalize(input);
        assert_eq!(once, want, "input: {input:?}");
        assert_eq!(normalize(&once), once, "idempotent: {input:?}");
    }
}

/// Inputs where a second pass once changed the first pass's output (found by the property
/// tests): spaces between dots, a link glued to a hashtag, a ligature with a mark, a ZWNJ
/// typed as `¬`, stray ZWNJs and invisible characters beside spaces, long runs of suffixes,
/// an emoticon before a ligature of letters.
#[test]
fn second_pass_changes_nothing() {
    let cases = [
        "ژ.\t..",
        "سلام . . . خوب",
        "ی...ـ...",
        "https://x.ir/a?b=1\u{200C}!...\u{64B} ...\u{FE80}",
        "https://x.ir/a?b=1.\u{200C}#تگ_خوب\u{200C}ػ",
        "\u{FC90}کیک",
        "چ¬پ.گ",
        "کتاب ها ها ها ها ",
        "می شود ها\u{200C}",
        "آن ها\u{200C}تنها ",
        "خوش نویس \u{200B}\u{FC70}\u{64B}",
        "کتاب \u{200B}ها",
        "ی. ..A",
        "ی\u{FC3D}\u{FED9}ـ",
        "سلام :)\u{FDFC}",
        "۰\u{FEE1}¬ژ",
        // A span that a deleted ZWNJ glues to what follows is no span on the second pass:
        // the rules after it read its letters either way.
        "a1@b.ir\u{200C}0۰%.ی",
        "a1@b.ir\u{200C}0٠!.ۀ",
        // A domain that a deleted mark glues to a letter (`b.ir` + mark + `A`) is no domain.
        "ژ«0...a1@b.ir\u{670}A",
        // A presentation form of a letter and a mark reads as its letter (ﴼ is ا + tanwin),
        // a form of a mark alone as the mark (ﹰ).
        "“ی \u{FD3C}“\u{670}",
        "ۀ¬\u{FE70}چ",
        // Whether a line types a suffix apart is read as the first pass writes the line: a
        // plural that joins without a ZWNJ, or one typed with a no-break space, a kashida, a
        // vowel mark, Arabic or presentation forms, reads the same on both passes.
        "کشور ها را ثبتنام کرد",
        "کتاب\u{A0}ها را ثبتنام کرد",
        "کتاب هـا را ثبتنام کرد",
        "کتاب هَا سرنوشت ساز بود",
        "مي شود سرنوشت ساز بود",
        "\u{FEDB}\u{FE98}\u{FE8E}\u{FE8F} \u{FEEB}\u{FE8E} سرنوشت ساز بود",
        // A vowel mark the diacritics step removes does not keep a word from the one before.
        "کتاب \u{64E}ها",
        "گژ\u{2009}\u{64E}کیا\u{670}",
        // A quotation does not close across a guillemet the first pass writes.
        "\"ۀ \"ء\"... چ“؟",
        // A ZWNJ before a digit is no part of the word before it.
        "یکیک\u{200C}٠",
    ];
    let user = Normalizer::builder().half_space_words(&USER_WORDS).build();
    for text in cases.into_iter().chain(["A[ خوش\u{200C}نویس خوشنویس"]) {
        let once = normalize(text).into_owned();
        assert_eq!(normalize(&once), once.as_str(), "input: {text:?}");
        let once = user.normalize(text).into_owned();
        assert_eq!(
            user.normalize(&once),
            once.as_str(),
            "with a user list: {text:?}"
        );
    }
    // A ZWNJ restoration puts inside a ligature goes among its letters (`ﰽ` is `کی`).
    assert_eq!(normalize("ی\u{FC3D}\u{FED9}"), "یک\u{200C}یک");
    assert_eq!(normalize("سلام . . . خوب"), "سلام. . . خوب");
    assert_eq!(normalize("ژ.\t.."), "ژ. ..");
    assert_eq!(normalize("کتاب \u{200B}ها"), "کتاب\u{200C}ها");
}
