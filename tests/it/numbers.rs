//! Numbers: golden output on the seed article and round-trip properties.

use persian_text::{
    Date, Digits, add_commas, add_ordinal, convert_digits, dates, normalize, number_to_words,
    numbers, remove_commas, remove_ordinal, words_to_number,
};
use proptest::prelude::*;

use crate::golden::check_golden;

const SEED: &str = include_str!("../data/seed-article.txt");

#[test]
fn seed_article_numbers_golden() {
    let mut out = String::new();
    for n in numbers(SEED) {
        out.push_str(&format!(
            "{}\t{}\t{:?}\t{}\n",
            n.start, n.text, n.kind, n.value
        ));
    }
    for d in dates(SEED) {
        let g = d.date.to_gregorian().expect("a valid date");
        out.push_str(&format!(
            "{}\t{}\tdate\t{:?} = {:?}\n",
            d.start, d.text, d.date, g
        ));
    }
    check_golden("numbers.tsv", &out);
}

/// The peers' reported bugs, each as a case here.
#[test]
fn bugs_reported_against_peers() {
    // persian-tools #436: `چهار صد` read as 104, and 400 not round-tripping.
    assert_eq!(words_to_number("چهار صد").unwrap().to_string(), "400");
    assert_eq!(
        words_to_number(&number_to_words(400)).unwrap().as_i64(),
        Some(400)
    );
    // persian-tools #365: a stack overflow on 1000.
    assert_eq!(number_to_words(1000), "هزار");
    // persian-tools #70: zero converted to nothing.
    assert_eq!(convert_digits("0", Digits::Persian), "۰");
    assert_eq!(number_to_words(0), "صفر");
    // Parsivar #8: number words mangled by normalization. They come back as written.
    for words in [
        "سه هزار و دویست و بیست و پنج",
        "سی\u{200C}ام",
        "چهارصد",
        "بیست و یکمین",
    ] {
        assert_eq!(normalize(words), words);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn words_round_trip_over_the_whole_range(n in any::<i64>()) {
        let words = number_to_words(n);
        prop_assert_eq!(words_to_number(&words).unwrap().as_i64(), Some(n), "{}", words);
    }

    #[test]
    fn ordinals_round_trip(n in 1i64..1_000_000_000) {
        let cardinal = number_to_words(n);
        let ordinal = add_ordinal(&cardinal).unwrap();
        prop_assert_eq!(remove_ordinal(&ordinal).unwrap(), cardinal);
    }

    #[test]
    fn separators_round_trip(n in any::<u64>(), persian in any::<bool>()) {
        let digits = n.to_string();
        let digits = if persian { persian_text::convert_digits(&digits, persian_text::Digits::Persian).into_owned() } else { digits };
        let with = add_commas(&digits);
        prop_assert_eq!(&*remove_commas(&with), &*digits);
    }

    #[test]
    fn calendars_round_trip(days in 0i64..(600 * 366)) {
        // Any day from 1700 to 2300.
        let mut g = Date::new(1700, 1, 1);
        let mut left = days;
        while left > 0 {
            let step = left.min(28);
            left -= step;
            for _ in 0..step {
                g = next_day(g);
            }
        }
        let j = g.to_jalali().expect("in range");
        prop_assert_eq!(j.to_gregorian(), Some(g));
    }

    #[test]
    fn never_panics(text in any::<String>()) {
        let _ = words_to_number(&text);
        let _ = add_ordinal(&text);
        let _ = remove_ordinal(&text);
        let _ = persian_text::decimal_to_words(&text);
        for n in numbers(&text) {
            prop_assert_eq!(&text[n.start..n.start + n.text.len()], n.text);
        }
        for d in dates(&text) {
            prop_assert_eq!(&text[d.start..d.start + d.text.len()], d.text);
        }
        let _ = add_commas(&text);
        let _ = remove_commas(&text);
    }
}

fn next_day(d: Date) -> Date {
    let leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    let len = match d.month {
        4 | 6 | 9 | 11 => 30,
        2 => 28 + u32::from(leap),
        _ => 31,
    };
    match (d.day < len, d.month < 12) {
        (true, _) => Date::new(d.year, d.month, d.day + 1),
        (false, true) => Date::new(d.year, d.month + 1, 1),
        (false, false) => Date::new(d.year + 1, 1, 1),
    }
}
