//! The engine's fast path: a byte-level state machine that skips text no step can change.

use super::tables::{
    PLAIN_CLOSER, PLAIN_DIGIT, PLAIN_JOINER, PLAIN_LEN, PLAIN_LETTER, is_plain_letter, letter_run,
    pair_class, plain_class,
};
use super::{Engine, Script};
use crate::chars::{
    DigitScript, ZWNJ_UTF8, digit, is_arabic_letter, is_arabic_mark, joins_forward,
};
use crate::halfspace::Join;
use crate::normalize::Rule;
use crate::normalize::letters::persian_form;
use crate::normalize::restore::Action;
use crate::offsets::Sink;

/// The fewest bytes worth a quiet-block window.
const MIN_QUIET: usize = 64;

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

impl<S: Sink> Engine<'_, '_, S> {
    /// Skips text that no step can change, while nothing is pending; returns where the slow
    /// path must take over. Byte-level, with a state machine over a few token classes: plain
    /// Persian letters and digits (two bytes, lead byte D8..DB, classified by [`PLAIN`]),
    /// single spaces, ZWNJs between joining letters, and punctuation in the positions where
    /// the spacing rules are already satisfied (`word، word`, `(۱۸`, `«word»`). Anything else
    /// (a second space, a letter glued after a digit or a comma, Latin text, marks) stops it.
    #[inline]
    pub(super) fn fast_run(&mut self, start: usize) -> usize {
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
        let mut any_word = false;
        // Where the line after the last line end passed starts, if any.
        let mut line = None;
        let table = self.plain;
        loop {
            // A position restoration planned: write its edit here, in a plain word, or let
            // the slow path do it.
            if let Some(p) = self.plan.peek().filter(|p| p.at == i) {
                let rule = Rule::HalfSpace(p.decision.reason);
                let evidence = Some(p.decision.evidence);
                match (p.action, state) {
                    (Action::Insert, Run::Word { joins }) if p.inside == 0 => {
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
                    self.plan_word(i);
                }
                // Stop at the next planned position, if any.
                let barrier = self.plan.peek().map_or(usize::MAX, |p| p.at);
                // Whole blocks of common letters, digits, single spaces, ZWNJs and commas and
                // full stops that take the space after them, up to the end of what restoration
                // has planned. After a letter, the bytes behind are that letter as written.
                let limit = if self.restoring {
                    barrier.min(self.plan.planned_to)
                } else {
                    barrier
                };
                // (A window costs about as much as the letter loop on 64 bytes: not for a
                // word or two that restoration planned.) Restoration's scan may have read the
                // words ahead already: they are quiet, and not read again.
                let scanned = self.plan.scanned_to(i).min(limit);
                if let Some(kernel) = self.quiet
                    && (scanned > i || limit.saturating_sub(i) >= MIN_QUIET)
                {
                    // The report's memory is the engine's, reused.
                    let mut report = std::mem::take(&mut self.quiet_report);
                    report.line = None;
                    report.arabic.clear();
                    let lookback = matches!(state, Run::Word { .. });
                    let end = if scanned > i {
                        // The scan reads across line ends, as quiet blocks do.
                        report.line = self.plan.scanned_line(self.text, i..scanned);
                        self.plan.forms_read(i..scanned, &mut report.arabic);
                        scanned
                    } else {
                        kernel.quiet_end(bytes, i, limit, lookback, &mut report)
                    };
                    // The Arabic letter forms in the run, replaced.
                    for &at in &report.arabic {
                        let with = if bytes[at + 1] == 0x83 { "ک" } else { "ی" };
                        self.sink.edit(self.text, at..at + 2, with, Rule::Letters);
                    }
                    let new_line = report.line;
                    self.quiet_report = report;
                    if end > i {
                        line = new_line.or(line);
                        any_word = true;
                        i = end;
                        match after_quiet(table, bytes, end) {
                            Some(after) => state = after,
                            None => break, // after a mark: the slow path goes on
                        }
                        // Past a planned position, past what is planned, or outside a word:
                        // back to the top.
                        if !matches!(state, Run::Word { .. } | Run::Space)
                            || i == barrier
                            || (self.restoring && i >= self.plan.planned_to)
                        {
                            continue;
                        }
                    }
                }
                let stop = barrier.min(bytes.len());
                let is_letter = |k: usize| plain_class(table, bytes, k) & PLAIN_LETTER != 0;
                // Words of plain letters and the single spaces and ZWNJs between them: the
                // bulk of clean text, in a tight loop.
                let mut any = false;
                loop {
                    let last;
                    (i, last) = letter_run(table, bytes, i, stop);
                    if last == 0 {
                        break;
                    }
                    any = true;
                    state = Run::Word {
                        joins: last == PLAIN_JOINER,
                    };
                    if i == barrier {
                        break;
                    }
                    let b = bytes.get(i).copied();
                    if b == Some(b' ') && is_letter(i + 1) {
                        state = Run::Space;
                        i += 1;
                        if self.restoring && i >= self.plan.planned_to {
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
            any_word |= matches!(token, Token::Letter { .. } | Token::Digit);
            state = next;
            i += len;
        }
        if i > start {
            let written = &self.text[start..i];
            // Quiet blocks go through line ends: the state is that of the last line.
            if let Some(at) = line {
                self.word_floor = at;
            }
            let (line, new_line) = match line {
                Some(at) => (&self.text[at..i], true),
                None => (written, false),
            };
            let mut back = line.chars().rev().peekable();
            let before = if new_line { None } else { self.prev };
            // A quiet run may end with a mark after a letter (perhaps the letter before it).
            self.prev_mark = back.next_if(|&c| is_arabic_mark(c));
            // As written: the quiet run's Arabic letter forms were replaced.
            match back.next() {
                Some(c) => {
                    self.prev = Some(persian_form(c));
                    self.prev2 = back.next().map(persian_form).or(before);
                }
                None if new_line => (self.prev, self.prev2) = (None, None),
                None => {} // only the mark: the letter before it is still the last
            }
            if new_line {
                self.quote_close = None;
                // A quiet line end is followed by a letter or digit, or by another line end.
                self.script = if line.is_empty() {
                    Script::None
                } else {
                    Script::Persian
                };
            } else if any_word {
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
}

/// The fast path's state after quiet bytes that end at `end`, or `None` after a mark (which
/// the fast path does not follow).
fn after_quiet(table: &[u8; PLAIN_LEN], bytes: &[u8], end: usize) -> Option<Run> {
    Some(match bytes[end - 1] {
        b' ' => Run::Space,
        b'\n' => Run::Start,
        b'.' | b':' | b'!' | b')' => Run::Closer,
        // A ZWNJ follows a joining letter.
        _ if bytes[..end].ends_with(&ZWNJ_UTF8) => Run::Word { joins: true },
        // ي ى ك, written as ی ک
        0x83 | 0x89 | 0x8A if bytes[end - 2] == 0xD9 => Run::Word { joins: true },
        _ => match pair_class(table, bytes[end - 2], bytes[end - 1]) {
            PLAIN_DIGIT => Run::Digit,
            PLAIN_CLOSER => Run::Closer,
            0 => return None,
            class => Run::Word {
                joins: class == PLAIN_JOINER,
            },
        },
    })
}
