//! Words the user adds to half-space restoration, or keeps away from it.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::HalfSpace;
use crate::ZWNJ;
use crate::chars::{after_last_zwnj, is_arabic_letter, joins_forward};
use crate::normalize::letters::persian_letters;

use super::{Decision, Join};

/// The user's own entries for half-space restoration: spellings with a ZWNJ to restore
/// (`خوش‌نویس`, `عبدالله‌بن‌زبیر`) and words or word pairs never to change (`میراث فرهنگی`
/// stays two words, `فرهنگی` stays whole). They take precedence over the built-in lexicon and
/// show in the edit log as [`HalfSpace::User`].
///
/// A normalizer borrows the list for `'static`: build it once, in a `static` or leaked, and
/// share it across threads.
///
/// # Examples
///
/// ```
/// use std::sync::LazyLock;
/// use persian_text::{HalfSpaceWords, Normalizer};
///
/// static WORDS: LazyLock<HalfSpaceWords> = LazyLock::new(|| {
///     HalfSpaceWords::new()
///         .spelling("خوش\u{200C}نویس")
///         .unwrap()
///         .keep("میراث فرهنگی")
///         .unwrap()
/// });
/// let n = Normalizer::builder().half_space_words(&WORDS).build();
/// assert_eq!(n.normalize("روز خوش نویس"), "روز خوش\u{200C}نویس");
/// assert_eq!(n.normalize("سازمان میراث فرهنگی"), "سازمان میراث فرهنگی");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HalfSpaceWords {
    /// For each added spelling, each prefix that ends at a part (`عبدالله`, `عبدالله‌بن`), the
    /// part that may follow it (`بن`, `زبیر`) and the whole spelling: looked up without
    /// building a string.
    joins: HashMap<String, HashMap<String, String>>,
    /// Added spellings by their fused form: `خوشنویس` → `خوش‌نویس`.
    fused: HashMap<String, String>,
    /// Words never joined to the next: `میراث` → {`فرهنگی`}.
    vetoed: HashMap<String, HashSet<String>>,
    /// Words never split.
    kept: HashSet<String>,
}

/// Why [`HalfSpaceWords::spelling`] or [`HalfSpaceWords::keep`] rejected an entry.
///
/// # Examples
///
/// ```
/// let err = persian_text::HalfSpaceWords::new().spelling("کتاب").unwrap_err();
/// assert!(err.to_string().contains("ZWNJ"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordListError {
    entry: String,
    reason: &'static str,
}

impl fmt::Display for WordListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.entry, self.reason)
    }
}

impl std::error::Error for WordListError {}

impl HalfSpaceWords {
    /// An empty list.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(persian_text::HalfSpaceWords::new(), Default::default());
    /// ```
    pub fn new() -> HalfSpaceWords {
        HalfSpaceWords::default()
    }

    /// Adds a spelling with ZWNJs between Arabic letters, each after a letter that joins
    /// (`خوش‌نویس`, not `کتابها` or `کشور‌ها`): written with spaces (`خوش نویس`) or fused
    /// (`خوشنویس`), its parts are joined with ZWNJs.
    ///
    /// # Errors
    ///
    /// When the spelling has no ZWNJ, has whitespace, or has a ZWNJ at an edge, after a
    /// letter that does not join, or next to anything but an Arabic letter.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::HalfSpaceWords;
    ///
    /// assert!(HalfSpaceWords::new().spelling("نخست\u{200C}وزیر").is_ok());
    /// assert!(HalfSpaceWords::new().spelling("کشور\u{200C}ها").is_err()); // ر does not join
    /// ```
    pub fn spelling(mut self, spelling: &str) -> Result<HalfSpaceWords, WordListError> {
        let err = |reason| WordListError {
            entry: spelling.to_owned(),
            reason,
        };
        let spelling = persian_letters(spelling);
        if !spelling.contains(ZWNJ) {
            return Err(err("no ZWNJ: add spellings written with one"));
        }
        let parts: Vec<&str> = spelling.split(ZWNJ).collect();
        for pair in parts.windows(2) {
            let (left, right) = (pair[0], pair[1]);
            let last = left.chars().next_back();
            let first = right.chars().next();
            if last.is_none() || first.is_none() {
                return Err(err("a ZWNJ at an edge or doubled"));
            }
            if !last.is_some_and(joins_forward) || !first.is_some_and(is_arabic_letter) {
                return Err(err(
                    "each ZWNJ must follow a letter that joins and precede an Arabic letter",
                ));
            }
        }
        if !parts.iter().all(|p| p.chars().all(is_arabic_letter)) {
            return Err(err("only Arabic letters and ZWNJs"));
        }
        for k in 1..parts.len() {
            self.joins
                .entry(parts[..k].join("\u{200C}"))
                .or_default()
                .insert(parts[k].to_owned(), spelling.clone());
        }
        self.fused.insert(parts.concat(), spelling.clone());
        Ok(self)
    }

    /// Keeps `words` as they are: two words (`میراث فرهنگی`) are never joined, one word
    /// (`فرهنگی`) is never split.
    ///
    /// # Errors
    ///
    /// When `words` is empty, has a ZWNJ, or has anything but Arabic letters and single spaces.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::{HalfSpaceWords, Normalizer};
    ///
    /// let words: &'static HalfSpaceWords =
    ///     Box::leak(Box::new(HalfSpaceWords::new().keep("بی بی").unwrap()));
    /// let n = Normalizer::builder().half_space_words(words).build();
    /// assert_eq!(n.normalize("بی بی"), "بی بی");
    /// ```
    pub fn keep(mut self, words: &str) -> Result<HalfSpaceWords, WordListError> {
        let err = |reason| WordListError {
            entry: words.to_owned(),
            reason,
        };
        let words = persian_letters(words);
        let parts: Vec<&str> = words.split(' ').collect();
        let letters = |p: &&str| !p.is_empty() && p.chars().all(is_arabic_letter);
        if !parts.iter().all(letters) {
            return Err(err("only Arabic letters and single spaces, no ZWNJ"));
        }
        match parts[..] {
            [word] => {
                self.kept.insert(word.to_owned());
            }
            _ => {
                for pair in parts.windows(2) {
                    self.vetoed
                        .entry(pair[0].to_owned())
                        .or_default()
                        .insert(pair[1].to_owned());
                }
            }
        }
        Ok(self)
    }

    /// Is `w` (fused, letters normalized) to be split or kept whole by the user's list?
    pub(crate) fn knows_fused(&self, w: &str) -> bool {
        self.kept.contains(w) || self.fused.contains_key(w)
    }

    /// The user's decision for the fused word `w`: `Some(None)` to keep it, `Some(Some(..))`
    /// to split it at the ZWNJs of the user's spelling, `None` to leave it to the lexicon.
    pub(crate) fn split(&'static self, w: &str) -> Option<Option<(Vec<usize>, Decision)>> {
        if self.kept.contains(w) {
            return Some(None);
        }
        let spelling = self.fused.get(w)?;
        let mut offsets = Vec::new();
        let mut removed = 0;
        for (p, z) in spelling.match_indices(ZWNJ) {
            offsets.push(p - removed);
            removed += z.len();
        }
        let decision = Decision::new(HalfSpace::User, spelling);
        Some(Some((offsets, decision)))
    }

    /// Might the user's list decide the pair `left`, `right` (`left` as written so far, with
    /// its ZWNJs)?
    pub(crate) fn knows_pair(&self, left: &str, right: &str) -> bool {
        self.decide_pair(left, right).is_some()
    }

    /// The user's decision for the space between `left` and `right`: `Some(None)` to keep it,
    /// `Some(Some(..))` to join the words, `None` to leave it to the lexicon.
    pub(crate) fn join(&'static self, left: &str, right: &str) -> Option<Option<(Join, Decision)>> {
        self.decide_pair(left, right).map(|spelling| {
            let spelling = spelling?;
            Some((Join::Zwnj, Decision::new(HalfSpace::User, spelling)))
        })
    }

    fn decide_pair(&self, left: &str, right: &str) -> Option<Option<&str>> {
        let last = after_last_zwnj(left).unwrap_or(left);
        if self
            .vetoed
            .get(last)
            .is_some_and(|rights| rights.contains(right))
        {
            return Some(None);
        }
        let spelling = self.joins.get(left)?.get(right)?;
        Some(Some(spelling.as_str()))
    }
}

/// The user's list as a normalizer holds it: compared and hashed by identity, so that
/// [`crate::Normalizer`] stays `Copy`, `Eq` and `Hash`.
#[derive(Clone, Copy)]
pub(crate) struct UserWords(pub(crate) &'static HalfSpaceWords);

impl PartialEq for UserWords {
    fn eq(&self, other: &UserWords) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for UserWords {}

impl std::hash::Hash for UserWords {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        std::ptr::hash(self.0, h);
    }
}

impl fmt::Debug for UserWords {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "HalfSpaceWords({} added, {} kept)",
            self.0.fused.len(),
            self.0.kept.len() + self.0.vetoed.values().map(HashSet::len).sum::<usize>()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_is_no_half_spaced_spelling() {
        for bad in [
            "کتاب",
            "\u{200C}کتاب",
            "کتاب\u{200C}",
            "کشور\u{200C}ها",
            "a\u{200C}b",
            "سه\u{200C}\u{200C}شنبه",
            "سه \u{200C}شنبه",
        ] {
            assert!(HalfSpaceWords::new().spelling(bad).is_err(), "{bad:?}");
        }
        for bad in ["", "میراث  فرهنگی", "میراث\u{200C}فرهنگی", "abc", " میراث"]
        {
            assert!(HalfSpaceWords::new().keep(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn decisions() {
        let w: &'static HalfSpaceWords = Box::leak(Box::new(
            HalfSpaceWords::new()
                .spelling("عبدالله\u{200C}بن\u{200C}زبیر")
                .unwrap()
                .spelling("خوش\u{200C}نویس")
                .unwrap()
                .keep("میراث فرهنگی")
                .unwrap()
                .keep("تنها")
                .unwrap(),
        ));
        assert_eq!(w.split("خوشنویس").unwrap().unwrap().0, ["خوش".len()]);
        assert_eq!(w.split("تنها"), Some(None));
        assert_eq!(w.split("کتابها"), None);
        assert!(w.join("عبدالله", "بن").unwrap().is_some());
        assert!(w.join("عبدالله\u{200C}بن", "زبیر").unwrap().is_some());
        assert_eq!(w.join("میراث", "فرهنگی"), Some(None));
        assert_eq!(w.join("سه", "کتاب"), None);
        // Arabic letter forms are folded like the text's.
        let k: &'static HalfSpaceWords = Box::leak(Box::new(
            HalfSpaceWords::new().spelling("يك\u{200C}شنبه").unwrap(),
        ));
        assert!(k.knows_fused("یکشنبه"));
    }
}
