//! The single pass. Reads the input once, left to right, and reports edits to a [`Sink`].
//!
//! Whitespace and ZWNJs are not written when they are read: they become *pending* until the
//! next visible character arrives, because whether they stay depends on both neighbours
//! (`گفت :` loses its space, `کتاب\u{200C} ها` its ZWNJ). Characters the steps delete while
//! something is pending are absorbed into it, so edits always arrive in input order.
//!
//! Runs of plain Persian letters, single spaces and ZWNJs between them (the bulk of clean
//! text) are skipped by a byte-level fast path that needs no decoding: see [`Engine::fast_run`].
//! Where the processor has AVX2 (or AVX-512BW), that path skips 56 bytes of prose at a time
//! ([`quiet`]).

use std::ops::Range;

mod fast;
mod gaps;
pub(super) mod quiet;
mod tables;

use tables::{PLAIN, PLAIN_LEN};
pub(crate) use tables::{
    is_plain_digit_or_closer, is_plain_letter, is_script_letter, plain_letter_run, script_word_run,
};

use super::restore::{self, Action, Plan};
use super::{
    Diacritics, DigitPolicy, Letters, Normalizer, Rule, controls, diacritics, letters, protect,
    punctuation as punct,
};
use crate::Digits;
use crate::chars::{
    ARABIC_PERCENT, DigitScript, ELLIPSIS, KASHIDA, LEFT_GUILLEMET, LRM, NOT_SIGN, RIGHT_GUILLEMET,
    RLM, SOFT_HYPHEN, ZWNJ, ZWNJ_UTF8, digit, is_arabic_letter, is_arabic_mark, is_digit,
    is_latin_letter, is_space, joins_forward,
};
use crate::halfspace::Spacing;
use crate::offsets::Sink;

/// Normalizes `text` with `n`, reporting every edit to `sink`.
pub(crate) fn run<S: Sink>(n: &Normalizer, text: &str, sink: &mut S) {
    run_with(n, text, sink, true);
}

/// [`run`], skipping quiet blocks if `quiet` and the processor can.
fn run_with<S: Sink>(n: &Normalizer, text: &str, sink: &mut S, quiet: bool) {
    let plain_digits = matches!(
        n.digits,
        DigitPolicy::Keep | DigitPolicy::Unify | DigitPolicy::To(Digits::Persian)
    );
    // Quiet blocks take the letters the letters step keeps in its default mode.
    let quiet = (quiet && n.letters == Letters::Persian)
        .then(|| {
            quiet::Kernel::new(quiet::Allow {
                digits: plain_digits,
                tanwin: n.diacritics != Diacritics::RemoveAll,
            })
        })
        .flatten();
    let mut e = Engine {
        n: *n,
        text,
        sink,
        plain: &PLAIN[n.letters as usize],
        plain_digits,
        pending: None,
        prev: None,
        prev2: None,
        prev_mark: None,
        word_floor: 0,
        script: Script::None,
        quote_close: None,
        scratch: String::new(),
        restoring: n.spacing != Spacing::Off,
        quiet,
        quiet_report: quiet::Report::default(),
        plan: Plan::new(n.spacing),
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
    /// Where the words the spacing rules may look back at start: the line start (see
    /// [`Engine::letters_before_dot`]).
    word_floor: usize,
    script: Script,
    /// Where the quote mark that closes the quotation we opened with `«` is.
    quote_close: Option<usize>,
    scratch: String,
    /// Is half-space restoration on?
    restoring: bool,
    /// The kernel that skips [`quiet`] blocks, where the processor and the settings allow.
    quiet: Option<quiet::Kernel>,
    /// What a quiet run reports (kept to reuse its memory).
    quiet_report: quiet::Report,
    /// What restoration decided for the words ahead.
    plan: Plan,
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
        if self.restoring && restore::starts_word(c) {
            self.restore_at(i);
        }
        match c {
            '\n' | '\r' => {
                self.line_end();
                self.word_floor = j;
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
        self.script = Script::None;
        self.quote_close = None;
    }

    /// Asks restoration for a plan for the word starting at `i`. Fused words are split only
    /// on a line that has no ZWNJ of its own ([`Engine::line_has_zwnj`]).
    #[inline]
    fn plan_word(&mut self, i: usize) {
        let split = !self.line_has_zwnj(i);
        let options = restore::Options {
            mode: self.n.spacing,
            user: self.n.user_words.map(|u| u.0),
            clean_zwnj: self.n.zwnj,
            kernel: self.quiet,
            letters: self.n.letters,
            diacritics: self.n.diacritics,
        };
        self.plan.plan(self.text, i, options, split);
    }

    /// Does the line around `at` keep a ZWNJ of its own ([`keeps_zwnj`])? Asked of the plan,
    /// which keeps the answer for the line last asked about (its scan asks too).
    fn line_has_zwnj(&mut self, at: usize) -> bool {
        self.plan.line_keeps_zwnj(self.text, at, self.n.letters)
    }

    /// Before the letter at `i`: plans the word if one starts here, and writes a planned
    /// ZWNJ that belongs before it.
    fn restore_at(&mut self, i: usize) {
        // A join planned for the gap still pending stays.
        let from = self.pending.as_ref().map_or(i, |p| p.range.start);
        self.plan.skip_to(from);
        if self.plan.is_empty() && i >= self.plan.planned_to {
            self.plan_word(i);
        }
        if let Some(p) = self.plan.peek()
            && p.at == i
            && p.inside == 0
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

    /// Writes into the ligature at `i`, expanded in `scratch`, the ZWNJs restoration planned
    /// among its letters (`ﰽ` ends `یک` in `یکیک` → `یک‌یک`), as a second pass, which reads
    /// the letters, would.
    fn zwnjs_inside_ligature(&mut self, i: usize) {
        if !self.restoring {
            return;
        }
        while let Some(p) = self.plan.peek()
            && p.at == i
            && p.inside > 0
            && p.action == Action::Insert
        {
            self.plan.pop();
            let letters = usize::from(p.inside);
            let at = self
                .scratch
                .char_indices()
                .filter(|&(_, c)| is_arabic_letter(c))
                .nth(letters)
                .map(|(k, _)| k);
            let before = at.and_then(|k| self.scratch[..k].chars().next_back());
            if let Some(k) = at
                && before.is_some_and(joins_forward)
            {
                self.scratch.insert(k, ZWNJ);
            }
        }
    }

    /// The next character from `at` that the steps will not delete (marks, kashida and
    /// controls skipped), so that a decision made on raw input holds on the output too.
    fn peek(&self, at: usize) -> Option<char> {
        self.text[at..]
            .chars()
            .map(|c| base_letter(c, false))
            .find(|&c| !skipped(c))
    }

    /// If exactly three dots start at `at` (invisible characters and kashidas between them
    /// skipped, as the steps delete them), where the third one ends.
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
            } else if !self.deleted_between_dots(c) {
                break;
            }
        }
        (dots == 3).then_some(end)
    }

    /// Will `c` between two dots surely be deleted by a step (so that the dots meet)?
    fn deleted_between_dots(&self, c: char) -> bool {
        self.deleted_after_mark(c) || (self.n.kashida && c == KASHIDA)
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
            self.script = Script::Persian;
        } else if c.is_ascii_alphabetic() || crate::chars::is_other_letter(c) {
            if is_latin_letter(c) {
                self.script = Script::Latin;
            }
        } else {
            if matches!(
                digit(c),
                Some((_, DigitScript::Persian | DigitScript::ArabicIndic))
            ) {
                self.script = Script::Persian;
            }
        }
    }

    /// The letters of the last word before the full stop that comes before `at` (with only
    /// deleted characters between them), on this line: the abbreviation rule asks whether it
    /// is a one-letter word (`ج.ا.ا`). A protected span's letters count as if read a
    /// character at a time: a span that a deleted ZWNJ glues to what follows (`a@b.ir` +
    /// ZWNJ + `0`) is no span on a second pass, which must decide the same. A word is a run of
    /// letters; ZWNJs, marks, kashida and invisible controls inside it do not end it, and a
    /// stop after no word (`،.`, `۱۲.`) looks back at the word before. Computed when asked,
    /// so that nothing counts letters while the text is written.
    fn letters_before_dot(&self, at: usize) -> usize {
        let floor = self.word_floor.min(at);
        let mut chars = self.text[floor..at].chars().rev();
        // Back to the full stop.
        chars.by_ref().find(|&c| c == '.');
        let mut letters = 0;
        for c in chars {
            // A presentation form counts as the letters it stands for, as they are written.
            if let Some(base) =
                letters::presentation_form(c).filter(|_| letters::is_presentation_form(c))
            {
                letters += base.chars().filter(|&b| is_arabic_letter(b)).count();
            } else if is_arabic_letter(c)
                || c.is_ascii_alphabetic()
                || crate::chars::is_other_letter(c)
            {
                letters += 1;
            } else if !(c == ZWNJ
                || c == NOT_SIGN // typed for a ZWNJ on some keyboards
                || is_arabic_mark(c)
                || c == KASHIDA
                || controls::is_removable_control(c))
                && letters > 0
            {
                break;
            }
        }
        letters
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
        // A presentation form the span keeps counts as the letter it stands for, as it does
        // in [`Engine::line_has_zwnj`]: a ZWNJ after `#…ﯶ` joins it to the next letter.
        let last = span
            .chars()
            .rev()
            .find(|&c| !is_arabic_mark(c))
            .filter(|&c| punct::is_word_char(c))
            .map_or(SPAN_END, |c| base_letter(c, true));
        self.prev2 = Some(SPAN_END);
        self.prev = Some(last);
        self.prev_mark = None;
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
            self.zwnjs_inside_ligature(i);
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
            // A dot right after another (in the input, deleted characters skipped) is part
            // of that one's run, which was already looked at.
            '.' if self.text[..i]
                .chars()
                .rev()
                .find(|&c| !self.deleted_between_dots(c))
                != Some('.') =>
            {
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

/// Does the line `text[line]` contain a ZWNJ that the normalizer keeps: right between a
/// letter that joins and another letter (read in `mode`)? A stray one, which goes, does not
/// count, so that the output gets the same answer on a second pass.
pub(super) fn keeps_zwnj(text: &str, line: Range<usize>, mode: Letters) -> bool {
    let Range { start, end } = line;
    let letter = |c: char| letters::persian_letter(c, mode).unwrap_or(c);
    // ZWNJ's first byte is rare in Persian text: a search for it, then the other two.
    let line = &text.as_bytes()[start..end];
    let mut zwnjs =
        memchr::memchr_iter(ZWNJ_UTF8[0], line).filter(|&k| line[k..].starts_with(&ZWNJ_UTF8));
    zwnjs.any(|k| {
        let k = start + k;
        let before = text[start..k].chars().next_back();
        let after = text[k + ZWNJ_UTF8.len()..].chars().next();
        before.is_some_and(|c| joins_forward(letter(base_letter(c, true))))
            && after.is_some_and(|c| is_arabic_letter(letter(base_letter(c, false))))
    })
}

/// The first (or `last`) base character of a presentation form that is not a mark; other
/// characters as they are.
fn base_letter(c: char, last: bool) -> char {
    if !letters::is_presentation_form(c) {
        return c;
    }
    match letters::presentation_form(c) {
        // Past the marks the diacritics step may delete (ﴼ is ا + tanwin): the letter that
        // stays, as a second pass reads it; a form of a mark alone (ﹰ) reads as the mark,
        // which lookaround skips.
        Some(base) => {
            let stays = |b: &char| !skipped(*b);
            let (letter, edge) = if last {
                (base.chars().rev().find(stays), base.chars().next_back())
            } else {
                (base.chars().find(stays), base.chars().next())
            };
            letter.or(edge).unwrap_or(c)
        }
        _ => c,
    }
}

/// Characters the steps delete, which lookahead and lookbehind skip.
pub(crate) fn skipped(c: char) -> bool {
    is_arabic_mark(c) || matches!(c, KASHIDA | ZWNJ) || controls::is_removable_control(c)
}
