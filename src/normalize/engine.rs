//! The single pass. Reads the input once, left to right, and reports edits to a [`Sink`].
//!
//! Whitespace and ZWNJs are not written when they are read: they become *pending* until the
//! next visible character arrives, because whether they stay depends on both neighbours
//! (`گفت :` loses its space, `کتاب\u{200C} ها` its ZWNJ). Characters the steps delete while
//! something is pending are absorbed into it, so edits always arrive in input order.
//!
//! Runs of plain Persian letters, single spaces and ZWNJs between them (the bulk of clean
//! text) are skipped by a byte-level fast path that needs no decoding: see [`Engine::fast_run`].

use std::ops::Range;

use super::restore::{Action, Plan};
use super::{
    Diacritics, DigitPolicy, Letters, Normalizer, Rule, controls, diacritics, letters, protect,
    punctuation as punct,
};
use crate::Digits;
use crate::chars::{
    ARABIC_PERCENT, DigitScript, ELLIPSIS, KASHIDA, LEFT_GUILLEMET, LRM, NOT_SIGN, RIGHT_GUILLEMET,
    RLM, SOFT_HYPHEN, ZWNJ, digit, is_arabic_letter, is_arabic_mark, is_digit, is_latin_letter,
    is_space, joins_forward,
};
use crate::halfspace::{Join, Spacing};
use crate::offsets::Sink;

/// Normalizes `text` with `n`, reporting every edit to `sink`.
pub(crate) fn run<S: Sink>(n: &Normalizer, text: &str, sink: &mut S) {
    let mut e = Engine {
        n: *n,
        text,
        sink,
        plain: &PLAIN[n.letters as usize],
        plain_digits: matches!(
            n.digits,
            DigitPolicy::Keep | DigitPolicy::Unify | DigitPolicy::To(Digits::Persian)
        ),
        pending: None,
        prev: None,
        prev2: None,
        prev_mark: None,
        word_len: 0,
        last_word_len: 0,
        script: Script::None,
        quote_close: None,
        scratch: String::new(),
        restoring: n.spacing != Spacing::Off,
        plan: Plan::default(),
        zwnj_line: (0, false),
    };
    e.run();
}

/// The script of the last letter (or non-ASCII digit) on the current line: punctuation rules
/// apply in Persian context only.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    None,
    Persian,
    Latin,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PendingKind {
    /// Whitespace.
    Space,
    /// One or more ZWNJs.
    Zwnj,
    /// A soft hyphen, RLM, LRM or `¬` typed as a half-space.
    HalfSpaceMark,
}

struct Pending {
    kind: PendingKind,
    range: Range<usize>,
}

/// What one input character becomes after the mapping steps (letters, digits, kashida,
/// diacritics, punctuation).
enum Mapped {
    Same,
    Char(char, Rule),
    /// The replacement is in `Engine::scratch`.
    Scratch(Rule),
    Delete(Rule),
}

/// Per [`Letters`] mode, for each two-byte sequence `D8 00`..`DB FF` (big-endian, minus `D800`),
/// so for each code point U+0600..U+06FF, what the fast path sees there:
/// 0 (stop), a letter the letters step keeps (`PLAIN_LETTER`, or `PLAIN_JOINER` if it joins
/// the next letter), a Persian digit, or Persian punctuation that takes a space after it.
static PLAIN: [[u8; PLAIN_LEN]; 3] = [
    plain_table(Letters::Keep),
    plain_table(Letters::Persian),
    plain_table(Letters::Fold),
];
const PLAIN_LETTER: u8 = 1;
const PLAIN_JOINER: u8 = 3; // a letter (bit 0) that joins (bit 1)
const PLAIN_DIGIT: u8 = 4;
const PLAIN_CLOSER: u8 = 8;

/// Entries in a [`PLAIN`] table: lead bytes D8..DB, any second byte.
const PLAIN_LEN: usize = 1024;

const fn plain_table(mode: Letters) -> [u8; PLAIN_LEN] {
    let mut t = [0u8; PLAIN_LEN];
    let mut i = 0;
    while i < 256 {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            let class = if is_arabic_letter(c) && letters::persian_letter(c, mode).is_none() {
                if joins_forward(c) {
                    PLAIN_JOINER
                } else {
                    PLAIN_LETTER
                }
            } else if matches!(c, '\u{06F0}'..='\u{06F9}') {
                PLAIN_DIGIT
            } else if matches!(c, '\u{060C}' | '\u{061B}' | '\u{061F}') {
                PLAIN_CLOSER // ARABIC COMMA, SEMICOLON, QUESTION MARK
            } else {
                0
            };
            // U+0600 + i is the two bytes (D8 + i / 64, 80 + i % 64).
            t[((i / 64) << 8) | (0x80 + i % 64)] = class;
        }
        i += 1;
    }
    t
}

/// Where the fast path is: what it has just skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    /// At a line start.
    Start,
    /// After a letter.
    Word { joins: bool },
    /// After a digit.
    Digit,
    /// After one space between words.
    Space,
    /// After punctuation that wants a space next.
    Closer,
    /// After `(` or `«`.
    Opener,
}

/// What the fast path recognizes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Letter { joins: bool },
    Digit,
    Space,
    Zwnj,
    Closer,
    Opener,
    Other,
}

/// Is the two-byte character at `bytes[i..]` a letter that the standard letters step keeps?
#[inline]
pub(crate) fn is_plain_letter(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i..i + 2)
        .is_some_and(|pair| PAIR_LETTER[usize::from(u16::from_le_bytes([pair[0], pair[1]]))])
}

/// The end of the run of plain letters (see [`is_plain_letter`]) starting at `start`, with
/// ZWNJs between them. The tokenizer's and restoration's inner loop: one two-byte load and
/// one table load per letter.
#[inline]
pub(crate) fn plain_word_run(bytes: &[u8], start: usize) -> usize {
    let is_letter = |pair: &[u8]| PAIR_LETTER[usize::from(u16::from_le_bytes([pair[0], pair[1]]))];
    let mut i = start;
    while let Some(pair) = bytes.get(i..i + 2) {
        if is_letter(pair) {
            i += 2;
        } else if i > start
            && bytes.get(i..i + 3) == Some(&ZWNJ_UTF8)
            && bytes.get(i + 3..i + 5).is_some_and(is_letter)
        {
            i += 5;
        } else {
            break;
        }
    }
    i
}

/// For every two bytes read as a little-endian `u16`: are they a plain letter in
/// [`Letters::Persian`] mode ([`is_plain_letter`])? One load per letter in the inner loops.
static PAIR_LETTER: [bool; 1 << 16] = {
    let plain = &PLAIN[Letters::Persian as usize];
    let mut t = [false; 1 << 16];
    let mut k = 0;
    while k < PLAIN_LEN {
        if plain[k] == PLAIN_LETTER || plain[k] == PLAIN_JOINER {
            let (b0, b1) = (0xD8 + (k >> 8), k & 0xFF);
            t[b0 | (b1 << 8)] = true;
        }
        k += 1;
    }
    t
};

/// The end of the run of letters of `table` from `start` (not past `stop`), and the class of
/// its last letter (0 if there is none). Small and out of line, so that the loop keeps its
/// values in registers.
#[inline(never)]
fn letter_run(table: &[u8; PLAIN_LEN], bytes: &[u8], start: usize, stop: usize) -> (usize, u8) {
    let mut last = 0;
    let mut len = 0;
    for pair in bytes.get(start..stop).unwrap_or_default().chunks_exact(2) {
        let class = pair_class(table, pair[0], pair[1]);
        if class & PLAIN_LETTER == 0 {
            break;
        }
        last = class;
        len += 2;
    }
    (start + len, last)
}

/// Is the character at `bytes[i..]` a Persian digit or `، ؛ ؟`, which end a word?
#[inline]
pub(crate) fn is_plain_digit_or_closer(bytes: &[u8], i: usize) -> bool {
    matches!(
        plain_class(&PLAIN[Letters::Persian as usize], bytes, i),
        PLAIN_DIGIT | PLAIN_CLOSER
    )
}

/// The class of the two-byte character at `bytes[i..]` in [`PLAIN`], or 0.
#[inline(always)]
fn plain_class(table: &[u8; PLAIN_LEN], bytes: &[u8], i: usize) -> u8 {
    match bytes.get(i..i + 2) {
        Some(&[b0, b1]) => pair_class(table, b0, b1),
        _ => 0,
    }
}

/// The class of the two bytes `b0 b1` in [`PLAIN`], or 0.
#[inline(always)]
fn pair_class(table: &[u8; PLAIN_LEN], b0: u8, b1: u8) -> u8 {
    let k = (usize::from(b0) << 8 | usize::from(b1)).wrapping_sub(0xD800);
    table.get(k).copied().unwrap_or(0)
}

const ZWNJ_UTF8: [u8; 3] = [0xE2, 0x80, 0x8C];

/// Stands for the end of a protected span in `Engine::prev`: no rule matches it (it is a
/// private-use character, and never written).
const SPAN_END: char = '\u{E000}';

struct Engine<'t, 's, S> {
    n: Normalizer,
    text: &'t str,
    sink: &'s mut S,
    plain: &'static [u8; PLAIN_LEN],
    /// Do Persian digits stay as they are?
    plain_digits: bool,
    pending: Option<Pending>,
    /// The last visible character written on this line (after mapping), marks excluded.
    prev: Option<char>,
    /// The one before it.
    prev2: Option<char>,
    /// The mark written right after `prev`, if any (to collapse doubled marks).
    prev_mark: Option<char>,
    /// Letters in the word being written.
    word_len: u32,
    /// Letters in the word before the last non-letter (for `ج.ا.ا`: no space after `.`
    /// when it ends a one-letter word).
    last_word_len: u32,
    script: Script,
    /// Where the quote mark that closes the quotation we opened with `«` is.
    quote_close: Option<usize>,
    scratch: String,
    /// Is half-space restoration on?
    restoring: bool,
    /// What restoration decided for the words ahead.
    plan: Plan,
    /// (end of the line last checked, whether it contains a ZWNJ)
    zwnj_line: (usize, bool),
}

impl<S: Sink> Engine<'_, '_, S> {
    fn run(&mut self) {
        let text = self.text;
        let mut i = 0;
        while i < text.len() {
            i = self.fast_run(i);
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let j = i + c.len_utf8();
            i = self.step(c, i, j);
        }
        self.line_end();
    }

    /// Handles the character `c` at `i..j`; returns where to continue.
    fn step(&mut self, c: char, i: usize, j: usize) -> usize {
        if self.restoring && is_arabic_letter(c) {
            self.restore_at(i);
        }
        match c {
            '\n' | '\r' => {
                self.line_end();
                return j;
            }
            _ if is_space(c) => {
                if self.n.whitespace {
                    self.hold(PendingKind::Space, i..j);
                } else {
                    self.visible(c, i, j, Mapped::Same, false);
                }
            }
            ZWNJ if self.n.zwnj => self.hold(PendingKind::Zwnj, i..j),
            ZWNJ => self.transparent(i),
            SOFT_HYPHEN | RLM | LRM | NOT_SIGN if self.n.controls && self.half_space_mark(j) => {
                self.hold(PendingKind::HalfSpaceMark, i..j)
            }
            _ if self.n.controls && controls::is_removable_control(c) => {
                self.delete(i..j, Rule::Controls)
            }
            _ if controls::is_removable_control(c) => self.transparent(i),
            _ => {
                if let Some(end) = self.protected_span(i) {
                    self.protected(i, end);
                    return end;
                }
                let (mapped, end) = self.map(c, i, j);
                match mapped {
                    Mapped::Delete(rule) => self.delete(i..end, rule),
                    mapped => self.visible(c, i, end, mapped, true),
                }
                return end;
            }
        }
        j
    }

    /// Skips text that no step can change, while nothing is pending; returns where the slow
    /// path must take over. Byte-level, with a state machine over a few token classes: plain
    /// Persian letters and digits (two bytes, lead byte D8..DB, classified by [`PLAIN`]),
    /// single spaces, ZWNJs between joining letters, and punctuation in the positions where
    /// the spacing rules are already satisfied (`word، word`, `(۱۸`, `«word»`). Anything else
    /// (a second space, a letter glued after a digit or a comma, Latin text, marks) stops it.
    #[inline]
    fn fast_run(&mut self, start: usize) -> usize {
        if self.pending.is_some() {
            return start;
        }
        self.plan.skip_to(start);
        let mut state = match self.prev {
            None => Run::Start,
            Some(_) if self.prev_mark.is_some() => return start,
            Some(p) if is_arabic_letter(p) => Run::Word {
                joins: joins_forward(p),
            },
            Some(p) if self.plain_digits && matches!(digit(p), Some((_, DigitScript::Persian))) => {
                Run::Digit
            }
            _ => return start,
        };
        let bytes = self.text.as_bytes();
        let mut i = start;
        let mut word_len = self.word_len;
        let mut last_word_len = self.last_word_len;
        let mut any_word = false;
        let table = self.plain;
        loop {
            // A position restoration planned: write its edit here, in a plain word, or let
            // the slow path do it.
            if let Some(p) = self.plan.peek().filter(|p| p.at == i) {
                let rule = Rule::HalfSpace(p.decision.reason);
                let evidence = Some(p.decision.evidence);
                match (p.action, state) {
                    (Action::Insert, Run::Word { joins }) => {
                        self.plan.pop();
                        if joins {
                            self.sink
                                .edit_with(self.text, i..i, "\u{200C}", rule, evidence);
                        }
                    }
                    (Action::Join(join), Run::Word { joins })
                        if bytes.get(i) == Some(&b' ') && is_plain_letter(bytes, i + 1) =>
                    {
                        self.plan.pop();
                        let with = if join == Join::Zwnj && joins {
                            "\u{200C}"
                        } else {
                            ""
                        };
                        self.sink
                            .edit_with(self.text, i..i + 1, with, rule, evidence);
                        i += 1; // the next word goes on with this one
                        continue;
                    }
                    _ => break,
                }
            }
            // The common case first, without the state machine: a run of letters, then one
            // space or ZWNJ and another letter.
            if matches!(
                state,
                Run::Start | Run::Word { .. } | Run::Space | Run::Opener
            ) {
                // A word starts here: restoration plans it, and the slow path takes over if
                // anything is to be done.
                if self.restoring
                    && matches!(state, Run::Start | Run::Space | Run::Opener)
                    && i >= self.plan.planned_to
                    && matches!(self.token(bytes, i).0, Token::Letter { .. })
                {
                    let split = !self.line_has_zwnj(i);
                    self.plan.plan(
                        self.text,
                        i,
                        self.n.spacing,
                        self.n.user_words.map(|u| u.0),
                        split,
                    );
                }
                // Stop at the next planned position, if any.
                let barrier = self.plan.peek().map_or(usize::MAX, |p| p.at);
                let stop = barrier.min(bytes.len());
                let is_letter = |k: usize| plain_class(table, bytes, k) & PLAIN_LETTER != 0;
                // Words of plain letters and the single spaces and ZWNJs between them: the
                // bulk of clean text, in a tight loop.
                let mut any = false;
                loop {
                    let begin = i;
                    let last;
                    (i, last) = letter_run(table, bytes, i, stop);
                    if last == 0 {
                        break;
                    }
                    any = true;
                    word_len += ((i - begin) / 2) as u32;
                    state = Run::Word {
                        joins: last == PLAIN_JOINER,
                    };
                    if i == barrier {
                        break;
                    }
                    let b = bytes.get(i).copied();
                    if b == Some(b' ') && is_letter(i + 1) {
                        last_word_len = word_len;
                        word_len = 0;
                        state = Run::Space;
                        i += 1;
                        if self.restoring {
                            break; // the next word is planned first
                        }
                        continue;
                    }
                    if last == PLAIN_JOINER
                        && b == Some(ZWNJ_UTF8[0])
                        && bytes.get(i..i + 3) == Some(&ZWNJ_UTF8)
                        && is_letter(i + 3)
                    {
                        i += 3;
                        continue;
                    }
                    break;
                }
                if any {
                    any_word = true;
                    if i == barrier || state == Run::Space {
                        continue;
                    }
                }
            }
            if self.plan.peek().is_some_and(|p| p.at == i) {
                break;
            }
            let (token, len) = self.token(bytes, i);
            let next = match token {
                Token::Letter { joins } => match state {
                    Run::Start | Run::Word { .. } | Run::Space | Run::Opener => Run::Word { joins },
                    _ => break, // glued after a digit or a closing mark: a space may be missing
                },
                Token::Digit => match state {
                    Run::Start | Run::Word { .. } | Run::Digit | Run::Space | Run::Opener => {
                        Run::Digit
                    }
                    _ => break,
                },
                Token::Space => match state {
                    Run::Word { .. } | Run::Digit | Run::Closer
                        if matches!(
                            self.token(bytes, i + 1).0,
                            Token::Letter { .. } | Token::Digit | Token::Opener
                        ) =>
                    {
                        Run::Space
                    }
                    _ => break,
                },
                Token::Zwnj => match state {
                    Run::Word { joins: true }
                        if matches!(self.token(bytes, i + len).0, Token::Letter { .. }) =>
                    {
                        Run::Word { joins: true }
                    }
                    _ => break,
                },
                Token::Closer => match state {
                    Run::Word { .. } | Run::Digit if bytes.get(i + len) == Some(&b' ') => {
                        Run::Closer
                    }
                    _ => break,
                },
                Token::Opener => match state {
                    Run::Start | Run::Space
                        if matches!(
                            self.token(bytes, i + len).0,
                            Token::Letter { .. } | Token::Digit
                        ) =>
                    {
                        Run::Opener
                    }
                    _ => break,
                },
                Token::Other => break,
            };
            match token {
                Token::Letter { .. } => {
                    word_len += 1;
                    any_word = true;
                }
                Token::Zwnj => {}
                _ => {
                    any_word |= token == Token::Digit;
                    if word_len > 0 {
                        last_word_len = word_len;
                    }
                    word_len = 0;
                }
            }
            state = next;
            i += len;
        }
        if i > start {
            let written = &self.text[start..i];
            let mut back = written.chars().rev();
            let before = self.prev;
            self.prev = back.next();
            self.prev2 = back.next().or(before);
            self.prev_mark = None;
            self.word_len = word_len;
            self.last_word_len = last_word_len;
            if any_word {
                self.script = Script::Persian;
            }
        }
        i
    }

    /// The fast path's token at `bytes[i..]` and its length in bytes.
    #[inline(always)]
    fn token(&self, bytes: &[u8], i: usize) -> (Token, usize) {
        let Some(&b) = bytes.get(i) else {
            return (Token::Other, 0);
        };
        match b {
            0xD8..=0xDB => {
                let token = match plain_class(self.plain, bytes, i) {
                    PLAIN_LETTER => Token::Letter { joins: false },
                    PLAIN_JOINER => Token::Letter { joins: true },
                    PLAIN_DIGIT if self.plain_digits => Token::Digit,
                    PLAIN_CLOSER => Token::Closer,
                    _ => Token::Other,
                };
                (token, 2)
            }
            b' ' => (Token::Space, 1),
            b'.' | b':' | b'!' | b')' => (Token::Closer, 1),
            b'(' => (Token::Opener, 1),
            0xC2 => match bytes.get(i + 1) {
                Some(0xAB) => (Token::Opener, 2), // «
                Some(0xBB) => (Token::Closer, 2), // »
                _ => (Token::Other, 0),
            },
            0xE2 if bytes.get(i..i + 3) == Some(&ZWNJ_UTF8) => (Token::Zwnj, 3),
            _ => (Token::Other, 0),
        }
    }

    /// Is a soft hyphen, RLM, LRM or `¬` ending at `j` between two Arabic letters, so that it was
    /// typed as a half-space?
    fn half_space_mark(&self, j: usize) -> bool {
        self.prev.is_some_and(is_arabic_letter)
            && self.prev_mark.is_none()
            && !self.space_pending()
            && self.peek(j).is_some_and(is_arabic_letter)
    }

    /// Whitespace or a ZWNJ-like character at `range` becomes (part of) the pending gap.
    fn hold(&mut self, kind: PendingKind, range: Range<usize>) {
        match &mut self.pending {
            // A ZWNJ at a line start or right after a space joins nothing.
            None if kind != PendingKind::Space && self.prev.is_none() => {
                self.delete(range, Rule::Zwnj)
            }
            None => self.pending = Some(Pending { kind, range }),
            Some(p) if p.kind == PendingKind::Space || kind != PendingKind::Space => {
                p.range.end = range.end; // collapse into the pending gap
            }
            Some(_) => {
                // A ZWNJ followed by a space: the ZWNJ goes, the space waits.
                self.resolve_at_gap();
                self.pending = Some(Pending { kind, range });
            }
        }
    }

    /// Deletes `range`, or absorbs it into the pending gap so edits stay in order.
    fn delete(&mut self, range: Range<usize>, rule: Rule) {
        match &mut self.pending {
            Some(p) => p.range.end = range.end,
            None => self.sink.edit(self.text, range, "", rule),
        }
    }

    /// A character that stays and is invisible to the rules (a control or ZWNJ whose step is
    /// switched off): the pending gap is written before it.
    fn transparent(&mut self, i: usize) {
        if let Some(p) = self.pending.take() {
            self.write_gap(p, None, i);
        }
    }

    /// The pending gap ends at a space or line end: ZWNJs go, whitespace waits.
    fn resolve_at_gap(&mut self) {
        if let Some(p) = self.pending.take() {
            let rule = if p.kind == PendingKind::HalfSpaceMark {
                Rule::HalfSpaceMark
            } else {
                Rule::Zwnj
            };
            self.sink.edit(self.text, p.range, "", rule);
        }
    }

    fn line_end(&mut self) {
        if let Some(p) = self.pending.take() {
            let rule = match p.kind {
                PendingKind::Space => Rule::Whitespace,
                PendingKind::Zwnj => Rule::Zwnj,
                PendingKind::HalfSpaceMark => Rule::HalfSpaceMark,
            };
            self.sink.edit(self.text, p.range, "", rule);
        }
        self.prev = None;
        self.prev2 = None;
        self.prev_mark = None;
        self.word_len = 0;
        self.last_word_len = 0;
        self.script = Script::None;
        self.quote_close = None;
    }

    /// Does the line around `at` contain a ZWNJ? Computed once per line.
    fn line_has_zwnj(&mut self, at: usize) -> bool {
        if at >= self.zwnj_line.0 {
            let bytes = self.text.as_bytes();
            let start = self.text[..at].rfind('\n').map_or(0, |k| k + 1);
            let end = self.text[at..].find('\n').map_or(bytes.len(), |k| at + k);
            let has = self.text[start..end].contains(ZWNJ);
            self.zwnj_line = (end, has);
        }
        self.zwnj_line.1
    }

    /// Before the letter at `i`: plans the word if one starts here, and writes a planned
    /// ZWNJ that belongs before it.
    fn restore_at(&mut self, i: usize) {
        // A join planned for the gap still pending stays.
        let from = self.pending.as_ref().map_or(i, |p| p.range.start);
        self.plan.skip_to(from);
        if self.plan.is_empty() && i >= self.plan.planned_to {
            let split = !self.line_has_zwnj(i);
            self.plan.plan(
                self.text,
                i,
                self.n.spacing,
                self.n.user_words.map(|u| u.0),
                split,
            );
        }
        if let Some(p) = self.plan.peek()
            && p.at == i
            && p.action == Action::Insert
        {
            self.plan.pop();
            if self.pending.is_none() && self.prev.is_some_and(joins_forward) {
                let rule = Rule::HalfSpace(p.decision.reason);
                self.sink
                    .edit_with(self.text, i..i, "\u{200C}", rule, Some(p.decision.evidence));
            }
        }
    }

    /// Writes the pending gap, if any, before the visible character `next` at `at` (`None`
    /// for a protected span); returns whether the gap was whitespace.
    fn write_pending(&mut self, next: Option<char>, at: usize) -> bool {
        match self.pending.take() {
            None => false,
            Some(p) => {
                let space = p.kind == PendingKind::Space;
                self.write_gap(p, next, at);
                space
            }
        }
    }

    /// Writes the pending gap `p` before the visible character `next` at `at`.
    fn write_gap(&mut self, p: Pending, next: Option<char>, at: usize) {
        let text = self.text;
        match p.kind {
            PendingKind::Space => {
                if let Some(planned) = self.plan.peek()
                    && planned.at == p.range.start
                    && let Action::Join(join) = planned.action
                {
                    self.plan.pop();
                    let keep = join == Join::Zwnj
                        && self.prev.is_some_and(joins_forward)
                        && next.is_some_and(is_arabic_letter);
                    let with = if keep { "\u{200C}" } else { "" };
                    let rule = Rule::HalfSpace(planned.decision.reason);
                    self.sink
                        .edit_with(text, p.range, with, rule, Some(planned.decision.evidence));
                    return;
                }
                let (with, rule) = if self.prev.is_none() {
                    ("", Rule::Whitespace) // trim at the line start
                } else if next.is_some_and(|f| self.no_space_between(f, at)) {
                    ("", Rule::PunctuationSpacing)
                } else {
                    (" ", Rule::Whitespace)
                };
                // A single space that stays needs no edit call.
                if !(with == " " && &text[p.range.clone()] == " ") {
                    self.sink.edit(text, p.range, with, rule);
                }
            }
            PendingKind::Zwnj | PendingKind::HalfSpaceMark => {
                let keep =
                    self.prev.is_some_and(joins_forward) && next.is_some_and(is_arabic_letter);
                let rule = if p.kind == PendingKind::Zwnj {
                    Rule::Zwnj
                } else {
                    Rule::HalfSpaceMark
                };
                let with = if keep { "\u{200C}" } else { "" };
                self.sink.edit(text, p.range, with, rule);
            }
        }
    }

    /// Should the space before `next` (at `at`) go? Before closing punctuation and inside
    /// opening punctuation, in Persian context.
    fn no_space_between(&self, next: char, at: usize) -> bool {
        if !self.n.punctuation_spacing {
            return false;
        }
        let prev = self.prev.expect("called after a visible character");
        if punct::is_opener(prev)
            && (self.persian() || punct::is_persian_punctuation(prev) || is_arabic_letter(next))
        {
            return true;
        }
        if !punct::is_closer(next) || !(self.persian() || punct::is_persian_punctuation(next)) {
            return false;
        }
        // `.5`, `.NET`: a dot before a word is not a full stop.
        let input_len = self.text[at..].chars().next().map_or(0, char::len_utf8);
        let after = self.peek(at + input_len);
        !(next == '.' && after.is_some_and(|a| a.is_ascii_alphanumeric() || is_digit(a)))
    }

    /// With nothing between `prev` and `next`, does a space belong there?
    fn missing_space(&self, next: char, at: usize) -> Option<Rule> {
        let prev = self.prev?;
        let persian = self.persian();
        if self.n.punctuation_spacing {
            let word = punct::is_word_char(next);
            let insert = match prev {
                '\u{060C}' | '\u{061B}' | '\u{061F}' | '!' | ELLIPSIS => {
                    (word || punct::is_opener(next))
                        && (persian || punct::is_persian_punctuation(prev))
                }
                ':' => {
                    persian
                        && (word || punct::is_opener(next))
                        && !(is_digit(next) && self.prev2.is_some_and(is_digit))
                }
                '.' => {
                    persian
                        && is_arabic_letter(next)
                        && self.prev2 != Some('.')
                        && (self.last_word_len >= 2 || self.prev2.is_some_and(is_digit))
                }
                ')' | ']' | RIGHT_GUILLEMET => {
                    (persian || prev == RIGHT_GUILLEMET)
                        && (word || next == LEFT_GUILLEMET || (next == '(' && prev != ']'))
                }
                _ => punct::is_word_char(prev) && punct::is_opener(next) && persian,
            };
            if insert {
                return Some(Rule::PunctuationSpacing);
            }
        }
        if self.n.digit_spacing
            && is_digit(prev)
            && is_arabic_letter(next)
            && !punct::is_number_suffix(&self.text[at..])
        {
            return Some(Rule::DigitSpacing);
        }
        None
    }

    /// The next character from `at` that the steps will not delete (marks, kashida and
    /// controls skipped), so that a decision made on raw input holds on the output too.
    fn peek(&self, at: usize) -> Option<char> {
        self.text[at..]
            .chars()
            .map(|c| base_letter(c, false))
            .find(|&c| !skipped(c))
    }

    /// If exactly three dots start at `at` (invisible characters between them skipped, as
    /// the steps delete them), where the third one ends.
    fn three_dots(&self, at: usize) -> Option<usize> {
        let mut dots = 0;
        let mut end = at;
        for (k, c) in self.text[at..].char_indices() {
            if c == '.' {
                dots += 1;
                if dots > 3 {
                    return None;
                }
                end = at + k + 1;
            } else if !self.deleted_after_mark(c) {
                break;
            }
        }
        (dots == 3).then_some(end)
    }

    /// Will `c`, right after a punctuation mark, surely be deleted by a step? (A kashida
    /// there is a dash and stays.)
    fn deleted_after_mark(&self, c: char) -> bool {
        let n = self.n;
        (n.controls && controls::is_removable_control(c))
            || (n.zwnj && c == ZWNJ)
            || (is_arabic_mark(c) && diacritics::removes(c, n.diacritics))
    }

    /// Is whitespace pending (a word boundary before the next character)?
    fn space_pending(&self) -> bool {
        matches!(
            self.pending,
            Some(Pending {
                kind: PendingKind::Space,
                ..
            })
        )
    }

    fn persian(&self) -> bool {
        self.script == Script::Persian
    }

    /// Writes a visible character: first the gap before it, then the character (`c` at
    /// `i..end`, mapped), then updates the state. `rules` is false for a character no spacing
    /// rule should see (a space whose step is off).
    fn visible(&mut self, c: char, i: usize, end: usize, mapped: Mapped, rules: bool) {
        let first = match &mapped {
            Mapped::Same => c,
            Mapped::Char(m, _) => *m,
            Mapped::Scratch(_) => self.scratch.chars().next().unwrap_or(c),
            Mapped::Delete(_) => unreachable!("deletions are not visible"),
        };
        let had_space = self.write_pending(Some(first), i);
        if !had_space
            && rules
            && !is_arabic_mark(first)
            && let Some(rule) = self.missing_space(first, i)
        {
            self.sink.edit(self.text, i..i, " ", rule);
        }
        match mapped {
            Mapped::Same => self.note(c),
            Mapped::Char(m, rule) => {
                let mut buf = [0u8; 4];
                self.sink
                    .edit(self.text, i..end, m.encode_utf8(&mut buf), rule);
                self.note(m);
            }
            Mapped::Scratch(rule) => {
                let s = std::mem::take(&mut self.scratch);
                self.sink.edit(self.text, i..end, &s, rule);
                s.chars().for_each(|m| self.note(m));
                self.scratch = s;
            }
            Mapped::Delete(_) => {}
        }
    }

    /// Updates the state after writing `c`.
    fn note(&mut self, c: char) {
        if is_arabic_mark(c) {
            self.prev_mark = Some(c);
            return;
        }
        self.prev2 = self.prev;
        self.prev = Some(c);
        self.prev_mark = None;
        if is_arabic_letter(c) {
            self.word_len += 1;
            self.script = Script::Persian;
        } else if c.is_ascii_alphabetic() || crate::chars::is_other_letter(c) {
            self.word_len += 1;
            if is_latin_letter(c) {
                self.script = Script::Latin;
            }
        } else {
            self.last_word_len = self.word_len;
            self.word_len = 0;
            if matches!(
                digit(c),
                Some((_, DigitScript::Persian | DigitScript::ArabicIndic))
            ) {
                self.script = Script::Persian;
            }
        }
    }

    /// The end of a protected span (URL, email, ...) starting at `i`, if one does.
    fn protected_span(&self, i: usize) -> Option<usize> {
        if !self.n.protect || !protect::may_start(self.text.as_bytes()[i]) {
            return None;
        }
        let word_start = self.space_pending() || self.prev.is_none_or(|p| !punct::is_word_char(p));
        if !word_start {
            return None;
        }
        protect::span_at(self.text, i)
    }

    /// Copies the protected span `i..end` unchanged.
    fn protected(&mut self, i: usize, end: usize) {
        let span = &self.text[i..end];
        let first = span.chars().next().expect("spans are not empty");
        // A span is a word to the spacing rules after an opening bracket (`[ a@b.ir` loses its
        // space, as `[ word` does); elsewhere its first character is no closing mark (`![`).
        let next = self.prev.filter(|&p| punct::is_opener(p)).map(|_| first);
        let had_space = self.write_pending(next, i);
        if !had_space && let Some(rule) = self.missing_space(first, i) {
            self.sink.edit(self.text, i..i, " ", rule);
        }
        // The span's last character is a letter or digit for the rules after it, or else
        // neutral: the `[` that ends `:[` is not an opening bracket.
        let last = span
            .chars()
            .rev()
            .find(|&c| !is_arabic_mark(c))
            .filter(|&c| punct::is_word_char(c))
            .unwrap_or(SPAN_END);
        self.prev2 = Some(SPAN_END);
        self.prev = Some(last);
        self.prev_mark = None;
        self.word_len = 0;
        self.last_word_len = 0;
        // The context after a span is that of its last letter, as if it had been read
        // character by character; otherwise a span that grows or shrinks when an edit next to
        // it is made (`@user` + ZWNJ + `A`) would change the rules after it on a second pass.
        if let Some(c) = span
            .chars()
            .rev()
            .find(|&c| is_arabic_letter(c) || is_latin_letter(c))
        {
            self.script = if is_arabic_letter(c) {
                Script::Persian
            } else {
                Script::Latin
            };
        }
    }

    /// Runs the mapping steps on `c` at `i..j`; returns the result and where it ends (a
    /// `...` spans three bytes).
    fn map(&mut self, c: char, i: usize, j: usize) -> (Mapped, usize) {
        let n = self.n;
        // A kashida stretches the letter before it; standing alone (`ایران ـ ترکیه`) it is a
        // dash and stays.
        let after_letter = !self.space_pending() && self.prev.is_some_and(joins_forward);
        if c == KASHIDA && n.kashida && after_letter {
            let extra = self.text[j..].chars().take_while(|&k| k == KASHIDA).count();
            return (
                Mapped::Delete(Rule::Kashida),
                j + extra * KASHIDA.len_utf8(),
            );
        }
        if letters::is_presentation_form(c)
            && let Some(base) = letters::presentation_form(c)
        {
            self.scratch.clear();
            let mut last_mark = self.prev_mark;
            for b in base.chars() {
                let b = letters::persian_letter(b, n.letters).unwrap_or(b);
                let mark = is_arabic_mark(b);
                let doubled = mark && last_mark == Some(b) && n.diacritics != Diacritics::Keep;
                if !doubled && !diacritics::removes(b, n.diacritics) {
                    self.scratch.push(b);
                    last_mark = if mark { Some(b) } else { None };
                }
            }
            if self.scratch.is_empty() {
                return (Mapped::Delete(Rule::PresentationForms), j);
            }
            return (Mapped::Scratch(Rule::PresentationForms), j);
        }
        if let Some(m) = letters::persian_letter(c, n.letters) {
            return (Mapped::Char(m, Rule::Letters), j);
        }
        if is_arabic_mark(c) {
            let doubled = self.prev_mark == Some(c) && n.diacritics != Diacritics::Keep;
            if doubled || diacritics::removes(c, n.diacritics) {
                return (Mapped::Delete(Rule::Diacritics), j);
            }
            return (Mapped::Same, j);
        }
        if let Some((_, script)) = digit(c) {
            let to = match n.digits {
                DigitPolicy::Keep => None,
                DigitPolicy::Unify => {
                    (script == DigitScript::ArabicIndic).then_some(Digits::Persian)
                }
                DigitPolicy::To(Digits::Latin) => Some(Digits::Latin),
                DigitPolicy::To(to) => {
                    crate::digits::in_persian_context(self.text, i).then_some(to)
                }
            };
            return match to.and_then(|to| to.map(c)) {
                Some(m) => (Mapped::Char(m, Rule::Digits), j),
                None => (Mapped::Same, j),
            };
        }
        if n.punctuation
            && let Some(m) = self.persian_punctuation(c, i, j)
        {
            return m;
        }
        (Mapped::Same, j)
    }

    /// Step 6: Latin punctuation in Persian context.
    fn persian_punctuation(&mut self, c: char, i: usize, j: usize) -> Option<(Mapped, usize)> {
        let next = self.peek(j);
        let m = match c {
            ',' | ';' | '?' if self.persian() => {
                if c == ',' && self.prev.is_some_and(is_digit) && next.is_some_and(is_digit) {
                    return None; // 1,250: a thousands separator
                }
                punct::persian_mark(c)?
            }
            '.' if self.prev != Some('.') => {
                let end = self.three_dots(i)?;
                if !(self.persian() || self.peek(end).is_some_and(is_arabic_letter)) {
                    return None;
                }
                return Some((Mapped::Char(ELLIPSIS, Rule::Punctuation), end));
            }
            '%' if matches!(self.prev.and_then(digit), Some((_, DigitScript::Persian))) => {
                ARABIC_PERCENT
            }
            _ if punct::is_convertible_quote(c) => self.quote(i, j)?,
            _ => return None,
        };
        Some((Mapped::Char(m, Rule::Punctuation), j))
    }

    /// A straight or curly double quote becomes `«` when it opens a Persian quotation whose
    /// closing mark is on the same line, and that closing mark becomes `»`. The pair is
    /// decided at the opening mark, so an unpaired mark is never half converted.
    fn quote(&mut self, i: usize, j: usize) -> Option<char> {
        if self.quote_close == Some(i) {
            self.quote_close = None;
            return Some(RIGHT_GUILLEMET);
        }
        if self.quote_close.is_some() {
            return None; // a mark inside a quotation we are converting
        }
        let at_start = self.space_pending() || self.prev.is_none_or(|p| !punct::is_word_char(p));
        if !at_start || !self.peek(j).is_some_and(persian_inside) {
            return None;
        }
        let close = j + punct::next_quote(&self.text[j..])?;
        if !self.closes_quote(close) {
            return None;
        }
        self.quote_close = Some(close);
        Some(LEFT_GUILLEMET)
    }

    /// Can the quote mark at `at` close a Persian quotation? It must follow text or a final
    /// mark directly, and not be glued to a word after it.
    fn closes_quote(&self, at: usize) -> bool {
        let before = self.text[..at]
            .chars()
            .rev()
            .map(|c| base_letter(c, true))
            .find(|&c| !skipped(c));
        let len = self.text[at..].chars().next().map_or(0, char::len_utf8);
        before.is_some_and(|b| {
            persian_inside(b) || matches!(b, '.' | '!' | '?' | '\u{061F}' | ')' | ELLIPSIS)
        }) && !self.peek(at + len).is_some_and(punct::is_word_char)
    }
}

/// Text that may sit inside a Persian quotation mark: an Arabic-script letter or digit.
fn persian_inside(c: char) -> bool {
    is_arabic_letter(c)
        || matches!(
            digit(c),
            Some((_, DigitScript::Persian | DigitScript::ArabicIndic))
        )
}

/// The first (or `last`) base character of a presentation form; other characters as they are.
fn base_letter(c: char, last: bool) -> char {
    if !letters::is_presentation_form(c) {
        return c;
    }
    match letters::presentation_form(c) {
        Some(base) => {
            let mut chars = base.chars();
            if last {
                chars.next_back()
            } else {
                chars.next()
            }
            .unwrap_or(c)
        }
        _ => c,
    }
}

/// Characters the steps delete, which lookahead and lookbehind skip.
pub(crate) fn skipped(c: char) -> bool {
    is_arabic_mark(c) || matches!(c, KASHIDA | ZWNJ) || controls::is_removable_control(c)
}
