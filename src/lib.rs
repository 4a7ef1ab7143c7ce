//! Fast, careful Persian (Farsi) text normalization, segmentation, quote detection and
//! number reading.
//!
//! Persian text from the web is dirty in ways that break search, tokenizers and language
//! models: Arabic letters instead of Persian ones (`علي`, `كتاب`), three digit scripts, spaces
//! before punctuation (`گفت :`, `روسیه ،`), invisible bidi controls, kashida and stray
//! diacritics. `persian-text` fixes these in one pass over the text, returns the input
//! borrowed when there is nothing to fix, and can tell you where every output character came
//! from and which rule changed it.
//!
//! # Normalizing
//!
//! ```
//! use persian_text::normalize;
//!
//! let raw = "استاندار گیلان گفت : روابط با روسیه ، مهم است.";
//! assert_eq!(normalize(raw), "استاندار گیلان گفت: روابط با روسیه، مهم است.");
//!
//! // Arabic letter forms become Persian; Arabic-Indic digits become Persian digits.
//! assert_eq!(normalize("علي ٤ كتاب دارد"), "علی ۴ کتاب دارد");
//! ```
//!
//! Text that is already normal comes back borrowed, without an allocation:
//!
//! ```
//! use std::borrow::Cow;
//!
//! let clean = "سال ۱۴۰۲ برای گیلان سال خوبی بود.";
//! assert!(matches!(persian_text::normalize(clean), Cow::Borrowed(_)));
//! ```
//!
//! Each step can be switched or tuned with a [`Normalizer`] built once and reused:
//!
//! ```
//! use persian_text::{Diacritics, DigitPolicy, Digits, Normalizer};
//!
//! let n = Normalizer::builder()
//!     .digits(DigitPolicy::To(Digits::Latin))
//!     .diacritics(Diacritics::RemoveAll)
//!     .build();
//! assert_eq!(n.normalize("سالِ ۱۴۰۲"), "سال 1402");
//! ```
//!
//! The steps and their order are described in the [`normalize`](mod@normalize) module. Text
//! the punctuation rules would break is never touched: URLs, emails, domains, mentions,
//! hashtags, markdown links, emoticons, decimals (`۳.۵`), times (`۱۲:۳۰`), dates
//! (`۱۴۰۲/۰۱/۱۸`), numbers with separators (`1,250,000`) and Latin text (`Hello, world!`):
//!
//! ```
//! let text = "ساعت ۱۲:۳۰ در example.co.uk ، عدد 1,250,000 و ۳.۵";
//! assert_eq!(persian_text::normalize(text), "ساعت ۱۲:۳۰ در example.co.uk، عدد 1,250,000 و ۳.۵");
//! ```
//!
//! # Offsets and the edit log
//!
//! [`normalize_with_offsets`] returns a [`Normalized`]: the output, a map from output byte
//! ranges back to input byte ranges, and every [`Edit`] with the [`Rule`] that made it. The
//! plain [`normalize`](fn@normalize) does not pay for this.
//!
//! ```
//! use persian_text::{normalize_with_offsets, Rule};
//!
//! let raw = "روسیه ، روابط\u{200F}";
//! let n = normalize_with_offsets(raw);
//! assert_eq!(n.as_str(), "روسیه، روابط");
//! for e in n.edits() {
//!     println!("{:?}: {:?} -> {:?}", e.rule, &raw[e.range.clone()], e.replacement);
//! }
//! assert_eq!(n.edits().map(|e| e.rule).collect::<Vec<_>>(), [Rule::PunctuationSpacing, Rule::Controls]);
//! let word = n.as_str().find("روابط").unwrap();
//! assert_eq!(&raw[n.original_range(word..n.as_str().len())], "روابط");
//! ```
//!
//! # Digits
//!
//! ```
//! use persian_text::{convert_digits, DigitConverter, Digits, Scope};
//!
//! assert_eq!(convert_digits("۱۸ فروردین ۱۴۰۲", Digits::Latin), "18 فروردین 1402");
//! let c = DigitConverter::new(Digits::Persian).separators(true).scope(Scope::PersianContext);
//! assert_eq!(c.convert("قیمت 1,250.5 دلار برای ATM74"), "قیمت ۱٬۲۵۰٫۵ دلار برای ATM74");
//! ```
//!
//! # Half-space restoration
//!
//! Scraped text loses its half-spaces (ZWNJ, U+200C): words come fused (`میشود`) or split by
//! a space (`برچسب ها`). The normalizer puts them back where Persian morphology and the
//! embedded lexicon agree, and leaves two words that are two words alone. Each restored
//! half-space is an edit with [`Rule::HalfSpace`] and the lexicon entry or verb stem behind it.
//!
//! ```
//! use persian_text::{normalize, normalize_with_offsets, HalfSpace, Normalizer, Rule, Spacing};
//!
//! assert_eq!(normalize("میتوانند"), "می\u{200C}توانند");
//! assert_eq!(normalize("سرمایه گذاران"), "سرمایه\u{200C}گذاران");
//! assert_eq!(normalize("ماه می سال"), "ماه می سال");
//! let n = normalize_with_offsets("توانمندیهای");
//! let e = n.edits().next().unwrap();
//! assert_eq!((e.rule, e.evidence), (Rule::HalfSpace(HalfSpace::Plural), Some("توانمندی")));
//! // Off, for speed or for text whose spacing must stay as written.
//! let off = Normalizer::builder().spacing(Spacing::Off).build();
//! assert_eq!(off.normalize("میتوانند"), "میتوانند");
//! ```
//!
//! # Sentences and tokens
//!
//! [`sentences`] and [`tokens`] are lazy iterators of slices of the input with byte offsets;
//! run them on raw text or on normalized text, and map normalized spans back with
//! [`Normalized::original_range`].
//!
//! ```
//! use persian_text::{normalize_with_offsets, sentences, tokens, TokenKind};
//!
//! let raw = "وی افزود : هیاتهای تجاري آمدند.سپس رفتند.";
//! let n = normalize_with_offsets(raw);
//! let s: Vec<&str> = sentences(n.as_str()).map(|s| s.text).collect();
//! assert_eq!(s, ["وی افزود: هیات\u{200C}های تجاری آمدند.", "سپس رفتند."]);
//! let t = tokens(n.as_str()).nth(4).unwrap();
//! assert_eq!((t.text, t.kind), ("تجاری", TokenKind::Word));
//! assert_eq!(&raw[n.original_range(t.range())], "تجاري");
//! ```
//!
//! # Quotes
//!
//! [`QuoteDetector::article`] finds reported speech in a news article (its units in reading
//! order): who said it, the reporting verb, and what was said, with pronouns (`وی`) resolved
//! to the speaker named before them. [`quotes`] does one paragraph.
//!
//! ```
//! use persian_text::{QuoteDetector, QuoteKind};
//!
//! let article = [
//!     "دکتر اسدالله عباسی شامگاه جمعه گفت : روابط با روسیه دیرینه است.",
//!     "وی افزود: این آمادگی وجود دارد.",
//! ];
//! let found = QuoteDetector::new().article(&article);
//! let q = &found[1][0];
//! assert_eq!((q.kind, q.cue.unwrap().text), (QuoteKind::Colon, "افزود"));
//! assert_eq!(q.resolved.unwrap().1.text, "دکتر اسدالله عباسی");
//! ```
//!
//! # Numbers and dates
//!
//! ```
//! use persian_text::{number_to_words, words_to_number, add_ordinal, numbers, dates, Date};
//!
//! assert_eq!(number_to_words(1402), "هزار و چهارصد و دو");
//! assert_eq!(words_to_number("دوازده هزار بیست دو").unwrap().as_i64(), Some(12_022));
//! assert_eq!(add_ordinal("سی").unwrap(), "سی\u{200C}ام");
//! let n = numbers("حجم گردش کالا ۱۶ میلیون تن است").next().unwrap();
//! assert_eq!((n.text, n.value.as_i64()), ("۱۶ میلیون", Some(16_000_000)));
//! let d = dates("جمعه ۱۸ فروردین ماه ۱۴۰۲").next().unwrap();
//! assert_eq!(d.date.to_gregorian(), Some(Date::new(2023, 4, 7)));
//! ```

mod blocks;
mod chars;
mod digits;
mod halfspace;
pub mod normalize;
mod numbers;
mod offsets;
mod quotes;
mod sentences;
mod shapes;
mod tokens;

pub use chars::ZWNJ;
pub use digits::{DigitConverter, Digits, Scope, convert_digits};
pub use halfspace::{HalfSpace, HalfSpaceWords, Spacing, WordListError, clear_thread_cache};
pub use normalize::{
    Diacritics, DigitPolicy, Letters, Normalizer, NormalizerBuilder, Rule, normalize,
    normalize_with_offsets,
};
pub use numbers::{
    Calendar, Date, Error, FoundDate, FoundNumber, Number, NumberKind, add_commas, add_ordinal,
    dates, decimal_to_words, number_to_words, numbers, remove_commas, remove_ordinal,
    words_to_number,
};
pub use offsets::{Edit, Normalized};
pub use quotes::{Quote, QuoteDetector, QuoteKind, Span, quotes};
pub use sentences::{Sentence, SentenceSplitter, Sentences, sentences};
pub use tokens::{Token, TokenKind, Tokenizer, Tokens, tokens};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Normalizer>();
        check::<NormalizerBuilder>();
        check::<Normalized<'_>>();
        check::<Edit<'_>>();
        check::<DigitConverter>();
        check::<Rule>();
    }
}
