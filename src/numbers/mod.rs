//! Numbers beyond digits: numbers written in words and back, ordinals, thousands
//! separators, numbers and dates found in running text.
//!
//! ```
//! use persian_text::{numbers, NumberKind};
//!
//! let found: Vec<(&str, NumberKind, String)> = numbers("حجم گردش کالا ۱۶ میلیون تن و بیست و پنج درصد است")
//!     .map(|n| (n.text, n.kind, n.value.to_string()))
//!     .collect();
//! assert_eq!(found, [
//!     ("۱۶ میلیون", NumberKind::Mixed, "16000000".to_owned()),
//!     ("بیست و پنج درصد", NumberKind::Percent, "25".to_owned()),
//! ]);
//! ```

mod dates;
mod ordinals;
mod scan;
mod separators;
mod words;

pub use dates::{Calendar, Date, FoundDate, dates};
pub use ordinals::{add_ordinal, remove_ordinal};
pub use separators::{add_commas, remove_commas};
pub use words::{Error, Number, decimal_to_words, number_to_words, words_to_number};

use crate::normalize::engine::is_plain_letter;
use crate::{Token, TokenKind, tokens};
use scan::next_candidate;

/// What kind of number [`numbers`] found.
///
/// # Examples
///
/// ```
/// use persian_text::{numbers, NumberKind};
///
/// let kinds: Vec<NumberKind> = numbers("۱۴۰۲ و سه و ۵٪").map(|n| n.kind).collect();
/// assert_eq!(kinds, [NumberKind::Digits, NumberKind::Words, NumberKind::Percent]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberKind {
    /// Digits in any script, with separators: `۱۴۰۲`, `1,250,000`, `۳٫۵`.
    Digits,
    /// A number in words: `بیست و پنج`, `سه هزار و دویست`.
    Words,
    /// Digits and words: `۱۶ میلیون`, `۲.۵ میلیارد`.
    Mixed,
    /// A percentage: `۵٪`, `25%`, `بیست و پنج درصد`.
    Percent,
}

/// A number found in text.
///
/// # Examples
///
/// ```
/// let n = persian_text::numbers("قیمت ۱٬۲۵۰ تومان").next().unwrap();
/// assert_eq!((n.text, n.start, n.value.as_i64()), ("۱٬۲۵۰", 9, Some(1250)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FoundNumber<'a> {
    /// The number as written (with its percent sign or `درصد`), a slice of the input.
    pub text: &'a str,
    /// Byte offset of `text` in the input.
    pub start: usize,
    /// What kind of number it is.
    pub kind: NumberKind,
    /// Its value (for a percentage, the number of percent).
    pub value: Number,
}

/// Is `word` a number word (`سه`, `بیست`, `هزار`, `نیم`, `دهم`) or an ordinal (`سوم`)? A
/// set lookup first; the full reader only for words ending like an ordinal.
fn is_number_word(word: &str) -> bool {
    if !words::may_be_number_word(word) {
        return false;
    }
    if words::NUMBER_WORDS.contains(word) {
        return true;
    }
    (word.ends_with('م')
        || word.ends_with("مین")
        || matches!(word, "اول" | "نخست" | "نخستین" | "اولین"))
        && words::cardinal_of(word).is_some()
}

/// Can the word `word` start a number phrase: a number word, an ordinal or `منفی`?
fn starts_number(word: &str) -> bool {
    is_number_word(word) || word == "منفی"
}

/// Finds the numbers in `text`: digits in any script with their separators, numbers in
/// words, both mixed, and percentages. Dates are numbers too here; see [`dates`] for them as
/// dates.
///
/// # Examples
///
/// ```
/// use persian_text::numbers;
///
/// let values: Vec<String> = numbers("سال ۱۴۰۲، سه هزار و دویست نفر و ۲.۵ میلیارد ریال")
///     .map(|n| n.value.to_string())
///     .collect();
/// assert_eq!(values, ["1402", "3200", "2500000000"]);
/// ```
pub fn numbers(text: &str) -> impl Iterator<Item = FoundNumber<'_>> + '_ {
    Numbers {
        text,
        at: 0,
        local: Vec::new(),
        found: std::collections::VecDeque::new(),
    }
}

/// The lazy iterator behind [`numbers`]: it reads the text one candidate at a time.
struct Numbers<'a> {
    text: &'a str,
    /// Where the scan goes on.
    at: usize,
    /// The tokens of the current candidate's phrase (a buffer kept between candidates).
    local: Vec<Token<'a>>,
    /// Numbers read but not yet returned.
    found: std::collections::VecDeque<FoundNumber<'a>>,
}

impl<'a> Iterator for Numbers<'a> {
    type Item = FoundNumber<'a>;

    fn next(&mut self) -> Option<FoundNumber<'a>> {
        // Most words are no number: a byte-level scan finds the words that may start one (a
        // digit, a number word, `منفی`, an ordinal), and only the text from there is tokenized
        // and read.
        let text = self.text;
        let bytes = text.as_bytes();
        while self.found.is_empty() && self.at < bytes.len() {
            let Some(start) = next_candidate(text, self.at) else {
                self.at = bytes.len();
                break;
            };
            // The tokens from the candidate on, as long as a phrase can go on, and one more
            // for a percent sign.
            self.local.clear();
            for t in tokens(&text[start..]) {
                let t = Token {
                    start: start + t.start,
                    ..t
                };
                let go_on = self.local.is_empty()
                    || t.kind == TokenKind::Number
                    || t.text == "و"
                    || starts_number(t.text);
                self.local.push(t);
                if !go_on {
                    break;
                }
            }
            // `found` is empty here: what this candidate adds is all of it.
            read_phrases(text, &self.local, &mut self.found);
            let consumed = self.found.back().map_or(start, |n| n.start + n.text.len());
            // Go on after the phrase, or after the candidate word.
            let mut at = consumed.max(word_end(bytes, start)).max(start + 1);
            while !text.is_char_boundary(at) {
                at += 1;
            }
            self.at = at;
        }
        self.found.pop_front()
    }
}

/// The end of the word (space-separated) starting at byte `i`.
#[inline]
fn word_end(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| matches!(b, b' ' | b'\n' | b'\t' | b'\r'))
        .map_or(bytes.len(), |k| i + k)
}

/// `word` without the punctuation around it: ASCII, `« » ، ؛ ؟`, byte-level.
fn trim_punctuation(word: &str) -> &str {
    let bytes = word.as_bytes();
    if is_plain_letter(bytes, 0) && bytes.len() >= 2 && is_plain_letter(bytes, bytes.len() - 2) {
        return word; // letters at both ends: nothing to trim
    }
    let mut s = word.trim_start_matches(|c: char| c.is_ascii() || matches!(c, '«' | '»'));
    loop {
        let t =
            s.trim_end_matches(|c: char| c.is_ascii() || matches!(c, '«' | '»' | '،' | '؛' | '؟'));
        if t.len() == s.len() {
            return s;
        }
        s = t;
    }
}

/// Reads the number phrases in `toks` (a stretch of the text's tokens) into `out`.
fn read_phrases<'a>(text: &'a str, toks: &[Token<'a>], out: &mut impl Extend<FoundNumber<'a>>) {
    let mut k = 0;
    while k < toks.len() {
        let Some(end) = phrase_end(toks, k) else {
            k += 1;
            continue;
        };
        let (start, stop) = (toks[k].start, toks[end - 1].end());
        let phrase = &text[start..stop];
        // One number token or one word below a thousand, the common cases, are read directly.
        let value = if end == k + 1 && toks[k].kind == TokenKind::Number {
            words::parse_digits(phrase)
        } else if let Some(v) = (end == k + 1).then(|| words::word_value(phrase)).flatten() {
            Some(Number::new(v, 0))
        } else {
            words_to_number(phrase).ok()
        };
        let Some(value) = value else {
            k += 1;
            continue;
        };
        let has_digits = toks[k..end].iter().any(|t| t.kind == TokenKind::Number);
        let has_words = toks[k..end].iter().any(|t| t.kind == TokenKind::Word);
        let mut kind = match (has_digits, has_words) {
            (true, false) => NumberKind::Digits,
            (false, _) => NumberKind::Words,
            (true, true) => NumberKind::Mixed,
        };
        // A percent sign or `درصد` right after.
        let mut stop = stop;
        let mut next = end;
        if let Some(t) = toks.get(end)
            && (matches!(t.text, "%" | "\u{066A}") || t.text == "درصد")
        {
            kind = NumberKind::Percent;
            stop = t.end();
            next = end + 1;
        }
        out.extend([FoundNumber {
            text: &text[start..stop],
            start,
            kind,
            value,
        }]);
        k = next;
    }
}

/// The end (token index) of the number phrase starting at token `k`, if one starts there.
fn phrase_end(toks: &[Token<'_>], k: usize) -> Option<usize> {
    let numeric = |t: &Token<'_>| {
        t.kind == TokenKind::Number || (t.kind == TokenKind::Word && is_number_word(t.text))
    };
    let first = toks.get(k)?;
    let negative = first.text == "منفی" && toks.get(k + 1).is_some_and(numeric);
    if !(numeric(first) || negative) || first.text == "و" {
        return None;
    }
    let mut end = k + 1;
    while let Some(t) = toks.get(end) {
        if numeric(t) && t.text != "و" {
            end += 1;
        } else if t.text == "و"
            && toks[end - 1].kind == TokenKind::Word
            && toks
                .get(end + 1)
                .is_some_and(|n| numeric(n) && n.kind == TokenKind::Word)
        {
            end += 2; // `بیست و پنج`, but not `۱۴۰۲ و سه`
        } else {
            break;
        }
    }
    // `نه` alone is mostly "no", `یک` alone before a noun is often "a": keep them only in a
    // longer phrase; `منفی` alone is no number.
    let single = end == k + 1;
    if single && matches!(first.text, "نه" | "منفی") {
        return None;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious version: tokenize everything, read every phrase.
    fn reference(text: &str) -> Vec<FoundNumber<'_>> {
        let toks: Vec<Token<'_>> = tokens(text).collect();
        let mut out = Vec::new();
        read_phrases(text, &toks, &mut out);
        out
    }

    #[test]
    fn fast_scan_agrees_with_the_reference() {
        let corpora = [
            include_str!("../../tests/data/seed-article.txt"),
            include_str!("../../benches/data/ud-dev-articles.txt"),
            "منفی سه و ۱۴۰۲ و سه و (۵٪) و بیست و پنج درصد و نه تنها و ۲.۵ میلیارد، سوم و صدم",
        ];
        for text in corpora {
            let fast: Vec<_> = numbers(text).collect();
            assert_eq!(fast, reference(text));
            // A lone number token reads the same directly as through the general reader.
            for t in tokens(text).filter(|t| t.kind == TokenKind::Number) {
                assert_eq!(
                    words::parse_digits(t.text),
                    words_to_number(t.text).ok(),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn seed_article_numbers() {
        let text = include_str!("../../tests/data/seed-article.txt");
        let found: Vec<(&str, String)> = numbers(text)
            .map(|n| (n.text, n.value.to_string()))
            .collect();
        for want in [("۱۸", "18"), ("۱۴۰۲", "1402"), ("۱۶ میلیون", "16000000")] {
            assert!(
                found.contains(&(want.0, want.1.to_owned())),
                "{want:?} in {found:?}"
            );
        }
        let d = dates(text).next().unwrap();
        assert_eq!(
            (d.text, d.date.to_gregorian()),
            ("۱۸ فروردین ماه ۱۴۰۲", Some(Date::new(2023, 4, 7)))
        );
    }

    #[test]
    fn kinds_and_values() {
        type Case<'a> = (&'a str, &'a [(&'a str, NumberKind, &'a str)]);
        let cases: [Case<'_>; 5] = [
            (
                "۱,۲۵۰,۰۰۰ ریال",
                &[("۱,۲۵۰,۰۰۰", NumberKind::Digits, "1250000")],
            ),
            ("۳٫۵ درصد", &[("۳٫۵ درصد", NumberKind::Percent, "3.5")]),
            ("نه تنها این", &[]),
            ("بیست و نه نفر", &[("بیست و نه", NumberKind::Words, "29")]),
            ("منفی سه درجه", &[("منفی سه", NumberKind::Words, "-3")]),
        ];
        for (text, want) in cases {
            let got: Vec<(&str, NumberKind, String)> = numbers(text)
                .map(|n| (n.text, n.kind, n.value.to_string()))
                .collect();
            let want: Vec<(&str, NumberKind, String)> =
                want.iter().map(|&(t, k, v)| (t, k, v.to_owned())).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
