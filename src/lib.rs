//! Fast, careful Persian (Farsi) text normalization.
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
//! # What is coming
//!
//! Half-space (ZWNJ) restoration (`میشود` → `می‌شود`), sentence and word segmentation,
//! quote detection and number words are tracked as issues and will plug into this pipeline.

mod chars;
mod digits;
mod halfspace;
pub mod normalize;
mod offsets;
mod sentences;
mod tokens;

pub use chars::ZWNJ;
pub use digits::{DigitConverter, Digits, Scope, convert_digits};
pub use halfspace::{HalfSpace, Spacing};
pub use normalize::{
    Diacritics, DigitPolicy, Letters, Normalizer, NormalizerBuilder, Rule, normalize,
    normalize_with_offsets,
};
pub use offsets::{Edit, Normalized};
pub use sentences::{Sentence, SentenceSplitter, Sentences, sentences};
pub use tokens::{Token, TokenKind, Tokens, tokens};

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
