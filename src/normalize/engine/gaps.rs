//! The engine's gaps: what becomes of pending whitespace and ZWNJs between two visible
//! characters, and the punctuation spacing rules that decide it.

use super::{Engine, Pending, PendingKind};
use crate::chars::{
    ELLIPSIS, LEFT_GUILLEMET, RIGHT_GUILLEMET, is_arabic_letter, is_digit, joins_forward,
};
use crate::halfspace::Join;
use crate::normalize::Rule;
use crate::normalize::punctuation as punct;
use crate::normalize::restore::Action;
use crate::offsets::Sink;

impl<S: Sink> Engine<'_, '_, S> {
    /// Writes the pending gap, if any, before the visible character `next` at `at` (`None`
    /// for a protected span); returns whether the gap was whitespace.
    pub(super) fn write_pending(&mut self, next: Option<char>, at: usize) -> bool {
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
    pub(super) fn write_gap(&mut self, p: Pending, next: Option<char>, at: usize) {
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
    pub(super) fn no_space_between(&self, next: char, at: usize) -> bool {
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
        // A space between two dots stays: without it they would make a new run of dots
        // (`. ..` is not `...`), which a second pass would read as an ellipsis.
        if next == '.' && prev == '.' {
            return false;
        }
        // `.5`, `.NET`: a dot before a word is not a full stop.
        let input_len = self.text[at..].chars().next().map_or(0, char::len_utf8);
        let after = self.peek(at + input_len);
        !(next == '.' && after.is_some_and(|a| a.is_ascii_alphanumeric() || is_digit(a)))
    }

    /// With nothing between `prev` and `next`, does a space belong there?
    pub(super) fn missing_space(&self, next: char, at: usize) -> Option<Rule> {
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
                        && (self.prev2.is_some_and(is_digit) || self.letters_before_dot(at) >= 2)
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
}
