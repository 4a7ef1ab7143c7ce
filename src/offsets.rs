//! Output text with a map back to the input, and the log of edits that made it.
//!
//! The normalizer reports its work as a sequence of edits (input range, replacement, rule) in
//! input order; everything between two edits is copied unchanged. A [`Sink`] receives them:
//! [`CowSink`] builds the output only once the first edit arrives (so clean text is returned
//! borrowed), [`OffsetSink`] also keeps the edits, which is all that offset mapping needs.

use std::borrow::Cow;
use std::ops::Range;

use crate::Rule;

/// Receives the normalizer's edits, in input order, non-overlapping.
pub(crate) trait Sink {
    /// `text[range]` is replaced by `with` because of `rule`.
    fn edit(&mut self, text: &str, range: Range<usize>, with: &str, rule: Rule);

    /// Like [`Sink::edit`], with the lexicon entry or stem that supports the edit.
    fn edit_with(
        &mut self,
        text: &str,
        range: Range<usize>,
        with: &str,
        rule: Rule,
        evidence: Option<&'static str>,
    ) {
        let _ = evidence;
        self.edit(text, range, with, rule);
    }
}

/// Builds the output lazily: nothing is allocated until the first real edit.
#[derive(Default)]
pub(crate) struct CowSink {
    out: Option<String>,
    copied: usize,
}

impl Sink for CowSink {
    #[inline]
    fn edit(&mut self, text: &str, range: Range<usize>, with: &str, _rule: Rule) {
        debug_assert!(self.copied <= range.start, "edits arrive in order");
        if with == &text[range.clone()] {
            return;
        }
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(text.len() + text.len() / 16 + 8));
        out.push_str(&text[self.copied..range.start]);
        out.push_str(with);
        self.copied = range.end;
    }
}

impl CowSink {
    pub(crate) fn finish(self, text: &str) -> Cow<'_, str> {
        match self.out {
            None => Cow::Borrowed(text),
            Some(mut out) => {
                out.push_str(&text[self.copied..]);
                Cow::Owned(out)
            }
        }
    }
}

/// One stored edit: where it is in the input and in the output.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RawEdit {
    rule: Rule,
    input: Range<usize>,
    output: Range<usize>,
    evidence: Option<&'static str>,
}

/// Builds the output and keeps every edit.
#[derive(Default)]
pub(crate) struct OffsetSink {
    out: CowSink,
    out_len: usize,
    edits: Vec<RawEdit>,
}

impl Sink for OffsetSink {
    fn edit(&mut self, text: &str, range: Range<usize>, with: &str, rule: Rule) {
        self.edit_with(text, range, with, rule, None);
    }

    fn edit_with(
        &mut self,
        text: &str,
        range: Range<usize>,
        with: &str,
        rule: Rule,
        evidence: Option<&'static str>,
    ) {
        if with == &text[range.clone()] {
            return;
        }
        let start = self.out_len + (range.start - self.out.copied);
        self.out_len = start + with.len();
        self.edits.push(RawEdit {
            rule,
            input: range.clone(),
            output: start..self.out_len,
            evidence,
        });
        self.out.edit(text, range, with, rule);
    }
}

impl OffsetSink {
    pub(crate) fn finish(self, text: &str) -> Normalized<'_> {
        Normalized {
            input: text,
            output: self.out.finish(text),
            edits: self.edits,
        }
    }
}

/// Normalized text that remembers where it came from: the output, a map from output offsets
/// back to input offsets, and every edit with its [`Rule`].
///
/// It stores only the edits (one small record per change), not a table per byte, and maps
/// offsets back with a binary search.
///
/// # Examples
///
/// ```
/// use persian_text::normalize_with_offsets;
///
/// let raw = "روسیه ، روابط";
/// let n = normalize_with_offsets(raw);
/// assert_eq!(n.as_str(), "روسیه، روابط");
/// let word = n.as_str().find("روابط").unwrap();
/// assert_eq!(&raw[n.original_range(word..n.as_str().len())], "روابط");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized<'a> {
    input: &'a str,
    output: Cow<'a, str>,
    edits: Vec<RawEdit>,
}

/// One change the normalizer made: `input[range]` became `replacement`, because of `rule`.
/// An insertion has an empty `range`, a deletion an empty `replacement`.
///
/// # Examples
///
/// ```
/// use persian_text::{normalize_with_offsets, Rule};
///
/// let n = normalize_with_offsets("گفت :");
/// let e = n.edits().next().unwrap();
/// assert_eq!((e.rule, e.range.clone(), e.replacement), (Rule::PunctuationSpacing, 6..7, ""));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Edit<'a> {
    /// Why the change was made.
    pub rule: Rule,
    /// The byte range of the input that was replaced.
    pub range: Range<usize>,
    /// What it was replaced with.
    pub replacement: &'a str,
    /// For half-space restoration, the lexicon entry or verb stem that supports the edit.
    pub evidence: Option<&'a str>,
}

impl<'a> Normalized<'a> {
    /// The normalized text.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(persian_text::normalize_with_offsets("علي").as_str(), "علی");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.output
    }

    /// The text that was normalized.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(persian_text::normalize_with_offsets("علي").input(), "علي");
    /// ```
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// The normalized text, borrowed from the input when nothing changed.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::borrow::Cow;
    ///
    /// let n = persian_text::normalize_with_offsets("سلام");
    /// assert!(matches!(n.into_cow(), Cow::Borrowed("سلام")));
    /// ```
    pub fn into_cow(self) -> Cow<'a, str> {
        self.output
    }

    /// Did the normalizer change anything?
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(!persian_text::normalize_with_offsets("سلام").is_changed());
    /// assert!(persian_text::normalize_with_offsets("سلام ").is_changed());
    /// ```
    pub fn is_changed(&self) -> bool {
        !self.edits.is_empty()
    }

    /// Every edit, in input order. Applying them to the input gives the output.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::{normalize_with_offsets, HalfSpace, Rule};
    ///
    /// let n = normalize_with_offsets("كتاب ها  ؟");
    /// assert_eq!(n.as_str(), "کتاب\u{200C}ها؟");
    /// let summary: Vec<(Rule, &str)> = n.edits().map(|e| (e.rule, e.replacement)).collect();
    /// assert_eq!(
    ///     summary,
    ///     [
    ///         (Rule::Letters, "ک"),
    ///         (Rule::HalfSpace(HalfSpace::Plural), "\u{200C}"),
    ///         (Rule::PunctuationSpacing, ""),
    ///     ]
    /// );
    /// ```
    pub fn edits(&self) -> impl ExactSizeIterator<Item = Edit<'_>> + '_ {
        self.edits.iter().map(|e| Edit {
            rule: e.rule,
            range: e.input.clone(),
            replacement: &self.output[e.output.clone()],
            evidence: e.evidence,
        })
    }

    /// Maps a byte range of the output to the byte range of the input it came from.
    ///
    /// The result is in bounds and on char boundaries of the input, and the map is monotonic:
    /// a later output range never maps before an earlier one. A range that touches part of an
    /// edit's replacement maps to the whole of that edit's input; text the normalizer deleted
    /// at the edge of the range is not included. An out-of-bounds range is clamped to the
    /// output's length.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::normalize_with_offsets;
    ///
    /// let raw = "ﻻ  علي";
    /// let n = normalize_with_offsets(raw);
    /// assert_eq!(n.as_str(), "لا علی");
    /// assert_eq!(&raw[n.original_range(0..2)], "ﻻ"); // half of the ligature -> all of it
    /// assert_eq!(&raw[n.original_range(5..11)], "علي");
    /// ```
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let len = self.output.len();
        let end = range.end.min(len);
        let start = range.start.min(end);
        let start = self.map_start(floor_boundary(&self.output, start));
        let end = self.map_end(ceil_boundary(&self.output, end));
        start..end.max(start)
    }

    /// The input offset where the output text starting at `at` came from.
    fn map_start(&self, at: usize) -> usize {
        if at >= self.output.len() {
            return self.input.len();
        }
        let i = self.edits.partition_point(|e| e.output.end <= at);
        if let Some(e) = self.edits.get(i).filter(|e| e.output.start <= at) {
            return e.input.start;
        }
        self.shift_after(i, at)
    }

    /// The input offset where the output text ending at `at` came from.
    fn map_end(&self, at: usize) -> usize {
        if at == 0 {
            return 0;
        }
        // Edits ending before `at`, and non-empty ones ending exactly at it; a deletion at
        // `at` stays outside the range.
        let i = self
            .edits
            .partition_point(|e| e.output.end < at || (e.output.end == at && e.output.start < at));
        if let Some(e) = self.edits.get(i).filter(|e| e.output.start < at) {
            return e.input.end;
        }
        self.shift_after(i, at)
    }

    /// Maps `at`, which lies in copied text after edit `i - 1`, by that edit's shift.
    fn shift_after(&self, i: usize, at: usize) -> usize {
        match i.checked_sub(1).map(|k| &self.edits[k]) {
            None => at,
            Some(e) => e.input.end + (at - e.output.end),
        }
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, edits: &[(Range<usize>, &str)]) -> Normalized<'static> {
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        let mut sink = OffsetSink::default();
        for (r, with) in edits {
            sink.edit(text, r.clone(), with, Rule::Whitespace);
        }
        sink.finish(text)
    }

    #[test]
    fn maps_through_insertions_deletions_and_replacements() {
        // "ab cd" -> "abXcd" (replace), then delete "d", insert "!" at the end.
        let n = run("ab cd", &[(2..3, "X"), (4..5, ""), (5..5, "!")]);
        assert_eq!(n.as_str(), "abXc!");
        let cases = [
            (0..2, 0..2), // "ab"
            (2..3, 2..3), // "X" <- " "
            (3..4, 3..4), // "c"; the deleted "d" is not included
            (4..5, 5..5), // "!" <- insertion point after "d"
            (0..5, 0..5),
            (3..3, 3..3),
        ];
        for (out, want) in cases {
            assert_eq!(n.original_range(out.clone()), want, "{out:?}");
        }
    }

    #[test]
    fn identity_edits_are_dropped() {
        let n = run("ab", &[(0..1, "a")]);
        assert!(!n.is_changed());
        assert!(matches!(n.into_cow(), Cow::Borrowed(_)));
    }
}
