//! The normalizer: one pass over the text, each step a small function called in a fixed order.
//!
//! # The steps, in order
//!
//! Every input character goes through these steps, in this order, inside one loop
//! (`engine/`); each can be switched off in the [`NormalizerBuilder`].
//!
//! 1. **Controls** (`controls.rs`): bidi marks, zero-width characters other than ZWNJ, and the
//!    BOM are removed; a soft hyphen, RLM, LRM or `¬` typed between two Persian letters becomes a
//!    ZWNJ. First, so that no later step sees an invisible character between two letters.
//! 2. **Protected spans** (`protect.rs`): URLs, emails, domains, mentions, hashtags, markdown
//!    links and emoticons are copied untouched. Before the letter and punctuation steps, which
//!    would break them.
//! 3. **Letters** (`letters.rs`): presentation forms and ligatures are expanded, Arabic forms
//!    become Persian (`ي ى` → `ی`, `ك` → `ک`). Before ZWNJ cleaning and spacing, which ask
//!    whether a letter joins the next one.
//! 4. **Digits**: Arabic-Indic digits become Persian digits (or all digits one script).
//! 5. **Kashida and diacritics** (`diacritics.rs`): tatweel and short vowels are removed.
//!    After the letters step, because presentation forms decompose into letters and marks.
//! 6. **Punctuation** (`,` `;` `?` → `،` `؛` `؟` in Persian context, `"…"` → `«…»`, `...` →
//!    `…`, `%` after Persian digits → `٪`). Before spacing, which depends on the final mark.
//! 7. **ZWNJ cleaning**: runs collapsed; a ZWNJ survives only between a letter that joins
//!    forward and another letter.
//! 8. **Half-space restoration** (`restore.rs`; the rules and the lexicon are in
//!    `src/halfspace/`): ZWNJs put back where they were lost (`میشود` → `می‌شود`) or typed
//!    as spaces (`برچسب ها` → `برچسب‌ها`), as much as [`Spacing`] says. After the letters are
//!    final, which it reads as the lexicon spells them, and before the whitespace step
//!    decides which spaces remain.
//! 9. **Whitespace and punctuation spacing**: Unicode spaces become one space, runs collapse,
//!    lines are trimmed; no space before `، ؛ : . ! ؟ ) ] » …`, one after; no space inside
//!    `( [ «`; a space between digits and the Persian word after them. Last, because it
//!    needs the final characters on both sides of each gap.
//!
//! Line breaks are kept: the output has exactly as many lines as the input.

mod controls;
pub(crate) use controls::is_removable_control;
mod diacritics;
pub(crate) mod engine;
pub(crate) mod letters;
#[rustfmt::skip]
mod presentation;
mod line_evidence;
pub(crate) mod protect;
mod punctuation;
mod restore;

use std::borrow::Cow;

use crate::Digits;
use crate::halfspace::{HalfSpace, HalfSpaceWords, Spacing, UserWords};
use crate::offsets::{CowSink, Normalized, OffsetSink};

/// Normalizes `text` with the default settings. See [`Normalizer`] to change them.
///
/// Returns `Cow::Borrowed(text)` when the text is already normal, so a clean corpus costs no
/// allocation.
///
/// # Examples
///
/// ```
/// use persian_text::normalize;
///
/// assert_eq!(normalize("روسیه ، روابط"), "روسیه، روابط");
/// assert_eq!(normalize("گفت : سلام"), "گفت: سلام");
/// assert_eq!(normalize("علي كتاب"), "علی کتاب");
/// assert!(matches!(normalize("سلام دنیا"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize(text: &str) -> Cow<'_, str> {
    DEFAULT.normalize(text)
}

/// Normalizes `text` with the default settings and keeps a map from the output back to the
/// input, and a log of every edit with the rule that made it.
///
/// # Examples
///
/// ```
/// use persian_text::{normalize_with_offsets, Rule};
///
/// let raw = "گفت : علي";
/// let n = normalize_with_offsets(raw);
/// assert_eq!(n.as_str(), "گفت: علی");
/// let rules: Vec<Rule> = n.edits().map(|e| e.rule).collect();
/// assert_eq!(rules, [Rule::PunctuationSpacing, Rule::Letters]);
/// // "علی" in the output came from "علي" in the input.
/// let at = n.as_str().find("علی").unwrap();
/// assert_eq!(&raw[n.original_range(at..n.as_str().len())], "علي");
/// ```
pub fn normalize_with_offsets(text: &str) -> Normalized<'_> {
    DEFAULT.normalize_with_offsets(text)
}

static DEFAULT: Normalizer = Normalizer::new();

/// Why the normalizer changed a piece of text: the step that made an edit.
///
/// # Examples
///
/// ```
/// use persian_text::{normalize_with_offsets, Rule};
///
/// let n = normalize_with_offsets("كتاب\u{200E}");
/// let rules: Vec<Rule> = n.edits().map(|e| e.rule).collect();
/// assert_eq!(rules, [Rule::Letters, Rule::Controls]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rule {
    /// An invisible control (bidi mark, zero-width character, BOM) was removed.
    Controls,
    /// A soft hyphen, RLM, LRM or `¬` typed as a half-space between letters became a ZWNJ.
    HalfSpaceMark,
    /// A ZWNJ was removed: doubled, next to a space or punctuation, at a word edge, or after a
    /// letter that does not join forward.
    Zwnj,
    /// An Arabic or Urdu letter form became the Persian letter (`ي` → `ی`, `ك` → `ک`).
    Letters,
    /// A presentation form or ligature became its base letters (`ﻻ` → `لا`).
    PresentationForms,
    /// A digit changed script (`٤` → `۴`).
    Digits,
    /// A kashida (tatweel, U+0640) was removed.
    Kashida,
    /// A diacritic was removed, or a doubled one collapsed.
    Diacritics,
    /// Whitespace was unified to one space, collapsed, or trimmed at a line edge.
    Whitespace,
    /// A space was removed before or inside punctuation, or added after it.
    PunctuationSpacing,
    /// A space was added between a number and the word after it (`۹متر` → `۹ متر`).
    DigitSpacing,
    /// Half-space restoration put a ZWNJ into a fused word, or turned the space inside a
    /// word into a ZWNJ (or removed it); the [`HalfSpace`] says why, the edit's evidence which
    /// lexicon entry or verb stem supports it.
    HalfSpace(HalfSpace),
    /// Latin punctuation became Persian in Persian context (`,` → `،`, `"…"` → `«…»`,
    /// `...` → `…`, `%` → `٪`).
    Punctuation,
}

/// How the letters step treats Arabic-script letter variants.
///
/// # Examples
///
/// ```
/// use persian_text::{Letters, Normalizer};
///
/// let fold = Normalizer::builder().letters(Letters::Fold).build();
/// assert_eq!(fold.normalize("مسئله خانۀ"), "مسیله خانه");
/// let keep = Normalizer::builder().letters(Letters::Keep).build();
/// assert_eq!(keep.normalize("علي"), "علي");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Letters {
    /// Leave letters as written (presentation forms are still expanded).
    Keep,
    /// Standard Persian letters: Arabic and Urdu look-alikes become Persian (`ي ى` → `ی`,
    /// `ك` → `ک`, `ە` → `ه`); `ۀ ة أ ؤ ئ ء` are Persian letters and stay.
    #[default]
    Persian,
    /// For search keys: also `ۀ ة` → `ه`, `أ إ` → `ا`, `ؤ` → `و`, `ئ` → `ی`.
    Fold,
}

/// What the normalizer does with digits.
///
/// # Examples
///
/// ```
/// use persian_text::{DigitPolicy, Digits, Normalizer};
///
/// let latin = Normalizer::builder().digits(DigitPolicy::To(Digits::Latin)).build();
/// assert_eq!(latin.normalize("سال ۱۴۰۲"), "سال 1402");
/// let persian = Normalizer::builder().digits(DigitPolicy::To(Digits::Persian)).build();
/// assert_eq!(persian.normalize("سال 1402 و H2O"), "سال ۱۴۰۲ و H2O");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum DigitPolicy {
    /// Leave every digit as written.
    Keep,
    /// Arabic-Indic digits become Persian digits (the same digits in another shape); ASCII and
    /// Persian digits stay as written.
    #[default]
    Unify,
    /// Every digit becomes this script. Towards Persian or Arabic-Indic, digits in Latin words
    /// and identifiers (`H2O`, `ATM74`) stay ASCII.
    To(Digits),
}

/// Which diacritics (harakat) the normalizer removes.
///
/// # Examples
///
/// ```
/// use persian_text::{Diacritics, Normalizer};
///
/// assert_eq!(persian_text::normalize("کِتاب اصلاً"), "کتاب اصلاً");
/// let all = Normalizer::builder().diacritics(Diacritics::RemoveAll).build();
/// assert_eq!(all.normalize("کِتاب اصلاً"), "کتاب اصلا");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Diacritics {
    /// Keep every mark.
    Keep,
    /// Remove short vowels (fatha, damma, kasra), sukun, shadda and superscript alef; keep
    /// tanwin (`اصلاً`); collapse a doubled mark.
    #[default]
    Standard,
    /// Remove every Arabic mark, tanwin and Quranic signs included (hamza above or below and
    /// maddah are parts of letters and stay).
    RemoveAll,
}

/// A reusable normalizer. Build one with [`Normalizer::builder`], or use [`normalize`] for the
/// defaults. It is cheap to copy and `Send + Sync`: build once, share across threads.
///
/// # Examples
///
/// ```
/// use persian_text::{Diacritics, Normalizer};
///
/// let n = Normalizer::builder().diacritics(Diacritics::Keep).build();
/// assert_eq!(n.normalize("کِتاب ، قلم"), "کِتاب، قلم");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Normalizer {
    pub(crate) letters: Letters,
    pub(crate) digits: DigitPolicy,
    pub(crate) diacritics: Diacritics,
    pub(crate) controls: bool,
    pub(crate) kashida: bool,
    pub(crate) zwnj: bool,
    pub(crate) protect: bool,
    pub(crate) whitespace: bool,
    pub(crate) punctuation_spacing: bool,
    pub(crate) punctuation: bool,
    pub(crate) digit_spacing: bool,
    pub(crate) spacing: Spacing,
    pub(crate) user_words: Option<UserWords>,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

impl Normalizer {
    /// The default normalizer: every step on, with the defaults of each option.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::Normalizer;
    ///
    /// static N: Normalizer = Normalizer::new(); // a const fn: no lazy initialization
    /// assert_eq!(N.normalize("سلام  دنیا"), "سلام دنیا");
    /// ```
    pub const fn new() -> Normalizer {
        Normalizer {
            letters: Letters::Persian,
            digits: DigitPolicy::Unify,
            diacritics: Diacritics::Standard,
            controls: true,
            kashida: true,
            zwnj: true,
            protect: true,
            whitespace: true,
            punctuation_spacing: true,
            punctuation: true,
            digit_spacing: true,
            spacing: Spacing::Standard,
            user_words: None,
        }
    }

    /// A builder starting from the defaults.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::Normalizer;
    ///
    /// let n = Normalizer::builder().whitespace(false).build();
    /// assert_eq!(n.normalize("سلام  دنیا"), "سلام  دنیا");
    /// ```
    pub const fn builder() -> NormalizerBuilder {
        NormalizerBuilder(Normalizer::new())
    }

    /// Normalizes `text`. Returns `Cow::Borrowed(text)` when nothing changes.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::Normalizer;
    ///
    /// let n = Normalizer::new();
    /// assert_eq!(n.normalize("آماده‌ای ؟"), "آماده‌ای؟");
    /// ```
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut sink = CowSink::default();
        engine::run(self, text, &mut sink);
        sink.finish(text)
    }

    /// Normalizes `text`, keeping a map back to the input and the log of edits. See
    /// [`Normalized`].
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::Normalizer;
    ///
    /// let raw = "سلام  ،دنیا";
    /// let n = Normalizer::new().normalize_with_offsets(raw);
    /// assert_eq!(n.as_str(), "سلام، دنیا");
    /// assert_eq!(n.edits().count(), 2);
    /// ```
    pub fn normalize_with_offsets<'a>(&self, text: &'a str) -> Normalized<'a> {
        let mut sink = OffsetSink::default();
        engine::run(self, text, &mut sink);
        sink.finish(text)
    }
}

/// Builds a [`Normalizer`]. Every combination of options is valid, so [`build`] cannot fail.
///
/// [`build`]: NormalizerBuilder::build
///
/// # Examples
///
/// ```
/// use persian_text::{Diacritics, DigitPolicy, Digits, Normalizer};
///
/// let n = Normalizer::builder()
///     .digits(DigitPolicy::To(Digits::Persian))
///     .diacritics(Diacritics::RemoveAll)
///     .build();
/// assert_eq!(n.normalize("سال 1402"), "سال ۱۴۰۲");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NormalizerBuilder(Normalizer);

macro_rules! switch {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub const fn $name(mut self, on: bool) -> NormalizerBuilder {
            self.0.$name = on;
            self
        }
    };
}

impl NormalizerBuilder {
    /// How Arabic-script letter variants are treated (default [`Letters::Persian`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::{Letters, Normalizer};
    ///
    /// let n = Normalizer::builder().letters(Letters::Keep).build();
    /// assert_eq!(n.normalize("ك"), "ك");
    /// ```
    pub const fn letters(mut self, letters: Letters) -> NormalizerBuilder {
        self.0.letters = letters;
        self
    }

    /// What happens to digits (default [`DigitPolicy::Unify`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::{DigitPolicy, Normalizer};
    ///
    /// let n = Normalizer::builder().digits(DigitPolicy::Keep).build();
    /// assert_eq!(n.normalize("٤"), "٤");
    /// assert_eq!(persian_text::normalize("٤"), "۴");
    /// ```
    pub const fn digits(mut self, digits: DigitPolicy) -> NormalizerBuilder {
        self.0.digits = digits;
        self
    }

    /// Which diacritics are removed (default [`Diacritics::Standard`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::{Diacritics, Normalizer};
    ///
    /// let n = Normalizer::builder().diacritics(Diacritics::Keep).build();
    /// assert_eq!(n.normalize("کِتاب"), "کِتاب");
    /// ```
    pub const fn diacritics(mut self, diacritics: Diacritics) -> NormalizerBuilder {
        self.0.diacritics = diacritics;
        self
    }

    /// How much half-space (ZWNJ) restoration to do (default [`Spacing::Standard`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::{Normalizer, Spacing};
    ///
    /// let n = Normalizer::builder().spacing(Spacing::Off).build();
    /// assert_eq!(n.normalize("برچسب ها"), "برچسب ها");
    /// assert_eq!(persian_text::normalize("برچسب ها"), "برچسب\u{200C}ها");
    /// ```
    pub const fn spacing(mut self, spacing: Spacing) -> NormalizerBuilder {
        self.0.spacing = spacing;
        self
    }

    /// The user's own half-space entries, which take precedence over the built-in lexicon:
    /// spellings to restore and words to keep (see [`HalfSpaceWords`]). Borrowed for
    /// `'static`, so that the normalizer stays cheap to copy.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::sync::LazyLock;
    /// use persian_text::{HalfSpace, HalfSpaceWords, Normalizer, Rule};
    ///
    /// static WORDS: LazyLock<HalfSpaceWords> =
    ///     LazyLock::new(|| HalfSpaceWords::new().spelling("نخست\u{200C}وزیر").unwrap());
    /// let n = Normalizer::builder().half_space_words(&WORDS).build();
    /// let out = n.normalize_with_offsets("نخست وزیر");
    /// assert_eq!(out.as_str(), "نخست\u{200C}وزیر");
    /// assert_eq!(out.edits().next().unwrap().rule, Rule::HalfSpace(HalfSpace::User));
    /// ```
    pub const fn half_space_words(mut self, words: &'static HalfSpaceWords) -> NormalizerBuilder {
        self.0.user_words = Some(UserWords(words));
        self
    }

    switch! {
        /// Remove invisible controls (bidi marks, ZWJ, ZWSP, BOM, ...); on by default.
        ///
        /// # Examples
        ///
        /// ```
        /// let n = persian_text::Normalizer::builder().controls(false).build();
        /// assert_eq!(n.normalize("a\u{200E}b"), "a\u{200E}b");
        /// ```
        controls
    }
    switch! {
        /// Remove kashida (tatweel, U+0640); on by default.
        ///
        /// # Examples
        ///
        /// ```
        /// assert_eq!(persian_text::normalize("سـلام"), "سلام");
        /// let n = persian_text::Normalizer::builder().kashida(false).build();
        /// assert_eq!(n.normalize("سـلام"), "سـلام");
        /// ```
        kashida
    }
    switch! {
        /// Clean ZWNJs: collapse runs, remove them where they join nothing; on by default.
        ///
        /// # Examples
        ///
        /// ```
        /// assert_eq!(persian_text::normalize("کتاب\u{200C} و"), "کتاب و");
        /// let n = persian_text::Normalizer::builder().zwnj(false).build();
        /// assert_eq!(n.normalize("کتاب\u{200C} و"), "کتاب\u{200C} و");
        /// assert_eq!(n.normalize("کتاب\u{200C} ها"), "کتاب\u{200C} ها");
        /// ```
        zwnj
    }
    switch! {
        /// Copy URLs, emails, domains, mentions, hashtags, markdown links and emoticons
        /// untouched; on by default.
        ///
        /// # Examples
        ///
        /// ```
        /// assert_eq!(persian_text::normalize("سایت example.com است"), "سایت example.com است");
        /// ```
        protect
    }
    switch! {
        /// Unify, collapse and trim whitespace; on by default.
        ///
        /// # Examples
        ///
        /// ```
        /// assert_eq!(persian_text::normalize(" سلام\u{00A0}\u{00A0}دنیا "), "سلام دنیا");
        /// ```
        whitespace
    }
    switch! {
        /// Fix the spaces around punctuation; on by default.
        ///
        /// # Examples
        ///
        /// ```
        /// assert_eq!(persian_text::normalize("( سلام )دنیا"), "(سلام) دنیا");
        /// let n = persian_text::Normalizer::builder().punctuation_spacing(false).build();
        /// assert_eq!(n.normalize("گفت :"), "گفت :");
        /// ```
        punctuation_spacing
    }
    switch! {
        /// Turn Latin punctuation Persian in Persian context (`,` → `،`, `"…"` → `«…»`,
        /// `...` → `…`, `%` after Persian digits → `٪`); on by default.
        ///
        /// # Examples
        ///
        /// ```
        /// assert_eq!(persian_text::normalize("گفت \"سلام\", بعد"), "گفت «سلام»، بعد");
        /// assert_eq!(persian_text::normalize("He said \"yes\", then"), "He said \"yes\", then");
        /// ```
        punctuation
    }
    switch! {
        /// Put a space between a number and the Persian word glued after it (`۹متر` →
        /// `۹ متر`, but `۲۰ام` stays); on by default.
        ///
        /// # Examples
        ///
        /// ```
        /// assert_eq!(persian_text::normalize("۹متر و قرن ۲۰ام"), "۹ متر و قرن ۲۰ام");
        /// ```
        digit_spacing
    }

    /// The normalizer with these settings.
    ///
    /// # Examples
    ///
    /// ```
    /// let n = persian_text::Normalizer::builder().build();
    /// assert_eq!(n, persian_text::Normalizer::new());
    /// ```
    pub const fn build(self) -> Normalizer {
        self.0
    }
}
