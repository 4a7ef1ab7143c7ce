//! Converting between the three digit scripts of Persian text.
//!
//! Persian text mixes ASCII digits (`1402`), Persian digits (`۱۴۰۲`, U+06F0–U+06F9) and
//! Arabic-Indic digits (`١٤٠٢`, U+0660–U+0669). The last two differ only in the shapes of
//! 4, 5 and 6, so scraped text often mixes them inside one number.
//!
//! [`convert_digits`] converts every digit and nothing else. [`DigitConverter`] adds two
//! options: converting the separators inside numbers (`٫ ٬` ↔ `. ,`), and a Persian-context
//! scope that leaves digits in Latin words, URLs, emails and identifiers (`H2O`, `ATM74`,
//! `a1@b.ir`) alone.

use std::borrow::Cow;

use crate::chars::{DECIMAL_SEPARATOR, THOUSANDS_SEPARATOR, digit, is_arabic_letter};

/// A digit script: what [`convert_digits`] converts to.
///
/// # Examples
///
/// ```
/// use persian_text::{convert_digits, Digits};
///
/// assert_eq!(convert_digits("۱۲3", Digits::Latin), "123");
/// assert_eq!(convert_digits("123", Digits::ArabicIndic), "١٢٣");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Digits {
    /// ASCII digits `0`–`9`.
    Latin,
    /// Persian digits `۰`–`۹` (U+06F0–U+06F9).
    Persian,
    /// Arabic-Indic digits `٠`–`٩` (U+0660–U+0669).
    ArabicIndic,
}

impl Digits {
    /// The digit of value `value` (0–9) in this script.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::Digits;
    ///
    /// assert_eq!(Digits::Persian.digit(4), Some('۴'));
    /// assert_eq!(Digits::Latin.digit(10), None);
    /// ```
    pub const fn digit(self, value: u32) -> Option<char> {
        if value > 9 {
            return None;
        }
        let base = match self {
            Digits::Latin => '0' as u32,
            Digits::Persian => 0x06F0,
            Digits::ArabicIndic => 0x0660,
        };
        char::from_u32(base + value)
    }

    /// Maps one character: a digit of another script becomes this script's digit.
    pub(crate) fn map(self, c: char) -> Option<char> {
        let (value, _) = digit(c)?;
        let to = self.digit(value)?;
        (to != c).then_some(to)
    }
}

/// Converts every decimal digit in `text` to the script `to`; everything else, separators
/// included, is left as it is. Returns `Cow::Borrowed` when there is nothing to convert.
///
/// # Examples
///
/// ```
/// use persian_text::{convert_digits, Digits};
///
/// assert_eq!(convert_digits("سال 1402", Digits::Persian), "سال ۱۴۰۲");
/// assert_eq!(convert_digits("۱۸ فروردین", Digits::Latin), "18 فروردین");
/// assert_eq!(convert_digits("٣٫۵", Digits::Latin), "3٫5"); // separators as written
/// assert!(matches!(convert_digits("بدون عدد", Digits::Latin), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn convert_digits(text: &str, to: Digits) -> Cow<'_, str> {
    DigitConverter::new(to).convert(text)
}

/// Where a [`DigitConverter`] converts digits.
///
/// # Examples
///
/// ```
/// use persian_text::{DigitConverter, Digits, Scope};
///
/// let c = DigitConverter::new(Digits::Persian).scope(Scope::PersianContext);
/// assert_eq!(c.convert("H2O در سال 2023"), "H2O در سال ۲۰۲۳");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Scope {
    /// Every digit in the text.
    #[default]
    Everywhere,
    /// Only digits in Persian context: digits in a Latin word or identifier (`H2O`,
    /// `ATM74`, `IBM-96`), a URL (`https://x.ir/a1`) or an email (`a1@b.ir`) are left alone.
    PersianContext,
}

/// A reusable digit converter with options; [`convert_digits`] is its default.
///
/// # Examples
///
/// ```
/// use persian_text::{DigitConverter, Digits};
///
/// let to_latin = DigitConverter::new(Digits::Latin).separators(true);
/// assert_eq!(to_latin.convert("۱٬۲۵۰٫۵ تومان"), "1,250.5 تومان");
/// let to_persian = DigitConverter::new(Digits::Persian).separators(true);
/// assert_eq!(to_persian.convert("1,250.5, then"), "۱٬۲۵۰٫۵, then");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DigitConverter {
    to: Digits,
    separators: bool,
    scope: Scope,
}

impl DigitConverter {
    /// A converter to `to` that converts every digit and leaves separators as written.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::{DigitConverter, Digits};
    ///
    /// assert_eq!(DigitConverter::new(Digits::Persian).convert("3.5"), "۳.۵");
    /// ```
    pub const fn new(to: Digits) -> DigitConverter {
        DigitConverter {
            to,
            separators: false,
            scope: Scope::Everywhere,
        }
    }

    /// Also converts the decimal and thousands separators between two digits: `٫` ↔ `.`
    /// and `٬` ↔ `,`. Separators outside numbers are never touched.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::{DigitConverter, Digits};
    ///
    /// let c = DigitConverter::new(Digits::Persian).separators(true);
    /// assert_eq!(c.convert("3.5 and 1,000"), "۳٫۵ and ۱٬۰۰۰");
    /// assert_eq!(c.convert("end. 1, 2"), "end. ۱, ۲");
    /// ```
    pub const fn separators(mut self, yes: bool) -> DigitConverter {
        self.separators = yes;
        self
    }

    /// Chooses which digits are converted; see [`Scope`].
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::{DigitConverter, Digits, Scope};
    ///
    /// let c = DigitConverter::new(Digits::Persian).scope(Scope::PersianContext);
    /// assert_eq!(c.convert("ایمیل a1@b.ir و ۳ و 4"), "ایمیل a1@b.ir و ۳ و ۴");
    /// ```
    pub const fn scope(mut self, scope: Scope) -> DigitConverter {
        self.scope = scope;
        self
    }

    /// Converts `text`; returns `Cow::Borrowed` when nothing changes.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::{DigitConverter, Digits};
    ///
    /// let c = DigitConverter::new(Digits::Latin);
    /// assert_eq!(c.convert("۱۴۰۲/۰۱/۱۸"), "1402/01/18");
    /// ```
    pub fn convert<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match (self.to, self.separators) {
            (Digits::Latin, false) => self.run::<false, true, true, false>(text),
            (Digits::Latin, true) => self.run::<false, true, true, true>(text),
            (Digits::Persian, false) => self.run::<true, true, false, false>(text),
            (Digits::Persian, true) => self.run::<true, true, false, true>(text),
            (Digits::ArabicIndic, false) => self.run::<true, false, true, false>(text),
            (Digits::ArabicIndic, true) => self.run::<true, false, true, true>(text),
        }
    }

    /// The conversion loop, monomorphized on which byte patterns can start an edit:
    /// ASCII digits (`A`), Arabic-Indic digits (`AR`), Persian digits (`FA`), separators
    /// (`SEP`).
    fn run<'a, const A: bool, const AR: bool, const FA: bool, const SEP: bool>(
        &self,
        text: &'a str,
    ) -> Cow<'a, str> {
        let bytes = text.as_bytes();
        let mut out: Option<String> = None;
        let mut copied = 0; // text[..copied] is already in `out` (or unchanged)
        let mut from = 0;
        while let Some(at) = find_candidate::<A, AR, FA, SEP>(bytes, from) {
            let c = text[at..]
                .chars()
                .next()
                .expect("candidate is on a char boundary");
            let next = at + c.len_utf8();
            from = next;
            let Some(to) = self.replacement(text, at, c, next) else {
                continue;
            };
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            buf.push_str(&text[copied..at]);
            buf.push(to);
            copied = next;
        }
        match out {
            None => Cow::Borrowed(text),
            Some(mut buf) => {
                buf.push_str(&text[copied..]);
                Cow::Owned(buf)
            }
        }
    }

    /// What the character `c` at `text[at..next]` becomes, if it changes.
    fn replacement(&self, text: &str, at: usize, c: char, next: usize) -> Option<char> {
        let to = if digit(c).is_some() {
            self.to.map(c)?
        } else {
            let sep = separator_for(c, self.to)?;
            let before = text[..at].chars().next_back();
            let after = text[next..].chars().next();
            if !(before.is_some_and(|b| digit(b).is_some())
                && after.is_some_and(|a| digit(a).is_some()))
            {
                return None;
            }
            sep
        };
        if self.scope == Scope::PersianContext && !in_persian_context(text, at) {
            return None;
        }
        Some(to)
    }
}

/// The separator `c` becomes in script `to`, if `c` is a separator that changes.
fn separator_for(c: char, to: Digits) -> Option<char> {
    match (c, to) {
        (DECIMAL_SEPARATOR, Digits::Latin) => Some('.'),
        (THOUSANDS_SEPARATOR, Digits::Latin) => Some(','),
        ('.', Digits::Persian | Digits::ArabicIndic) => Some(DECIMAL_SEPARATOR),
        (',', Digits::Persian | Digits::ArabicIndic) => Some(THOUSANDS_SEPARATOR),
        _ => None,
    }
}

/// Is the digit at `at` in Persian context? It is not when its whitespace-delimited chunk is a
/// URL or email, or when the identifier around it (the run of characters that are neither
/// whitespace nor Arabic letters) contains a Latin letter.
pub(crate) fn in_persian_context(text: &str, at: usize) -> bool {
    let chunk_start = text[..at]
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let chunk_end = text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i);
    let chunk = &text[chunk_start..chunk_end];
    if chunk.contains("://") || chunk.contains("www.") || chunk.contains('@') {
        return false;
    }
    let breaks = |c: char| is_arabic_letter(c) || matches!(c, '«' | '»' | '(' | ')' | '،' | '؛');
    let word_start = text[chunk_start..at]
        .rfind(breaks)
        .map_or(chunk_start, |i| {
            chunk_start
                + i
                + text[chunk_start + i..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8)
        });
    let word_end = text[at..chunk_end]
        .find(breaks)
        .map_or(chunk_end, |i| at + i);
    !text[word_start..word_end]
        .chars()
        .any(|c| c.is_ascii_alphabetic())
}

/// Finds the first byte at or after `from` where an edit could start, scanning 32 bytes at a
/// time with a branch-free reduction the compiler vectorizes; the scalar scan runs only on a
/// chunk that has a candidate.
fn find_candidate<const A: bool, const AR: bool, const FA: bool, const SEP: bool>(
    bytes: &[u8],
    from: usize,
) -> Option<usize> {
    #[inline(always)]
    fn hit<const A: bool, const AR: bool, const FA: bool, const SEP: bool>(b: u8, n: u8) -> bool {
        // ASCII digit, or '.' / ',' when separators convert to Arabic-script ones.
        let ascii = (A & (b.wrapping_sub(b'0') < 10)) | (A & SEP & ((b == b'.') | (b == b',')));
        // U+0660..U+0669 is D9 A0..A9; with separators also U+066B, U+066C (D9 AB, AC).
        let ar_limit = if SEP && !A { 13 } else { 10 };
        let ar = AR & (b == 0xD9) & (n.wrapping_sub(0xA0) < ar_limit);
        // U+06F0..U+06F9 is DB B0..B9.
        let fa = FA & (b == 0xDB) & (n.wrapping_sub(0xB0) < 10);
        ascii | ar | fa
    }
    const CHUNK: usize = 32;
    let mut i = from;
    while i + CHUNK < bytes.len() {
        let window = &bytes[i..i + CHUNK + 1];
        let mut any = false;
        for k in 0..CHUNK {
            any |= hit::<A, AR, FA, SEP>(window[k], window[k + 1]);
        }
        if any {
            break;
        }
        i += CHUNK;
    }
    while i < bytes.len() {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if hit::<A, AR, FA, SEP>(bytes[i], next) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious, slow version: map every char.
    fn oracle(text: &str, to: Digits) -> String {
        text.chars().map(|c| to.map(c).unwrap_or(c)).collect()
    }

    #[test]
    fn every_direction() {
        let cases = [
            ("0123456789", Digits::Persian, "۰۱۲۳۴۵۶۷۸۹"),
            ("0123456789", Digits::ArabicIndic, "٠١٢٣٤٥٦٧٨٩"),
            ("۰۱۲۳۴۵۶۷۸۹", Digits::Latin, "0123456789"),
            ("۰۱۲۳۴۵۶۷۸۹", Digits::ArabicIndic, "٠١٢٣٤٥٦٧٨٩"),
            ("٠١٢٣٤٥٦٧٨٩", Digits::Latin, "0123456789"),
            ("٠١٢٣٤٥٦٧٨٩", Digits::Persian, "۰۱۲۳۴۵۶۷۸۹"),
            ("mixed ٤۴4", Digits::Persian, "mixed ۴۴۴"),
            ("", Digits::Latin, ""),
        ];
        for (input, to, want) in cases {
            assert_eq!(convert_digits(input, to), want, "{input:?} -> {to:?}");
        }
    }

    #[test]
    fn borrowed_when_nothing_to_do() {
        for (text, to) in [
            ("سال ۱۴۰۲", Digits::Persian),
            ("year 2023", Digits::Latin),
            ("٣", Digits::ArabicIndic),
        ] {
            assert!(
                matches!(convert_digits(text, to), Cow::Borrowed(_)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn separators_only_inside_numbers() {
        let fa = DigitConverter::new(Digits::Persian).separators(true);
        let en = DigitConverter::new(Digits::Latin).separators(true);
        let cases = [
            (fa, "3.14", "۳٫۱۴"),
            (fa, "1,250,000", "۱٬۲۵۰٬۰۰۰"),
            (fa, "end.", "end."),
            (fa, "a, b", "a, b"),
            (fa, "1. 2", "۱. ۲"),
            (en, "۳٫۵", "3.5"),
            (en, "۱٬۲۵۰", "1,250"),
            (en, "٫۵", "٫5"),
            (en, "٪۵", "٪5"), // ARABIC PERCENT SIGN is not a separator
        ];
        for (c, input, want) in cases {
            assert_eq!(c.convert(input), want, "{input:?}");
        }
    }

    #[test]
    fn persian_context_leaves_identifiers() {
        let c = DigitConverter::new(Digits::Persian).scope(Scope::PersianContext);
        let cases = [
            ("ATM74", "ATM74"),
            ("https://x.ir/a1", "https://x.ir/a1"),
            ("a1@b.ir", "a1@b.ir"),
            ("H2O", "H2O"),
            ("IBM-96", "IBM-96"),
            ("سال 1402", "سال ۱۴۰۲"),
            ("(12)", "(۱۲)"),
            ("قیمت12تومان", "قیمت۱۲تومان"),
            ("1402/01/18", "۱۴۰۲/۰۱/۱۸"),
        ];
        for (input, want) in cases {
            assert_eq!(c.convert(input), want, "{input:?}");
        }
    }

    #[test]
    fn fast_path_agrees_with_oracle_at_every_offset() {
        // Digits at every position relative to the 32-byte chunk edges.
        for pad in 0..70 {
            for d in ["5", "۵", "٥"] {
                let text = format!("{}{d}{}", "ب".repeat(pad / 2), "a".repeat(pad % 7));
                for to in [Digits::Latin, Digits::Persian, Digits::ArabicIndic] {
                    assert_eq!(
                        convert_digits(&text, to),
                        oracle(&text, to),
                        "{text:?} {to:?}"
                    );
                }
            }
        }
    }
}
