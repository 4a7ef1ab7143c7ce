//! Step 8: half-space restoration, the engine's side. At each word start the engine asks for
//! a plan: this reads the word (and the words after it, across single gaps of spaces) from the
//! raw input, normalizing letters on the fly, asks [`crate::halfspace`] what to do, and turns
//! the answers into positions in the input: a ZWNJ to insert before a byte, or a gap of
//! whitespace to replace. The engine applies them as it reaches them.

use super::controls::is_removable_control;
use super::engine::quiet::{Kernel, Words};
use super::engine::{keeps_zwnj, plain_letter_run};
use super::letters::{is_presentation_form, persian_form, presentation_form};
use super::line_evidence::{LineEvidence, line_around};
use super::punctuation::{is_closer, persian_mark};
use super::{Diacritics, Letters, diacritics};
use crate::chars::{
    KASHIDA, ZWNJ, ZWNJ_UTF8, has_zwnj, is_arabic_letter, is_arabic_mark, is_space, joins_forward,
};
use crate::halfspace::lexicon::hash;
use crate::halfspace::{
    Decision, HalfSpaceWords, Join, NO_EZAFE_BEFORE, Sides, Spacing, ThreadMemo, join_spaced,
    pair_candidate, pair_candidate_sides, space_may_join,
};
use std::ops::Range;

/// What to do at a planned position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// Insert a ZWNJ before the input byte `at`.
    Insert,
    /// The whitespace gap starting at `at` becomes a ZWNJ or goes.
    Join(Join),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Planned {
    pub at: usize,
    /// For an insert inside a ligature at `at` (`ﰽ` is `کی`): after how many of its letters
    /// (0: before the character at `at`).
    pub inside: u8,
    pub action: Action,
    pub decision: Decision,
}

/// A word read from the input: its letters as they will be written, and where each came from.
#[derive(Default)]
struct Word {
    text: String,
    /// Input byte offset of each char of `text`; for a letter inside a ligature, the
    /// ligature's.
    offsets: Vec<usize>,
    /// For each char of `text`, its index inside its ligature (0 for the first letter of a
    /// ligature and for every other char). Empty when `plain`.
    inside: Vec<u8>,
    /// Input byte offset just after the word (and the ZWNJs at its end).
    end: usize,
    /// Input byte offset just after the last char of `text`.
    text_end: usize,
    /// Is `text` the input's bytes from `start` (plain letters and ZWNJs only)? Then
    /// `offsets` is left empty: each char's offset is `start` plus its own.
    plain: Option<usize>,
}

impl Word {
    /// Reads the word starting at `at`: Arabic letters (Persian forms, presentation forms as
    /// the letters they stand for) and ZWNJs; marks, kashida and invisible controls, which the
    /// normalizer deletes, are skipped. So the word is read as the letters step writes it, and
    /// a second pass decides the same.
    ///
    /// A ZWNJ at the end of the word joins nothing, and the normalizer deletes it: the word
    /// is read without it (its `end` stays after it).
    fn read(&mut self, text: &str, at: usize) {
        self.text.clear();
        self.offsets.clear();
        self.inside.clear();
        // Most words are written in plain letters: the input is the word.
        if let Some(Plain {
            end,
            letters,
            forms,
        }) = word_end::<true>(text, at)
            && letters == end
        {
            if forms {
                write_persian_forms(&text[at..end], &mut self.text);
            } else {
                self.text.push_str(&text[at..end]);
            }
            self.text_end = end;
            let zwnjs = text.as_bytes()[end..]
                .chunks(3)
                .take_while(|c| *c == ZWNJ_UTF8)
                .count();
            self.end = end + zwnjs * ZWNJ_UTF8.len();
            self.plain = Some(at);
            return;
        }
        self.read_chars(text, at);
    }

    /// [`Word::read`] a character at a time: for words that are not plain.
    fn read_chars(&mut self, text: &str, at: usize) {
        self.text.clear();
        self.offsets.clear();
        self.inside.clear();
        self.plain = None;
        self.end = at;
        for (k, c) in text[at..].char_indices() {
            if is_arabic_letter(c) {
                self.text.push(persian_form(c));
                self.offsets.push(at + k);
                self.inside.push(0);
            } else if let Some(base) = presentation_letters(c) {
                // Only the first letter of a ligature has an input offset of its own; its
                // marks (`ﲐ` is ى with a superscript alef) are skipped like any other.
                for (n, b) in base.chars().filter(|&b| is_arabic_letter(b)).enumerate() {
                    self.text.push(persian_form(b));
                    self.offsets.push(at + k);
                    self.inside.push(u8::try_from(n).unwrap_or(u8::MAX));
                }
            } else if c == ZWNJ {
                // One after a letter that does not join (or another ZWNJ) is deleted by the
                // normalizer, so the word is read without it.
                if self.text.chars().next_back().is_some_and(joins_forward) {
                    self.text.push(c);
                    self.offsets.push(at + k);
                    self.inside.push(0);
                }
            } else if !read_past(c) {
                self.end = at + k;
                self.drop_final_zwnj();
                return;
            }
        }
        self.end = text.len();
        self.drop_final_zwnj();
    }

    /// A ZWNJ at the end of the word joins nothing, and the normalizer deletes it: the word
    /// is read without it, as [`plain_word_end`] has it; `end` stays after it.
    fn drop_final_zwnj(&mut self) {
        self.text_end = self.end;
        while self.text.ends_with(ZWNJ) {
            self.text.truncate(self.text.len() - ZWNJ.len_utf8());
            self.text_end = self.offsets.pop().unwrap_or(self.end);
            self.inside.pop();
        }
    }

    /// Where the char at byte `b` of `self.text` comes from: its input offset, and its index
    /// inside the ligature there (0 for any other char).
    fn input_offset(&self, b: usize) -> (usize, u8) {
        if let Some(start) = self.plain {
            return (start + b, 0);
        }
        let index = self.text[..b].chars().count();
        match self.offsets.get(index) {
            Some(&at) => (at, self.inside.get(index).copied().unwrap_or(0)),
            None => (self.text_end, 0),
        }
    }
}

/// The letters the presentation form `c` stands for, if it stands for letters (and marks)
/// only (`ﻫ`, `ﱰ` = `تر`, `ﲐ` = `ىٰ`; not `ﷺ`, a phrase).
#[inline]
fn presentation_letters(c: char) -> Option<&'static str> {
    if !is_presentation_form(c) {
        return None;
    }
    presentation_form(c).filter(|base| {
        base.starts_with(is_arabic_letter)
            && base
                .chars()
                .all(|b| is_arabic_letter(b) || is_arabic_mark(b))
    })
}

/// Can a word start with `c`: an Arabic letter, or a presentation form of letters?
#[inline]
pub(crate) fn starts_word(c: char) -> bool {
    is_arabic_letter(c) || presentation_letters(c).is_some()
}

/// A word read at byte speed ([`word_end`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Plain {
    /// Where the word ends: after its letters and the marks after them.
    end: usize,
    /// Where its letters end: the word as restoration reads it is the input from its start
    /// to here (with [`persian_forms`] if `forms`); marks at its end are not read.
    letters: usize,
    /// Does it hold the Arabic letter forms `ي ى ك`?
    forms: bool,
}

/// The end of the word at `at` if it is written in plain Persian letters (those the letters
/// step keeps) and ZWNJs only, perhaps with marks after its last letter (`خیمهٔ`, `اصلاً`), and
/// is followed by something other than a letter, mark or invisible character; else `None`,
/// and the word is read the slow way. Byte-level, with the engine's table of plain letters.
fn plain_word_end(text: &str, at: usize) -> Option<Plain> {
    word_end::<false>(text, at)
}

/// [`plain_word_end`], and with `FORMS` a word may hold the Arabic letter forms `ي ى ك` too:
/// restoration reads them as `ی ک`, which have the same length, so the word's letters are
/// still its bytes, with those replaced ([`persian_forms`]).
#[inline]
fn word_end<const FORMS: bool>(text: &str, at: usize) -> Option<Plain> {
    let bytes = text.as_bytes();
    let mut i = at;
    let mut forms = false;
    let plain = |end, letters, forms| {
        Some(Plain {
            end,
            letters,
            forms,
        })
    };
    loop {
        i = plain_letter_run(bytes, i);
        match bytes.get(i) {
            Some(0xD9) if FORMS && matches!(bytes.get(i + 1), Some(0x83 | 0x89 | 0x8A)) => {
                forms = true;
                i += 2;
            }
            Some(0xD8..=0xDB) => {
                // Another Arabic-block character: a mark, a letter to normalize, a digit or
                // punctuation. The last two end a plain word; so do marks after its last
                // letter, which restoration does not read.
                let c = text[i..].chars().next().expect("char boundary");
                if is_arabic_mark(c) && i > at {
                    let letters = i;
                    let marks = text[i..]
                        .find(|c| !is_arabic_mark(c))
                        .unwrap_or(text.len() - i);
                    return if ends_plain_word(text, i + marks) {
                        plain(i + marks, letters, forms)
                    } else {
                        None
                    };
                }
                return if is_arabic_letter(c) || is_arabic_mark(c) || c == KASHIDA {
                    None
                } else {
                    plain(i, i, forms)
                };
            }
            // A ZWNJ after a letter that joins: part of the word. One after a letter that
            // does not join is deleted by the normalizer: the slow reader leaves it out.
            // One that no letter follows is not part of the word (the normalizer deletes it).
            Some(0xE2) if bytes.get(i..i + 3) == Some(&ZWNJ_UTF8) => {
                if !letter_at(text, i + 3) {
                    return plain(i, i, forms);
                }
                if !zwnj_joins(text, at, i) {
                    return None;
                }
                i += 3;
            }
            // ASCII (a space) first: what ends most words.
            Some(&b) if b < 0x80 => return plain(i, i, forms),
            _ if ends_plain_word(text, i) => return plain(i, i, forms),
            _ => return None,
        }
    }
}

/// Does what is at `i` end a plain word ([`plain_word_end`]): the end of the text, ASCII, a
/// ZWNJ that no letter follows, or a character other than a letter, a mark, kashida, an
/// invisible control or a presentation form?
#[inline]
fn ends_plain_word(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    match bytes.get(i) {
        None => true,
        Some(&b) if b < 0x80 => true,
        Some(0xE2) if bytes.get(i..i + 3) == Some(&ZWNJ_UTF8) => !letter_at(text, i + 3),
        Some(_) => {
            let c = text[i..].chars().next().expect("char boundary");
            !(is_arabic_letter(c)
                || is_arabic_mark(c)
                || c == KASHIDA
                || is_removable_control(c)
                || ('\u{FB50}'..='\u{FEFF}').contains(&c))
        }
    }
}

/// Does a letter start at `i` (a character boundary), past what the normalizer deletes
/// (marks, kashida, invisible controls)? Asked after a ZWNJ, which belongs to a word only
/// before a letter, as [`Word::read_chars`] reads it: not before a digit or punctuation of the
/// Arabic block.
#[inline]
fn letter_at(text: &str, i: usize) -> bool {
    matches!(text.as_bytes().get(i), Some(0xD8..=0xDB))
        && text[i..]
            .chars()
            .find(|&c| !read_past(c))
            .is_some_and(|c| is_arabic_letter(c) || presentation_letters(c).is_some())
}

/// Does [`Word::read_chars`] read past `c` inside a word: a mark, kashida or an invisible
/// control, which the normalizer deletes (or, for the marks it keeps, which restoration does
/// not read)?
#[inline]
fn read_past(c: char) -> bool {
    is_arabic_mark(c) || c == KASHIDA || is_removable_control(c)
}

/// Does the ZWNJ at `i` of the plain word starting at `at` follow a letter that joins? Kept
/// out of the loop of [`plain_word_end`].
#[cold]
#[inline(never)]
fn zwnj_joins(text: &str, at: usize, i: usize) -> bool {
    text[at..i].chars().next_back().is_some_and(joins_forward)
}

/// `w` with its Arabic letter forms `ي ى ك` written `ی ک` (letters of the same length), in
/// `buf`; `w` itself if it has none (`forms` false).
#[inline(always)]
fn persian_forms<'a>(w: &'a str, forms: bool, buf: &'a mut String) -> &'a str {
    if forms {
        write_persian_forms(w, buf)
    } else {
        w
    }
}

/// [`persian_forms`] for a word that has some: the pieces between them copied whole.
#[inline(never)]
fn write_persian_forms<'a>(w: &str, buf: &'a mut String) -> &'a str {
    buf.clear();
    let b = w.as_bytes();
    let mut last = 0;
    // Words are short: a plain loop beats a vectorized search's setup. It goes a character
    // at a time (most are two bytes), by the length its first byte gives.
    let mut k = 0;
    while k + 1 < b.len() {
        // ي ى ك (D9 8A, 89, 83), written as `persian_form` writes them.
        let with = match (b[k], b[k + 1]) {
            (0xD9, 0x89 | 0x8A) => "ی",
            (0xD9, 0x83) => "ک",
            (lead, _) => {
                k += match lead {
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    0xF0.. => 4,
                    _ => 1,
                };
                continue;
            }
        };
        buf.push_str(&w[last..k]);
        buf.push_str(with);
        last = k + 2;
        k += 2;
    }
    buf.push_str(&w[last..]);
    buf
}

/// Can `c` stand in the gap between two words: whitespace, or a ZWNJ or invisible character
/// beside it, which the normalizer deletes?
#[inline]
fn in_gap(c: char) -> bool {
    is_space(c) || c == ZWNJ || is_removable_control(c)
}

/// Does a phrase end after the word that ends at `end`: the text or the line ends, a mark
/// that takes no space before it follows (in its Persian form: `,` is `،`), or a word that no
/// ezafe governs ([`NO_EZAFE_BEFORE`])?
fn ends_phrase(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(|c: char| c != '\n' && in_gap(c));
    let Some(c) = rest.chars().next() else {
        return true;
    };
    if c == '\n' || is_closer(persian_mark(c).unwrap_or(c)) {
        return true;
    }
    // The next word's letters as the letters step writes them (كه is که).
    let word = rest
        .split(|c: char| !is_arabic_letter(c))
        .next()
        .unwrap_or_default();
    NO_EZAFE_BEFORE
        .iter()
        .any(|f| f.chars().eq(word.chars().map(persian_form)))
}

/// Whether the line last asked about keeps ZWNJs of its own ([`keeps_zwnj`]): restoration
/// splits fused words only on lines that do not.
#[derive(Default)]
struct LineZwnj {
    /// The line last asked about (its line end excluded), and the answer.
    line: Option<(Range<usize>, bool)>,
    /// The start of the last line the scan went into, if it did (else 0).
    crossed: usize,
}

impl LineZwnj {
    /// Does the line around `at` keep a ZWNJ of its own, its letters read in `mode`?
    fn keeps(&mut self, text: &str, at: usize, mode: Letters) -> bool {
        match &self.line {
            // A line end asks about the line it ends.
            Some((line, keeps)) if (line.start..=line.end).contains(&at) => *keeps,
            _ => {
                let line = line_around(text, at);
                let keeps = keeps_zwnj(text, line.clone(), mode);
                self.line = Some((line, keeps));
                keeps
            }
        }
    }

    /// Cuts `run`, the scan's window at `i`, before the first line end after which a line
    /// starts that does not keep ZWNJs as the scanned line does (`keeps`): the scan reads
    /// lines of one kind, and the engine plans the next line afresh.
    #[inline]
    fn cut(&mut self, run: &mut Words, at: (&str, usize), mode: Letters, keeps: bool) {
        if run.lines != 0 {
            self.cut_lines(run, at, mode, keeps);
        }
    }

    /// [`LineZwnj::cut`] where the run holds line ends.
    #[inline(never)]
    fn cut_lines(&mut self, run: &mut Words, (text, i): (&str, usize), mode: Letters, keeps: bool) {
        let mut ends = run.lines;
        while ends != 0 {
            let k = ends.trailing_zeros();
            // The line ends from `k` on (fewer than 64), and the line after them.
            let n = (!(ends >> k)).trailing_zeros();
            if self.keeps(text, i + (k + n) as usize, mode) != keeps {
                run.cut(k as usize);
                return;
            }
            ends &= !(((1u64 << n) - 1) << k);
        }
        if run.lines != 0 {
            self.crossed = i + (u64::BITS - run.lines.leading_zeros()) as usize;
        }
    }
}

/// Where [`scan_words`] stopped.
#[derive(Debug, PartialEq, Eq)]
enum Scan {
    /// The words before this word start need nothing; this one needs the per-word tests.
    At(usize),
    /// The words before this offset need nothing, and no word starts at it.
    Past(usize),
    /// The words before this word start need nothing; the per-word tests would send this
    /// one to the full path (they were made).
    Full(usize),
}

/// The per-word cheap tests of [`Plan::cheap`], many words at a time, on a line that already
/// uses ZWNJs (where fused words stay and compounds are not looked up) and without user
/// words. The kernel finds runs of plain words with single spaces and common punctuation
/// between them; the only spaces that need a closer look are those between two words that
/// [`space_may_join`] admits, and there the pair test itself decides. The last word of a
/// run, whose end the kernel did not see, takes the tests [`Plan::cheap`] makes.
///
/// The run goes on across line ends into lines that use ZWNJs too (`lines` tells).
///
/// Also returns where the run of plain words the kernel read from `at` ends: the engine's
/// quiet blocks would find the same bytes quiet, so it skips them without reading them again.
fn scan_words(
    (text, at): (&str, usize),
    kernel: Kernel,
    lines: &mut LineZwnj,
    mode: Letters,
) -> (Scan, usize) {
    let bytes = text.as_bytes();
    let mut i = at;
    // The start of the last word seen, and of the one before it if only a space is between.
    let mut word = at;
    let mut before = None;
    // The start of the word before the space at bit `k` of a window at `i`: after the space
    // or line end before it in the window, else `word`.
    let start = |i: usize, gaps: u64, k: u32, word: usize| match gaps & ((1u64 << k) - 1) {
        0 => word,
        below => i + (u64::BITS - below.leading_zeros()) as usize,
    };
    loop {
        let mut run = kernel.words::<false>(bytes, i);
        lines.cut(&mut run, (text, i), mode, true);
        let gaps = run.spaces | run.lines;
        let mut suffix = run.suffix;
        while suffix != 0 {
            let k = suffix.trailing_zeros();
            suffix &= suffix - 1;
            let s = i + k as usize;
            // A mark ends the word before (restoration reads the word without it), or the
            // word after may be a suffix: most spaces the kernel flags are neither.
            let mark = matches!(bytes[s - 2..s], [0xD9, 0x8B..=0x95]);
            if !mark && !space_may_join(bytes, s) {
                continue;
            }
            let w = start(i, gaps, k, word);
            let w1 = if mark {
                text[w..s].trim_end_matches(is_arabic_mark)
            } else {
                &text[w..s]
            };
            let next = plain_word_end(text, s + 1);
            if next.is_none_or(|e| pair_candidate(w1, &text[s + 1..e.letters], false)) {
                return (Scan::At(w), s);
            }
        }
        if gaps != 0 {
            let last = u64::BITS - 1 - gaps.leading_zeros();
            before = (run.pairs >> last & 1 != 0).then(|| start(i, gaps, last, word));
            word = i + last as usize + 1;
        }
        i += run.len;
        if !run.more {
            break;
        }
    }
    if i == at {
        return (Scan::At(at), at);
    }
    // After a number or punctuation, the words before it were all tested.
    if !text[..i].ends_with(|c| is_arabic_letter(c) || is_arabic_mark(c)) {
        return (Scan::Past(i), i);
    }
    // The last word: the kernel saw where it starts, not where it ends.
    let scan = match plain_word_end(text, word) {
        // Plain: the pair before it was tested. It needs nothing unless a gap (perhaps before
        // another word) follows; then [`Plan::cheap`] tests it.
        Some(Plain { end, .. }) if !text[end..].starts_with(in_gap) => Scan::Past(end),
        Some(_) => Scan::At(word),
        // Not plain: the word before it takes the full path.
        None => Scan::At(before.unwrap_or(word)),
    };
    (scan, i)
}

/// What [`Plan::scan_raw_words`] makes of the bytes between two spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// Letters (and ZWNJs between them) up to this end, then the space, or `، . : ! )` and
    /// the space, or a mark and the space (`خیمهٔ`, `اصلاً`: the cheap tests read the word
    /// without it): a word the cheap tests read as it is written.
    Word(usize),
    /// No letters: a number.
    Number,
    /// Anything else (a mark, a digit among letters): the per-word tests read it.
    Other,
}

/// The token `text[start..space]` as the scan of a window at `i` finds it: whether any of
/// its bytes in earlier windows is not a letter or a ZWNJ between letters (`bad_before`),
/// which of those bytes are in this window (`bad`, bits from `i`), and whether any of its
/// bytes is a letter.
fn token(
    (text, i): (&str, usize),
    (start, space): (usize, usize),
    (bad_before, bad): (bool, u64),
    letters: bool,
) -> Token {
    if !letters {
        return Token::Number;
    }
    if bad_before {
        return Token::Other;
    }
    if bad == 0 {
        return Token::Word(space);
    }
    // A word and the full stop, colon, `!`, `)`, comma or mark after it (the kernel lets no
    // other punctuation stand before a space after a letter, and only the marks that stay:
    // hamza above, and tanwin where the diacritics step keeps it).
    let bytes = text.as_bytes();
    let k = space - i;
    let closer = k >= 1 && bad == 1 << (k - 1) && bytes[space - 1].is_ascii_punctuation();
    let two = k >= 2 && bad == 3 << (k - 2);
    if closer && space - 1 > start {
        Token::Word(space - 1)
    } else if two
        && space - 2 > start
        && matches!(bytes[space - 2..space], [0xD8, 0x8C] | [0xD9, 0x8B..=0x95])
    {
        Token::Word(space - 2)
    } else {
        Token::Other
    }
}

/// What follows a word, as the cheap tests read it ([`after_word`]).
#[derive(Debug, PartialEq, Eq)]
enum After {
    /// One space, then what may start a word, here: the pair is tested.
    Word(usize),
    /// A gap of other whitespace, or a space and a mark: the full path reads it.
    Gap,
    /// Punctuation, a line end, a space before something else, the end of the text.
    Nothing,
}

/// What follows the word that ends at `end`.
fn after_word(text: &str, end: usize) -> After {
    match text[end..].chars().next() {
        Some(' ') => match text[end + 1..].chars().next() {
            Some(c) if starts_word(c) => After::Word(end + 1),
            Some(c) if in_gap(c) || is_arabic_mark(c) => After::Gap,
            _ => After::Nothing,
        },
        Some(c) if in_gap(c) => After::Gap,
        _ => After::Nothing,
    }
}

/// Does the last token of a run of the kernel's plain words, which ends at `end`, end a word
/// there ([`ends_plain_word`]) that the cheap tests read alone, with nothing after it that
/// they read with it ([`After::Nothing`])? The kernel read its letters.
fn ends_alone(text: &str, end: usize) -> bool {
    ends_plain_word(text, end) && after_word(text, end) == After::Nothing
}

/// Plans ZWNJs before the bytes `offsets` of the plain word `w` that starts at `start`, as
/// the full path plans a split, and writes the word with them in `joined`.
fn plan_split(
    items: &mut Vec<Planned>,
    joined: &mut String,
    (w, start): (&str, usize),
    offsets: &[u8],
    decision: Decision,
) {
    joined.clear();
    let mut last = 0;
    for &b in offsets {
        let b = usize::from(b);
        joined.push_str(&w[last..b]);
        joined.push(ZWNJ);
        last = b;
        items.push(Planned {
            at: start + b,
            inside: 0,
            action: Action::Insert,
            decision,
        });
    }
    joined.push_str(&w[last..]);
}

/// What restoration's plans depend on besides the text: the normalizer's settings.
#[derive(Clone, Copy)]
pub(crate) struct Options {
    /// How much restoration does.
    pub mode: Spacing,
    /// The user's words, if any.
    pub user: Option<&'static HalfSpaceWords>,
    /// Does the normalizer clean ZWNJs (a ZWNJ beside a space goes)?
    pub clean_zwnj: bool,
    /// The quiet-block kernel, where the processor has one: the scan of a line that uses
    /// ZWNJs reads its words with it.
    pub kernel: Option<Kernel>,
    /// What the letters step writes, for reading how a line lost its ZWNJs
    /// ([`LineEvidence`]).
    pub letters: Letters,
    /// What the diacritics step removes: a vowel mark it removes at the start of a word (a
    /// slip of the keyboard after a space) does not keep the word from the one before it.
    pub diacritics: Diacritics,
}

/// What the cheap tests say about a word.
enum Cheap {
    /// Nothing to do; the next word, if it is plain and follows after one space.
    Nothing { next: Option<usize> },
    /// The word needs the full path.
    Full,
}

/// The restoration plan for the words ahead of the engine.
#[derive(Default)]
pub(crate) struct Plan {
    items: Vec<Planned>,
    next: usize,
    /// Words before this input offset have been planned.
    pub planned_to: usize,
    first: Word,
    second: Word,
    /// Where `second` was read: the next plan starts there more often than not, and then
    /// reuses it instead of reading the word again.
    second_at: usize,
    /// The extent of the next plain word, found by the cheap test, for the same reuse.
    cheap_next: Option<(usize, Plain)>,
    /// The words the cheap tests read, written with `ی ک` where they hold the Arabic forms
    /// (kept to reuse their memory): the word and the next.
    forms: [String; 2],
    /// The run of plain words the scan read from where the engine asked for a plan: its
    /// start, its end ([`Plan::scanned_to`]) and the start of the last line it went into
    /// (or 0).
    scanned: (usize, usize, usize),
    /// Where the `ي ى ك` that the raw scan read start, in order ([`Plan::forms_read`]): those
    /// in the run of `scanned`, and how many of them the engine has passed.
    scanned_forms: Vec<usize>,
    forms_next: usize,
    /// The same, for the scan in progress.
    forms_found: Vec<usize>,
    /// A word the cheap tests sent to the full path when the engine had not reached it.
    full_at: Option<usize>,
    /// The planned words as they will be written, joined (kept to reuse its memory).
    joined: String,
    /// How the line being planned lost its ZWNJs, read when a decision asks.
    evidence: LineEvidence,
    /// Whether the line last asked about keeps ZWNJs of its own.
    lines: LineZwnj,
    /// The fused words decided so far on this thread, in this normalizer's mode.
    memo: ThreadMemo,
}

impl Plan {
    /// A plan for a normalizer in `mode`, with the thread's memo of decided words unless
    /// restoration is off.
    pub(crate) fn new(mode: Spacing) -> Plan {
        Plan {
            memo: match mode {
                Spacing::Off => ThreadMemo::default(),
                _ => ThreadMemo::take(mode),
            },
            ..Plan::default()
        }
    }

    /// Does the line around `at` keep a ZWNJ of its own, its letters read in `mode`? Fused
    /// words are split only on lines that do not. The answer for the line last asked about is
    /// kept.
    pub(crate) fn line_keeps_zwnj(&mut self, text: &str, at: usize, mode: Letters) -> bool {
        self.lines.keeps(text, at, mode)
    }

    /// The next planned position, if any.
    pub(crate) fn peek(&self) -> Option<Planned> {
        self.items.get(self.next).copied()
    }

    /// Where the run of plain words that the last plan's scan read ends, if `at` is in it
    /// (else `at`). The engine's quiet blocks would find these bytes quiet.
    pub(crate) fn scanned_to(&self, at: usize) -> usize {
        if (self.scanned.0..self.scanned.1).contains(&at) {
            self.scanned.1
        } else {
            at
        }
    }

    /// Appends to `out` where the `ي ى ك` in `range`, a part of the run that the last plan's
    /// scan read, start: the engine skips the range and replaces them. Ranges are asked in
    /// order; forms before `range` were passed (the engine read them itself).
    pub(crate) fn forms_read(&mut self, range: Range<usize>, out: &mut Vec<usize>) {
        while let Some(&at) = self.scanned_forms.get(self.forms_next) {
            if at >= range.end {
                break;
            }
            if at >= range.start {
                out.push(at);
            }
            self.forms_next += 1;
        }
    }

    /// Where the last line that starts in `range` (after its start, up to its end), a part of
    /// the run that the last plan's scan read, starts, if one does. The scan noted the last
    /// line it went into; only a range that ends before it is searched.
    pub(crate) fn scanned_line(&self, text: &str, range: Range<usize>) -> Option<usize> {
        let crossed = self.scanned.2;
        if crossed <= range.start {
            None
        } else if crossed <= range.end {
            Some(crossed)
        } else {
            memchr::memrchr(b'\n', &text.as_bytes()[range.clone()]).map(|k| range.start + k + 1)
        }
    }

    pub(crate) fn pop(&mut self) {
        self.next += 1;
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.next >= self.items.len()
    }

    /// Drops planned positions before `at`: the engine went past them (a line ended).
    pub(crate) fn skip_to(&mut self, at: usize) {
        while self.peek().is_some_and(|p| p.at < at) {
            self.next += 1;
        }
    }

    /// The cheap tests on the word at `at`. If it is written in plain letters and neither
    /// it nor its pair with the next word is a candidate, it is planned (nothing to do), and
    /// the next word's start is returned when that word is plain too and one space away.
    fn cheap(
        &mut self,
        text: &str,
        at: usize,
        user: Option<&'static HalfSpaceWords>,
        split_fused_words: bool,
    ) -> Cheap {
        let (found, cached) = match self.cheap_next {
            Some((start, word)) if start == at => (Some(word), true),
            _ => (word_end::<true>(text, at), false),
        };
        self.cheap_next = None;
        let Some(Plain {
            end,
            letters,
            forms,
        }) = found
        else {
            return Cheap::Full;
        };
        // Words with the Arabic forms `ي ى ك` are tested as written with `ی ک`; the next
        // word's, written last time, is this one.
        let [first, second] = &mut self.forms;
        if cached && forms {
            std::mem::swap(first, second);
        }
        let w = if cached && forms {
            first.as_str()
        } else {
            persian_forms(&text[at..letters], forms, first)
        };
        // The next word, when one plain word follows after exactly one space.
        let next = match after_word(text, end) {
            After::Word(start) => match word_end::<true>(text, start) {
                Some(word) => {
                    self.cheap_next = Some((start, word));
                    let w2 = &text[start..word.letters];
                    Some((start, persian_forms(w2, word.forms, second)))
                }
                None => return Cheap::Full,
            },
            After::Gap => return Cheap::Full,
            After::Nothing => None,
        };
        // The byte tests first: most words fail them, and the search for a ZWNJ is dearer.
        let fused = split_fused_words
            && (self.memo.may_split(w) || user.is_some_and(|u| u.knows_fused(w)))
            && !has_zwnj(w);
        // On a line that already uses ZWNJs, spaced compounds are kept (see `plan`): only
        // the suffix, prefix and clitic tests apply.
        let pair = |w2| {
            pair_candidate(w, w2, split_fused_words) || user.is_some_and(|u| u.knows_pair(w, w2))
        };
        if fused || next.is_some_and(|(_, w2)| pair(w2)) {
            return Cheap::Full;
        }
        self.planned_to = end.max(at + 1);
        self.second_at = usize::MAX;
        Cheap::Nothing {
            next: next.map(|(start, _)| start),
        }
    }

    /// The per-word cheap tests of [`Plan::cheap`], many words at a time, on a line without
    /// ZWNJs (where fused words are split and compounds looked up) and without user words:
    /// [`scan_words`] for such a line. Every word between two spaces of the kernel's run of
    /// plain words is read once, with `ي ى ك` as `ی ک`: one memo slot gives its fused-word
    /// answer and its [`Sides`], and a pair of words is tested from their sides. The scan
    /// stops at the first word that may need something (or whose pair with the next may),
    /// and at anything it does not read as a plain word or a number; [`Plan::cheap`] or the
    /// full path takes it from there. A word whose split the memo holds is planned here and
    /// the scan goes on, unless the word after it may join it.
    ///
    /// Also returns where the quiet bytes it read from `at` end, and notes where the `ي ى ك`
    /// among them start ([`Plan::forms_read`]), which the engine replaces.
    fn scan_raw_words(
        &mut self,
        (text, at): (&str, usize),
        kernel: Kernel,
        mode: Letters,
    ) -> (Scan, usize) {
        let Plan {
            forms,
            memo,
            items,
            joined,
            lines,
            forms_found,
            ..
        } = self;
        let bytes = text.as_bytes();
        let mut i = at;
        // The token in progress: where it starts, and whether its bytes in earlier windows
        // hold anything but letters, letters, and `ي ى ك`.
        let mut start = at;
        let (mut bad, mut letters, mut arabic) = (false, false, false);
        // The word before a space between two letters, not tested with the word after it:
        // its start, its end and its sides; its letters are in `forms[0]` if it had `ي ى ك`.
        let mut pending: Option<(usize, usize, Sides, bool)> = None;
        // A word the memo splits, planned here, before a space between two letters: where it
        // starts and where its planned positions start in `items`. The plan would test the
        // word with its ZWNJs (in `joined`) with the word after it; if that test passes, the
        // word is planned again, by the full path.
        let mut planned: Option<(usize, usize)> = None;
        loop {
            let mut run = kernel.words::<true>(bytes, i);
            lines.cut(&mut run, (text, i), mode, false);
            let kept = (1u64 << run.len) - 1;
            let mut found = run.arabic;
            while found != 0 {
                forms_found.push(i + found.trailing_zeros() as usize);
                found &= found - 1;
            }
            let other = !run.letters & kept;
            // The spaces and line ends, and where the run ends if its last token is a word
            // that needs no word after it read (`…گفت.`, `…گفت «`): the tests read it as the
            // others. Only a space between two letters makes a pair (`run.pairs`).
            let mut spaces = run.spaces | run.lines;
            if !run.more {
                let last = match spaces {
                    0 => start,
                    s => i + (u64::BITS - s.leading_zeros()) as usize,
                };
                if last < i + run.len && ends_alone(text, i + run.len) {
                    spaces |= 1 << run.len;
                }
            }
            while spaces != 0 {
                let k = spaces.trailing_zeros() as usize;
                spaces &= spaces - 1;
                let s = i + k;
                // The token before the space: this window's part of it and what the earlier
                // windows found; the next token starts after the space.
                let part = ((1u64 << k) - 1) & !((1u64 << start.saturating_sub(i)) - 1);
                let tok = token(
                    (text, i),
                    (start, s),
                    (bad, other & part),
                    letters || run.letters & part != 0,
                );
                let has_forms = arabic || run.arabic & part != 0;
                let at_word = start;
                start = s + 1;
                (bad, letters, arabic) = (false, false, false);
                let before = pending.take();
                // A word's letters as restoration reads them (`ي ى ك` as `ی ک`).
                let [first, second] = &mut *forms;
                let word = match tok {
                    Token::Word(end) => {
                        debug_assert_eq!(
                            word_end::<true>(text, at_word).map(|p| (p.letters, p.forms)),
                            Some((end, has_forms))
                        );
                        Some((end, persian_forms(&text[at_word..end], has_forms, second)))
                    }
                    Token::Number | Token::Other => None,
                };
                // The full path's join test after a word planned here.
                if let Some((planned_at, mark)) = planned.take() {
                    let joins = match (tok, word) {
                        (Token::Other, _) => true,
                        (_, Some((_, w))) => {
                            pair_candidate(joined, w, true) && !memo.pair_apart(joined, w)
                        }
                        _ => false,
                    };
                    if joins {
                        items.truncate(mark);
                        return (Scan::Full(planned_at), s);
                    }
                }
                let Some((end, w)) = word else {
                    if tok == Token::Other {
                        let w = before.map_or(at_word, |(b, ..)| b);
                        return (Scan::At(w), s);
                    }
                    continue; // a number
                };
                let h = hash(w);
                let (fused, sides) = memo.word(w, h);
                if let Some((b, e, left, left_forms)) = before {
                    let w1 = if left_forms {
                        first.as_str()
                    } else {
                        &text[b..e]
                    };
                    if pair_candidate_sides((w1, left), (w, sides), true) && !memo.pair_apart(w1, w)
                    {
                        return (Scan::Full(b), s);
                    }
                }
                // A space between two letters, or between a mark and a letter.
                let before_word = run.pairs >> k & 1 != 0;
                if fused && !has_zwnj(w) {
                    // A split the memo holds is planned here, as the full path would.
                    let Some((at, n, decision)) = memo.held_split(w, h) else {
                        return (Scan::Full(at_word), s);
                    };
                    let mark = items.len();
                    plan_split(items, joined, (w, at_word), &at[..usize::from(n)], decision);
                    if before_word {
                        planned = Some((at_word, mark));
                    }
                } else if before_word {
                    pending = Some((at_word, end, sides, has_forms));
                    if has_forms {
                        std::mem::swap(first, second);
                    }
                }
            }
            let part = kept & !((1u64 << start.saturating_sub(i).min(63)) - 1);
            bad |= other & part != 0;
            letters |= run.letters & part != 0;
            arabic |= run.arabic & part != 0;
            i += run.len;
            if !run.more {
                break;
            }
        }
        if i == at {
            return (Scan::At(at), at);
        }
        // The word before the last token, and the last token, whose end the kernel did not
        // see, take the per-word tests; a word planned here before it, the full path.
        if let Some((word, mark)) = planned {
            items.truncate(mark);
            return (Scan::Full(word), i);
        }
        match pending {
            Some((b, ..)) => (Scan::At(b), i),
            None if letters && start < i => (Scan::At(start), i),
            // After a number or punctuation, the words before it were all tested.
            None => (Scan::Past(i), i),
        }
    }

    /// The cheap tests on the words from `at`: does the word at `at` need the full path? If
    /// not, the words after it that need nothing are planned too, and the engine asks again
    /// at the first that may need something (or at the next word after them). A word found
    /// ahead of the engine to need the full path is not tested again when the engine asks.
    fn needs_full_path(&mut self, text: &str, at: usize, options: Options, split: bool) -> bool {
        if self.full_at.take() == Some(at) {
            return true;
        }
        // Many words at a time where the processor can.
        let scan = options.kernel.filter(|_| options.user.is_none());
        let mut word = at;
        loop {
            if let Some(kernel) = scan {
                self.cheap_next = None;
                self.second_at = usize::MAX;
                self.lines.crossed = 0;
                self.forms_found.clear();
                let (scan, plain_to) = if split {
                    self.scan_raw_words((text, word), kernel, options.letters)
                } else {
                    scan_words((text, word), kernel, &mut self.lines, options.letters)
                };
                if word == at {
                    self.scanned = (at, plain_to, self.lines.crossed);
                    // The Arabic forms in what the engine may skip, for it to replace.
                    let n = self.forms_found.partition_point(|&f| f < plain_to);
                    self.forms_found.truncate(n);
                    std::mem::swap(&mut self.forms_found, &mut self.scanned_forms);
                    self.forms_next = 0;
                }
                match scan {
                    Scan::Past(end) => {
                        self.planned_to = end;
                        return false;
                    }
                    Scan::At(w) => word = w,
                    Scan::Full(w) => return self.full_path_at(at, w),
                }
            }
            match self.cheap(text, word, options.user, split) {
                Cheap::Nothing { next: Some(next) } => word = next,
                Cheap::Nothing { next: None } => return false,
                Cheap::Full => return self.full_path_at(at, word),
            }
        }
    }

    /// The word at `word`, from `at` on, needs the full path: now if it is the word at `at`
    /// (`true`), else when the engine reaches it (the words before it are planned).
    fn full_path_at(&mut self, at: usize, word: usize) -> bool {
        if word == at {
            return true;
        }
        self.planned_to = word;
        self.full_at = Some(word);
        false
    }

    /// Plans the word starting at `at` and the words joined to it. `split_fused_words` is
    /// false on a line that already uses ZWNJs: its ZWNJs were not lost, so its fused words
    /// are as the writer meant them, and only spaces inside words are fixed.
    pub(crate) fn plan(
        &mut self,
        text: &str,
        at: usize,
        options: Options,
        split_fused_words: bool,
    ) {
        let Options {
            mode,
            user,
            clean_zwnj,
            ..
        } = options;
        self.items.clear();
        self.next = 0;
        // Most words need nothing: if the word and the one after it are written in plain
        // letters (the input bytes are the normalized bytes) and fail the cheap tests, done,
        // and the next word is tested the same way, so that a run of such words is planned
        // at once and the engine goes through it without stopping at each word.
        if !self.needs_full_path(text, at, options, split_fused_words) {
            return;
        }
        if self.second_at == at && at != 0 {
            std::mem::swap(&mut self.first, &mut self.second);
        } else {
            self.first.read(text, at);
        }
        self.second_at = usize::MAX;
        self.planned_to = self.first.end.max(at + 1);
        if self.first.text.is_empty() {
            return;
        }
        // The word as it will be written (with its planned ZWNJs), for the joins after it; a
        // buffer kept between plans.
        let joined = &mut self.joined;
        joined.clear();
        let split = if !split_fused_words || has_zwnj(&self.first.text) {
            None
        } else {
            match user.and_then(|u| u.split(&self.first.text)) {
                Some(decided) => decided,
                None => self.memo.split_before(&self.first.text, mode, &mut || {
                    ends_phrase(text, self.first.end)
                }),
            }
        };
        // Each ZWNJ's place in the input: before a character, or inside a ligature, which
        // the engine then writes with the ZWNJ among its letters.
        let mut last = 0;
        if let Some((offsets, decision)) = split {
            for b in offsets {
                let (at, inside) = self.first.input_offset(b);
                joined.push_str(&self.first.text[last..b]);
                joined.push(ZWNJ);
                last = b;
                self.items.push(Planned {
                    at,
                    inside,
                    action: Action::Insert,
                    decision,
                });
            }
        }
        joined.push_str(&self.first.text[last..]);
        // Join the following words while the decisions say so (سرمایه گذاری ها).
        let mut end = self.first.end;
        let mut text_end = self.first.text_end;
        // Vowel marks the diacritics step removes, read past at the start of a word: the
        // second pass reads the word without them.
        let removed = |c: char| is_arabic_mark(c) && diacritics::removes(c, options.diacritics);
        loop {
            let space_end = end
                + text[end..]
                    .find(|c: char| !in_gap(c))
                    .unwrap_or(text.len() - end);
            let gap_end = space_end
                + text[space_end..]
                    .find(|c: char| !removed(c))
                    .unwrap_or(text.len() - space_end);
            if space_end == end || !text[gap_end..].starts_with(starts_word) {
                break;
            }
            // A ZWNJ beside the space stays when ZWNJs are not cleaned: the space is left too.
            if !clean_zwnj && (text_end != end || text[end..gap_end].contains(ZWNJ)) {
                break;
            }
            self.second.read(text, gap_end);
            self.second_at = gap_end;
            if self.second.text.is_empty() {
                break;
            }
            let w2 = self.second.text.as_str();
            let decided = match user.and_then(|u| u.join(joined, w2)) {
                Some(decided) => decided,
                // The cheap test first, which `join_spaced` would make first too: most pairs
                // fail it (asked once, not twice).
                None if !pair_candidate(joined, w2, split_fused_words) => None,
                // On a line that already uses ZWNJs, a compound written with a space is the
                // writer's style (news desks write خصوصی سازی), not a lost ZWNJ: only spaces
                // before suffixes and after prefixes are fixed there.
                None => {
                    let evidence = &mut self.evidence;
                    let mut asked = false;
                    let decided = join_spaced(joined, w2, mode, split_fused_words, &mut || {
                        asked = true;
                        evidence.spaced(text, at, options.letters)
                    });
                    // A pair that passes the cheap test and stays apart by its two words
                    // alone, held for the scan.
                    if decided.is_none() && !asked && split_fused_words {
                        self.memo.hold_pair_apart(joined, w2);
                    }
                    decided
                }
            };
            let Some((join, decision)) = decided else {
                break;
            };
            self.items.push(Planned {
                at: end,
                inside: 0,
                action: Action::Join(join),
                decision,
            });
            if join == Join::Zwnj {
                joined.push(ZWNJ);
            }
            joined.push_str(&self.second.text);
            self.second_at = usize::MAX;
            end = self.second.end;
            text_end = self.second.text_end;
            self.planned_to = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// The Arabic forms `ي ى ك` of any text are written as the letters step writes them,
        /// and nothing else changes.
        #[test]
        fn persian_forms_are_the_letters_steps(
            pieces in proptest::collection::vec(proptest::prop_oneof![
                3 => "[يىك]",
                3 => "[\u{0621}-\u{064A}\u{067E}-\u{06CC}]",
                1 => "[ a\u{200C}€𝕏]",
                1 => proptest::arbitrary::any::<char>().prop_map(String::from),
            ], 0..12)
        ) {
            let w = pieces.concat();
            let mut buf = String::new();
            let expected: String = w
                .chars()
                .map(|c| match c {
                    'ي' | 'ى' | 'ك' => persian_form(c),
                    _ => c,
                })
                .collect();
            proptest::prop_assert_eq!(write_persian_forms(&w, &mut buf), expected.as_str());
        }
    }

    /// A plain word is read from its bytes; the result is what reading it a character at a
    /// time gives, input offsets included.
    #[test]
    fn plain_words_read_as_characters_do() {
        let seed = include_str!("../../tests/data/seed-article.txt");
        let normalized = include_str!("../../tests/data/seed-article.normalized.txt");
        let odd = "كتاب‌ها ﻻزم می‌ـشود سلام‌ ‌ها x‌y یکیک‌٠";
        let (mut fast, mut slow) = (Word::default(), Word::default());
        for text in [seed, normalized, odd] {
            for (at, c) in text.char_indices().filter(|&(_, c)| starts_word(c)) {
                fast.read(text, at);
                slow.read_chars(text, at);
                assert_eq!(
                    (&fast.text, fast.end),
                    (&slow.text, slow.end),
                    "at {at} {c}"
                );
                for (b, _) in fast.text.char_indices().chain([(fast.text.len(), ' ')]) {
                    assert_eq!(fast.input_offset(b), slow.input_offset(b), "at {at}, {b}");
                }
            }
        }
    }
}
