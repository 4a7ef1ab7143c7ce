//! Step 8: half-space restoration, the engine's side. At each word start the engine asks for
//! a plan: this reads the word (and the words after it, across single gaps of spaces) from the
//! raw input, normalizing letters on the fly, asks [`crate::halfspace`] what to do, and turns
//! the answers into positions in the input: a ZWNJ to insert before a byte, or a gap of
//! whitespace to replace. The engine applies them as it reaches them.

use super::Letters;
use super::controls::is_removable_control;
use super::letters::persian_letter;
use crate::chars::{KASHIDA, ZWNJ, is_arabic_letter, is_arabic_mark, is_space};
use crate::halfspace::{Decision, Join, Spacing, join_spaced, split_fused};

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
    pub action: Action,
    pub decision: Decision,
}

/// A word read from the input: its letters as they will be written, and where each came from.
#[derive(Default)]
struct Word {
    text: String,
    /// Input byte offset of each char of `text`.
    offsets: Vec<usize>,
    /// Input byte offset just after the word.
    end: usize,
}

impl Word {
    /// Reads the word starting at `at`: Arabic letters (Persian forms) and ZWNJs; marks,
    /// kashida and invisible controls, which the normalizer deletes, are skipped.
    fn read(&mut self, text: &str, at: usize) {
        self.text.clear();
        self.offsets.clear();
        self.end = at;
        for (k, c) in text[at..].char_indices() {
            if is_arabic_letter(c) {
                self.text
                    .push(persian_letter(c, Letters::Persian).unwrap_or(c));
                self.offsets.push(at + k);
            } else if c == ZWNJ {
                self.text.push(c);
                self.offsets.push(at + k);
            } else if !(is_arabic_mark(c) || c == KASHIDA || is_removable_control(c)) {
                self.end = at + k;
                return;
            }
        }
        self.end = text.len();
    }

    /// The input offset of the char at byte `b` of `self.text`.
    fn input_offset(&self, b: usize) -> usize {
        let index = self.text[..b].chars().count();
        self.offsets.get(index).copied().unwrap_or(self.end)
    }
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
}

impl Plan {
    /// The next planned position, if any.
    pub(crate) fn peek(&self) -> Option<Planned> {
        self.items.get(self.next).copied()
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

    /// Plans the word starting at `at` and the words joined to it. `split_fused` is false on
    /// a line that already uses ZWNJs: its ZWNJs were not lost, so its fused words are as
    /// the writer meant them, and only spaces inside words are fixed.
    pub(crate) fn plan(&mut self, text: &str, at: usize, mode: Spacing, split_fused_words: bool) {
        self.items.clear();
        self.next = 0;
        self.first.read(text, at);
        self.planned_to = self.first.end.max(at + 1);
        if self.first.text.is_empty() {
            return;
        }
        // The word as it will be written (with its planned ZWNJs), for the joins after it.
        let mut joined = String::with_capacity(self.first.text.len() + 6);
        let split = if self.first.text.contains(ZWNJ) || !split_fused_words {
            None
        } else {
            split_fused(&self.first.text, mode)
        };
        let mut last = 0;
        if let Some((offsets, decision)) = split {
            for b in offsets {
                joined.push_str(&self.first.text[last..b]);
                joined.push(ZWNJ);
                last = b;
                let at = self.first.input_offset(b);
                self.items.push(Planned {
                    at,
                    action: Action::Insert,
                    decision,
                });
            }
        }
        joined.push_str(&self.first.text[last..]);
        // Join the following words while the decisions say so (سرمایه گذاری ها).
        let mut end = self.first.end;
        for _ in 0..3 {
            let gap_end = end
                + text[end..]
                    .find(|c: char| !is_space(c))
                    .unwrap_or(text.len() - end);
            if gap_end == end || !text[gap_end..].starts_with(is_arabic_letter) {
                break;
            }
            self.second.read(text, gap_end);
            if self.second.text.is_empty() {
                break;
            }
            let Some((join, decision)) = join_spaced(&joined, &self.second.text, mode) else {
                break;
            };
            self.items.push(Planned {
                at: end,
                action: Action::Join(join),
                decision,
            });
            if join == Join::Zwnj {
                joined.push(ZWNJ);
            }
            joined.push_str(&self.second.text);
            end = self.second.end;
            self.planned_to = end;
        }
    }
}
