//! Numbers written in words: `هزار و چهارصد و دو` ↔ 1402, decimals (`سه و پنج دهم`),
//! negatives (`منفی`), mixed digits and words (`۱۶ میلیون`, `۲.۵ میلیارد`).

use std::fmt;

use crate::chars::digit;
use crate::halfspace::lexicon::{FxMap, FxSet};
use crate::shapes::ShapeSet;

const ONES: [&str; 20] = [
    "صفر",
    "یک",
    "دو",
    "سه",
    "چهار",
    "پنج",
    "شش",
    "هفت",
    "هشت",
    "نه",
    "ده",
    "یازده",
    "دوازده",
    "سیزده",
    "چهارده",
    "پانزده",
    "شانزده",
    "هفده",
    "هجده",
    "نوزده",
];
const TENS: [&str; 10] = [
    "",
    "",
    "بیست",
    "سی",
    "چهل",
    "پنجاه",
    "شصت",
    "هفتاد",
    "هشتاد",
    "نود",
];
const HUNDREDS: [&str; 10] = [
    "",
    "صد",
    "دویست",
    "سیصد",
    "چهارصد",
    "پانصد",
    "ششصد",
    "هفتصد",
    "هشتصد",
    "نهصد",
];
/// Scale words, 10^3 to 10^18 (the i64 range).
const SCALES: [(&str, i128); 6] = [
    ("هزار", 1_000),
    ("میلیون", 1_000_000),
    ("میلیارد", 1_000_000_000),
    ("تریلیون", 1_000_000_000_000),
    ("کوادریلیون", 1_000_000_000_000_000),
    ("کوینتیلیون", 1_000_000_000_000_000_000),
];

/// Writes `n` in Persian words: `1402` → `هزار و چهارصد و دو`, `-5` → `منفی پنج`.
///
/// Standard forms: `صد`, `هزار` (not `یک هزار`), `یک میلیون`; parts joined by ` و `.
///
/// # Examples
///
/// ```
/// use persian_text::number_to_words;
///
/// assert_eq!(number_to_words(1402), "هزار و چهارصد و دو");
/// assert_eq!(number_to_words(400), "چهارصد");
/// assert_eq!(number_to_words(1_000_000), "یک میلیون");
/// assert_eq!(number_to_words(-25), "منفی بیست و پنج");
/// assert_eq!(number_to_words(0), "صفر");
/// ```
pub fn number_to_words(n: i64) -> String {
    let mut out = String::new();
    if n < 0 {
        out.push_str("منفی ");
    }
    write_words(i128::from(n).unsigned_abs(), &mut out);
    out
}

fn write_words(n: u128, out: &mut String) {
    if n == 0 {
        out.push_str(ONES[0]);
        return;
    }
    let mut parts: Vec<String> = Vec::new();
    let mut rest = n;
    for &(word, scale) in SCALES.iter().rev() {
        let scale = scale as u128;
        let count = rest / scale;
        rest %= scale;
        if count > 0 {
            if count == 1 && scale == 1_000 {
                parts.push(word.to_owned()); // هزار, not یک هزار
            } else {
                parts.push(format!("{} {word}", below_thousand(count as u32)));
            }
        }
    }
    if rest > 0 {
        parts.push(below_thousand(rest as u32));
    }
    out.push_str(&parts.join(" و "));
}

/// Words for 1..=999.
fn below_thousand(n: u32) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let (h, rest) = (n / 100, n % 100);
    if h > 0 {
        parts.push(HUNDREDS[h as usize]);
    }
    if rest >= 20 {
        parts.push(TENS[(rest / 10) as usize]);
        if rest % 10 > 0 {
            parts.push(ONES[(rest % 10) as usize]);
        }
    } else if rest > 0 {
        parts.push(ONES[rest as usize]);
    }
    parts.join(" و ")
}

/// Every cardinal number word and scale, `نیم`, and the denominators: what [`super::numbers`]
/// looks tokens up in before reading a phrase.
pub(crate) static NUMBER_WORDS: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
    let mut set: WordSet = ONES.iter().chain(&TENS).chain(&HUNDREDS).copied().collect();
    set.extend(SCALES.iter().map(|(w, _)| *w));
    set.extend(DENOMINATORS.iter().map(|(w, _)| *w));
    set.extend(["نیم", "هیجده", "یکصد"]);
    set.remove("");
    set
});

/// Could `word` be a number word or an ordinal ([`NUMBER_WORDS`], [`cardinal_of`])? Rejects
/// almost every word of running text before any hashing.
#[inline]
pub(crate) fn may_be_number_word(word: &str) -> bool {
    NUMBER_SHAPES.may_contain(word)
}

/// The number words and every spelling of their ordinals, approximately.
static NUMBER_SHAPES: std::sync::LazyLock<ShapeSet> = std::sync::LazyLock::new(|| {
    let mut set: ShapeSet = NUMBER_WORDS.iter().copied().collect();
    let stems = WORD_VALUES
        .keys()
        .copied()
        .chain(SCALES.iter().map(|(w, _)| *w));
    for stem in stems {
        // What `cardinal_of` takes off: ین, م, then ا and a ZWNJ.
        for middle in ["", "\u{200C}", "ا", "\u{200C}ا"] {
            for end in ["م", "مین"] {
                set.insert(&format!("{stem}{middle}{end}"));
            }
        }
    }
    for w in ["اول", "نخست", "نخستین", "اولین", "سوم", "سومین"] {
        set.insert(w);
    }
    set
});

/// A set of short words with the fast hasher the lexicon uses.
pub(crate) type WordSet = FxSet<&'static str>;

/// Denominators of decimal fractions: `دهم` (10) … `میلیونیم`.
const DENOMINATORS: [(&str, u32); 7] = [
    ("دهم", 1),
    ("صدم", 2),
    ("هزارم", 3),
    ("ده\u{200C}هزارم", 4),
    ("صدهزارم", 5),
    ("میلیونیم", 6),
    ("میلیونم", 6),
];

/// Writes a decimal number given as digits (any script, `.` or `٫` before the fraction):
/// `۳٫۵` → `سه و پنج دهم`.
///
/// # Examples
///
/// ```
/// use persian_text::decimal_to_words;
///
/// assert_eq!(decimal_to_words("۳٫۵").unwrap(), "سه و پنج دهم");
/// assert_eq!(decimal_to_words("2.25").unwrap(), "دو و بیست و پنج صدم");
/// assert_eq!(decimal_to_words("-0.5").unwrap(), "منفی صفر و پنج دهم");
/// assert_eq!(decimal_to_words("12").unwrap(), "دوازده");
/// assert!(decimal_to_words("سه").is_err());
/// ```
pub fn decimal_to_words(text: &str) -> Result<String, Error> {
    let value = parse_digits(text.trim())
        .ok_or_else(|| Error::new(format!("not a number in digits: {text:?}")))?;
    Ok(value.to_words())
}

/// A number read from words or digits: an integer or a decimal (`mantissa / 10^scale`).
///
/// # Examples
///
/// ```
/// use persian_text::{words_to_number, Number};
///
/// assert_eq!(words_to_number("سه و پنج دهم").unwrap(), Number::new(35, 1));
/// assert_eq!(words_to_number("سه و پنج دهم").unwrap().to_string(), "3.5");
/// assert_eq!(words_to_number("۱۶ میلیون").unwrap().as_i64(), Some(16_000_000));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Number {
    mantissa: i128,
    scale: u32,
}

impl Number {
    /// `mantissa / 10^scale`, reduced (`Number::new(350, 2) == Number::new(35, 1)`).
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::Number;
    ///
    /// assert_eq!(Number::new(350, 2), Number::new(35, 1));
    /// assert_eq!(Number::new(5, 0).as_i64(), Some(5));
    /// ```
    pub fn new(mantissa: i128, scale: u32) -> Number {
        let (mut m, mut s) = (mantissa, scale);
        while s > 0 && m % 10 == 0 {
            m /= 10;
            s -= 1;
        }
        Number {
            mantissa: m,
            scale: s,
        }
    }

    /// The value as an `i64`, if it is a whole number in range.
    ///
    /// # Examples
    ///
    /// ```
    /// let n = persian_text::words_to_number("هزار و چهارصد و دو").unwrap();
    /// assert_eq!(n.as_i64(), Some(1402));
    /// ```
    pub fn as_i64(&self) -> Option<i64> {
        if self.scale == 0 {
            i64::try_from(self.mantissa).ok()
        } else {
            None
        }
    }

    /// The value as an `f64` (rounded for very large or long numbers).
    ///
    /// # Examples
    ///
    /// ```
    /// let n = persian_text::words_to_number("دو و نیم").unwrap();
    /// assert_eq!(n.as_f64(), 2.5);
    /// ```
    pub fn as_f64(&self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }

    /// Writes the number in words (decimals as `… و N دهم/صدم/…`).
    fn to_words(self) -> String {
        let negative = self.mantissa < 0;
        let abs = self.mantissa.unsigned_abs();
        let pow = 10u128.pow(self.scale);
        let (int, frac) = (abs / pow, abs % pow);
        let mut out = String::new();
        if negative {
            out.push_str("منفی ");
        }
        write_words(int, &mut out);
        if frac > 0 {
            let denominator = DENOMINATORS
                .iter()
                .find(|(_, s)| *s == self.scale)
                .map_or("", |(w, _)| w);
            out.push_str(" و ");
            write_words(frac, &mut out);
            out.push(' ');
            out.push_str(denominator);
        }
        out
    }

    fn add(self, other: Number) -> Number {
        let scale = self.scale.max(other.scale);
        let a = self.mantissa * 10i128.pow(scale - self.scale);
        let b = other.mantissa * 10i128.pow(scale - other.scale);
        Number::new(a + b, scale)
    }

    fn mul(self, factor: i128) -> Option<Number> {
        Some(Number::new(self.mantissa.checked_mul(factor)?, self.scale))
    }

    fn is_zero(&self) -> bool {
        self.mantissa == 0
    }
}

impl fmt::Display for Number {
    /// ASCII digits, `-` for negatives, `.` before the fraction.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.mantissa.unsigned_abs();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        if self.scale == 0 {
            return write!(f, "{sign}{abs}");
        }
        let pow = 10u128.pow(self.scale);
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / pow,
            abs % pow,
            width = self.scale as usize
        )
    }
}

/// Why text could not be read as a number.
///
/// # Examples
///
/// ```
/// let err = persian_text::words_to_number("سه سیب").unwrap_err();
/// assert!(err.to_string().contains("سیب"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    message: String,
}

impl Error {
    pub(crate) fn new(message: String) -> Error {
        Error { message }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Reads digits in any script, with thousands separators and a decimal point or `٫`.
pub(crate) fn parse_digits(text: &str) -> Option<Number> {
    let (negative, body) = match text.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut mantissa: i128 = 0;
    let mut scale = 0u32;
    let mut seen_point = false;
    let mut digits = 0;
    for c in body.chars() {
        if let Some((d, _)) = digit(c) {
            mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(d))?;
            digits += 1;
            if seen_point {
                scale += 1;
            }
        } else if matches!(c, '.' | '\u{066B}' | '/') && !seen_point {
            seen_point = true; // `/` is the Persian decimal mark in some typefaces: ۲/۵
        } else if matches!(c, ',' | '\u{066C}' | '\u{060C}') && !seen_point {
        } else {
            return None;
        }
    }
    (digits > 0).then(|| Number::new(if negative { -mantissa } else { mantissa }, scale))
}

/// The value of a single number word (not a scale), if it is one.
pub(crate) fn word_value(word: &str) -> Option<i128> {
    WORD_VALUES.get(word).copied()
}

/// The value of each number word below a thousand, for [`word_value`].
static WORD_VALUES: std::sync::LazyLock<FxMap<&'static str, i128>> =
    std::sync::LazyLock::new(|| {
        let mut map = FxMap::default();
        // Later entries do not overwrite earlier ones: `ONES` before the other spellings.
        let tables = [(&ONES[..], 1), (&TENS[..], 10), (&HUNDREDS[..], 100)];
        for (table, unit) in tables {
            for (v, w) in table.iter().enumerate() {
                if !w.is_empty() {
                    map.entry(*w).or_insert(unit * v as i128);
                }
            }
        }
        let more = [
            ("هیجده", 18),
            ("شانزده", 16),
            ("یکصد", 100),
            ("دوصد", 200),
            ("سه\u{200C}صد", 300),
            ("سهصد", 300),
            ("پنجصد", 500),
        ];
        for (w, v) in more {
            map.entry(w).or_insert(v);
        }
        map
    });

/// Are `a` and `b` the same but for ZWNJs?
fn same_letters(a: &str, b: &str) -> bool {
    a == b
        || a.chars()
            .filter(|&c| c != '\u{200C}')
            .eq(b.chars().filter(|&c| c != '\u{200C}'))
}

/// The cardinal of the ordinal number word `word` (`سوم` → `سه`, `سی‌ام` → `سی`), or `None`.
pub(crate) fn cardinal_of(word: &str) -> Option<&str> {
    match word {
        "اول" | "نخست" | "نخستین" | "اولین" => return Some("یک"),
        "سوم" | "سومین" => return Some("سه"),
        _ => {}
    }
    let stem = word.strip_suffix("ین").unwrap_or(word);
    let stem = stem.strip_suffix('م')?;
    // `سی‌ام`, `سی‌امین`: the ا of ‌ام goes too, after a word ending in ی.
    let without_alef = stem
        .strip_suffix('ا')
        .map(|s| s.strip_suffix('\u{200C}').unwrap_or(s));
    let stem = match without_alef {
        Some(s) if s.ends_with('ی') => s,
        _ => stem.strip_suffix('\u{200C}').unwrap_or(stem),
    };
    (word_value(stem).is_some() || SCALES.iter().any(|(w, _)| *w == stem)).then_some(stem)
}

/// Reads a number written in words, digits or both: `هزار و چهارصد و دو`, `چهار صد`,
/// `دوازده هزار بیست دو` (a missing `و`), `۱۶ میلیون`, `۲.۵ میلیارد`, `منفی سه`,
/// `سه و پنج دهم`, `دو و نیم`, and an ordinal on the last word (`سی‌ام`).
///
/// # Examples
///
/// ```
/// use persian_text::words_to_number;
///
/// let v = |s| words_to_number(s).unwrap().to_string();
/// assert_eq!(v("هزار و چهارصد و دو"), "1402");
/// assert_eq!(v("چهار صد"), "400");
/// assert_eq!(v("دوازده هزار بیست دو"), "12022");
/// assert_eq!(v("۲.۵ میلیارد"), "2500000000");
/// assert_eq!(v("منفی سه"), "-3");
/// assert_eq!(v("سی‌ام"), "30");
/// assert!(words_to_number("").is_err());
/// ```
pub fn words_to_number(text: &str) -> Result<Number, Error> {
    // Arabic letter forms read as Persian ones, as the normalizer writes them.
    let folded = crate::normalize::letters::persian_letters(text);
    let mut words: Vec<&str> = folded
        .split([' ', '\u{00A0}', '\t'])
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err(Error::new("empty input: no number to read".to_owned()));
    }
    let negative = matches!(words.first(), Some(&"منفی") | Some(&"-"));
    if negative {
        words.remove(0);
    }
    // An ordinal on the last word: `سی‌ام`, `سوم`.
    let is_denominator = |w: &str| DENOMINATORS.iter().any(|(d, _)| same_letters(d, w));
    if let Some(last) = words.last()
        && !(words.len() > 1 && is_denominator(last))
        && word_value(last).is_none()
        && !SCALES.iter().any(|(w, _)| w == last)
        && let Some(c) = cardinal_of(last)
    {
        let n = words.len();
        words[n - 1] = c;
    }
    let mut total = Number::new(0, 0);
    let mut group = Number::new(0, 0); // below the current scale
    let mut last_unit = false; // the last word was 1..9 (for `چهار صد`)
    // Within one number, magnitudes decrease (hundreds, tens, units): a unit after a unit
    // (`سه و پنج دهم`) starts another number, the integer part before a fraction.
    let mut last_magnitude: Option<i128> = None;
    let mut integer_part: Option<Number> = None;
    let mut any = false;
    for word in words {
        // A word with a ZWNJ inside: `چهار‌صد`, `ده‌هزارم`.
        let word_joined;
        let w = if word.contains('\u{200C}') {
            word_joined = word.replace('\u{200C}', "");
            word_joined.as_str()
        } else {
            word
        };
        if w == "و" {
            continue;
        }
        any = true;
        if w == "نیم" {
            group = group.add(Number::new(5, 1));
        } else if w == "صد" && last_unit {
            // `چهار صد` = 400: the unit multiplies the hundred.
            let unit = group.mantissa % 10;
            group = Number::new(group.mantissa - unit + unit * 100, group.scale);
        } else if let Some(v) = word_value(w) {
            let magnitude = if v < 10 {
                1
            } else if v < 100 {
                10
            } else {
                100
            };
            if last_magnitude.is_some_and(|m| magnitude >= m) && v != 0 {
                if integer_part.is_some() {
                    return Err(Error::new(format!("{text:?} is several numbers, not one")));
                }
                integer_part = Some(total.add(group));
                total = Number::new(0, 0);
                group = Number::new(0, 0);
            }
            group = group.add(Number::new(v, 0));
            last_unit = (1..=9).contains(&v);
            last_magnitude = Some(magnitude);
            continue;
        } else if let Some(&(_, scale)) = SCALES.iter().find(|(s, _)| *s == w) {
            let base = if group.is_zero() {
                Number::new(1, 0)
            } else {
                group
            };
            let scaled = base
                .mul(scale)
                .ok_or_else(|| Error::new(format!("{text:?} is too large")))?;
            total = total.add(scaled);
            group = Number::new(0, 0);
        } else if let Some(&(_, places)) = DENOMINATORS.iter().find(|(d, _)| same_letters(d, w)) {
            // `پنج دهم`: the group so far is the numerator.
            let fraction = Number::new(group.mantissa, group.scale + places);
            total = total
                .add(fraction)
                .add(integer_part.take().unwrap_or(Number::new(0, 0)));
            group = Number::new(0, 0);
        } else if let Some(n) = parse_digits(w) {
            group = group.add(n);
        } else {
            return Err(Error::new(format!(
                "{w:?} in {text:?} is not a number word"
            )));
        }
        last_unit = false;
        last_magnitude = None;
    }
    if integer_part.is_some() {
        return Err(Error::new(format!("{text:?} is several numbers, not one")));
    }
    if !any {
        return Err(Error::new(format!("{text:?} has no number word")));
    }
    let value = total.add(group);
    Ok(if negative {
        Number::new(-value.mantissa, value.scale)
    } else {
        value
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_filter_admits_every_number_word_and_ordinal() {
        let big = [1_000_000, 2_500_000_000, 7_000_000_000_000];
        for n in (0..=1200).chain(big) {
            let cardinal = number_to_words(n);
            let ordinal = crate::add_ordinal(&cardinal).unwrap();
            for w in cardinal.split(' ').chain(ordinal.split(' ')) {
                if w != "و" {
                    assert!(may_be_number_word(w), "{w} in {n}");
                }
            }
        }
        for w in [
            "اول",
            "نخست",
            "نخستین",
            "اولین",
            "سومین",
            "سی\u{200C}امین",
            "نیم",
            "دهم",
        ] {
            assert!(may_be_number_word(w), "{w}");
        }
        assert!(!may_be_number_word("کتاب"));
    }

    #[test]
    fn to_words() {
        let cases = [
            (0, "صفر"),
            (5, "پنج"),
            (15, "پانزده"),
            (20, "بیست"),
            (25, "بیست و پنج"),
            (100, "صد"),
            (200, "دویست"),
            (400, "چهارصد"), // persian-tools #436: must round-trip
            (1000, "هزار"),  // persian-tools #365: must not overflow
            (1402, "هزار و چهارصد و دو"),
            (3200, "سه هزار و دویست"),
            (1_000_000, "یک میلیون"),
            (16_000_000, "شانزده میلیون"),
            (2_500_000_000, "دو میلیارد و پانصد میلیون"),
            (-7, "منفی هفت"),
        ];
        for (n, want) in cases {
            assert_eq!(number_to_words(n), want, "{n}");
        }
        assert!(number_to_words(i64::MIN).starts_with("منفی نه کوینتیلیون"));
        assert!(number_to_words(i64::MAX).starts_with("نه کوینتیلیون"));
    }

    #[test]
    fn from_words() {
        let cases = [
            ("صفر", "0"),
            ("چهار صد", "400"), // persian-tools #436
            ("چهارصد", "400"),
            ("چهار\u{200C}صد", "400"),
            ("هزار", "1000"),
            ("یک هزار", "1000"),
            ("سه هزار و دویست", "3200"),
            ("دوازده هزار بیست دو", "12022"),
            ("بیست و پنج درصد", ""), // not a number phrase
            ("۱۶ میلیون", "16000000"),
            ("16 میلیون", "16000000"),
            ("۲.۵ میلیارد", "2500000000"),
            ("سه و پنج دهم", "3.5"),
            ("دو و نیم", "2.5"),
            ("منفی بیست", "-20"),
            ("سی‌ام", "30"),
            ("سوم", "3"),
            ("هجده", "18"),
            ("هیجده", "18"),
            ("يك ميليون", "1000000"), // Arabic letters
        ];
        for (text, want) in cases {
            let got = words_to_number(text)
                .map(|n| n.to_string())
                .unwrap_or_default();
            assert_eq!(got, want, "{text}");
        }
    }

    /// `numbers` reads a single word below a thousand by [`word_value`] alone: the full
    /// reader must agree on every such word.
    #[test]
    fn word_values_agree_with_the_reader() {
        assert!(WORD_VALUES.len() > 30);
        for (&word, &value) in WORD_VALUES.iter() {
            assert_eq!(words_to_number(word), Ok(Number::new(value, 0)), "{word}");
        }
    }

    #[test]
    fn ordinals_back_to_cardinals() {
        let cases = [
            ("سوم", Some("سه")),
            ("سی\u{200C}ام", Some("سی")),
            ("یکم", Some("یک")),
            ("نخست", Some("یک")),
            ("دومین", Some("دو")),
            ("صدم", Some("صد")),
            ("هزارم", Some("هزار")),
            ("کتاب", None),
        ];
        for (w, want) in cases {
            assert_eq!(cardinal_of(w), want, "{w}");
        }
    }
}
