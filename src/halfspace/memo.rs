//! A memo of what restoration decides about a word: running text repeats its words (in the
//! treebank text of the benches, with its ZWNJs taken out, the 300 most frequent words are half
//! of all words), and deciding a fused word reads the lexicon a dozen times, where looking the
//! answer up reads one slot. A slot holds a word's fused-word answer (keep it, a candidate not
//! yet decided, or the split) and, for the scan of lines without ZWNJs, the word's [`Sides`]
//! (what the pair test reads of it), so that the scan reads one slot a word. A slot may also
//! hold that a spaced pair of words the lexicon lists stays apart (most do: `به عنوان`), keyed
//! by the two words with the space, so that the scan does not stop there.
//!
//! The memo is two-way set-associative (a word may be in either slot of its pair) and keyed by
//! the word's bytes, which it holds and compares: a hash alone could give one word another's
//! answer. A decided word is not pushed out by a word that was only read. It makes no table
//! until a thread has asked about a few hundred words (a short text repeats few), then starts
//! small and grows with the words put in it (keeping them), to 32,768 slots of 56 bytes. A
//! decision that read the word after the fused one (the plural's ezafe: is the phrase over?) is
//! held for each answer, in slots of its own. Words longer than a slot's key are decided each
//! time. Each thread keeps its memo between normalizations ([`ThreadMemo`]).
//!
//! Measured with callgrind on the bench corpora (instructions a byte, first pass in a process).
//! Session 10, the memo of fused-word decisions: the treebank text with its ZWNJs deleted, once
//! (479 KB) 171.9 → 151.2; the 1 MB raw corpus 172.0 → 142.6; the seed article ×20 152.2 →
//! 123.7; the Arabic-typed corpus 238.9 → 204.2; the seed article a line at a time 159.2 →
//! 132.0. Session 11, the sides, two ways, the ezafe decisions and 16,384 slots, with the scan
//! of lines without ZWNJs that reads one slot a word and plans the splits the memo holds, a
//! growing table keeping its words, and the pairs held apart: the 1 MB raw corpus 143.9 → 93.9.
//! Session 12, 32,768 slots (was 16,384) and a table that grows once it has taken in as many
//! new words as it has slots (was twice as many): the treebank text's 11,700 distinct words
//! no longer crowd each other out; the 1 MB raw corpus, second pass 77.1 → 70.8 (first 93.9 →
//! 92.9).

use std::cell::Cell;
use std::ops::{Deref, DerefMut};

use super::lexicon::hash;
use super::word_table;
use super::{Decision, HalfSpace, Sides, Spacing, fused_candidate, split_fused_before};

/// The longest word the memo holds, in bytes: twelve Persian letters.
const KEY: usize = 24;
/// The most ZWNJs a held decision inserts.
const SPLITS: usize = 3;
/// Words asked about before the memo starts holding them: a thread that normalizes a few
/// short strings repeats few words, and would pay for a table it hardly reads (512 words are
/// about 4 KB of running text).
const WARM: usize = 512;
/// Slots in the first table, and the most there will be (a power of two each).
const FIRST: usize = 256;
const MOST: usize = 1 << 15;

/// What is known about a fused word (no ZWNJ, letters normalized).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    /// It needs no ZWNJ.
    Keep,
    /// It may need one: [`fused_candidate`] passes it, not decided yet.
    Candidate,
    /// The decision depends on whether a phrase ends after the word (the plural's ezafe):
    /// the two answers are held in slots of their own ([`Held::Within`], [`Held::End`]).
    Phrase,
    /// It needs ZWNJs before these bytes (the first `n`).
    Split {
        at: [u8; SPLITS],
        n: u8,
        // The decision's two fields side by side with the offsets: a slot of 56 bytes, not 64.
        reason: HalfSpace,
        evidence: &'static str,
    },
}

impl Known {
    /// The split, if this is one: where the ZWNJs go (the first `n` offsets) and why.
    fn split(self) -> Option<([u8; SPLITS], u8, Decision)> {
        match self {
            Known::Split {
                at,
                n,
                reason,
                evidence,
            } => Some((at, n, Decision::new(reason, evidence))),
            _ => None,
        }
    }
}

/// What a slot holds the answer for: the word, or a word whose answer is
/// [`Known::Phrase`] within a phrase or at its end. Part of the slot's key, beside the
/// word's length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Held {
    Word = 0,
    Within = 1,
    End = 2,
}

/// A word and what is known about it so far.
#[derive(Clone, Copy)]
struct Slot {
    /// The word's bytes, zeros after them ([`key`]).
    key: [u64; KEY / 8],
    /// The word's length, and what is held for it ([`Held`]) in the top two bits; 0 for an
    /// empty slot.
    len: u8,
    /// The bits of the word's [`Sides`], with [`SIDES_KNOWN`] once they are (in the padding
    /// before `known`: the slot stays 56 bytes).
    sides: u8,
    known: Option<Known>,
}

impl Slot {
    /// [`SplitMemo::may_split`] for the word `w` of this slot: what is known, else
    /// [`fused_candidate`]'s answer, held.
    #[inline]
    fn may_split(&mut self, w: &str) -> bool {
        let known = *self.known.get_or_insert_with(|| match fused_candidate(w) {
            Some(_) => Known::Candidate,
            None => Known::Keep,
        });
        known != Known::Keep
    }
}

/// A slot's [`Slot::len`] for the word `b` and what is `held` for it.
#[inline(always)]
fn tag(b: &[u8], held: Held) -> u8 {
    b.len() as u8 | (held as u8) << 6
}

/// The bit of [`Slot::sides`] that says the rest are the word's.
const SIDES_KNOWN: u8 = 0x80;
/// The bit of [`Slot::sides`] that says the slot holds a decision [`split_fused_before`]
/// made (not only [`fused_candidate`]'s answer): the dear ones to make again.
const DECIDED: u8 = 0x40;

const EMPTY: Slot = Slot {
    key: [0; KEY / 8],
    len: 0,
    sides: 0,
    known: None,
};

/// The memo of [`split_fused_before`]'s answers, for one spacing mode.
#[derive(Default)]
pub(crate) struct SplitMemo {
    /// The mode its decisions were made in.
    mode: Option<Spacing>,
    slots: Vec<Slot>,
    /// Words put in since the table was last made.
    puts: usize,
    /// Words asked about before the table was made.
    asked: usize,
}

impl SplitMemo {
    /// The slot of `w`, made for it if the memo did not hold it ([`SplitMemo::slot_hashed`]);
    /// `None` if `w` is too long to be held, or the memo is still warming up.
    #[inline]
    fn slot(&mut self, w: &str) -> Option<&mut Slot> {
        self.slot_hashed(w.as_bytes(), hash(w), Held::Word)
    }

    /// [`SplitMemo::slot`] for what is `held` about the word `b`, whose [`hash`] is `h`.
    ///
    /// The table is two-way: a word may be in either slot of its pair, the one used last
    /// first. A new word takes the first slot and moves the one there to the second, unless
    /// the second holds a decision ([`DECIDED`]) and the first does not: then it takes the
    /// first and the decision stays. Deciding a word costs some thousand instructions,
    /// reading its plain tests a few hundred: running text meets more words than a table
    /// holds, and the plain ones should not push the decided ones out.
    #[inline(always)]
    fn slot_hashed(&mut self, b: &[u8], h: u64, held: Held) -> Option<&mut Slot> {
        if b.is_empty() || b.len() > KEY || (self.slots.is_empty() && !self.warm_up()) {
            return None;
        }
        let (key, len) = (key(b), tag(b, held));
        let mut at = self.index(h, held);
        match self.way(at, key, len) {
            Some(0) => return Some(&mut self.slots[at]),
            Some(_) => {
                self.slots.swap(at, at + 1);
                return Some(&mut self.slots[at]);
            }
            None => {}
        }
        self.puts += 1;
        if self.puts >= self.slots.len() && self.slots.len() < MOST {
            self.make(self.slots.len() * 4);
            at = self.index(h, held);
        }
        self.place(at, Slot { key, len, ..EMPTY });
        Some(&mut self.slots[at])
    }

    /// Which slot of the pair at `at` (0 or 1) holds the key `key` with the length and
    /// [`Held`] `len`, if either does.
    #[inline(always)]
    fn way(&self, at: usize, key: [u64; KEY / 8], len: u8) -> Option<usize> {
        self.slots[at..at + 2]
            .iter()
            .position(|s| s.len == len && s.key == key)
    }

    /// Puts `slot` in the first slot of the pair at `at`. The word there moves to the second,
    /// unless only the second holds a decision.
    #[inline(always)]
    fn place(&mut self, at: usize, slot: Slot) {
        let decided = |s: &Slot| s.sides & DECIDED != 0;
        if !decided(&self.slots[at + 1]) || decided(&self.slots[at]) {
            self.slots[at + 1] = self.slots[at];
        }
        self.slots[at] = slot;
    }

    /// The first slot of the pair `w` goes in, in a table that exists: the hash's top bits
    /// (the lexicon's filters use the low ones), moved along for the answers of
    /// [`Known::Phrase`].
    #[inline]
    fn index(&self, h: u64, held: Held) -> usize {
        ((h >> 40) as usize).wrapping_add(held as usize * 0x9E37) & (self.slots.len() - 2)
    }

    /// Counts a word asked about before the table exists; makes the table once enough were.
    /// Is there a table now?
    #[inline]
    fn warm_up(&mut self) -> bool {
        self.asked += 1;
        if self.asked <= WARM {
            return false;
        }
        self.make(FIRST);
        true
    }

    /// A table of `size` slots, holding what the smaller one held.
    #[cold]
    fn make(&mut self, size: usize) {
        let old = std::mem::take(&mut self.slots);
        self.slots.resize(size.min(MOST), EMPTY);
        self.puts = 0;
        // What the smaller table held goes to the new one, the second of each pair first so
        // that the first stays first.
        for pair in old.chunks_exact(2) {
            for &slot in pair.iter().rev().filter(|s| s.len != 0) {
                let n = usize::from(slot.len & 0x3F);
                let mut bytes = [0u8; KEY];
                for (chunk, k) in bytes.chunks_exact_mut(8).zip(slot.key) {
                    chunk.copy_from_slice(&k.to_le_bytes());
                }
                let held = match slot.len >> 6 {
                    0 => Held::Word,
                    1 => Held::Within,
                    _ => Held::End,
                };
                let at = self.index(word_table::hash(&bytes[..n]), held);
                self.place(at, slot);
            }
        }
    }

    /// Might the fused word `w` need a ZWNJ? [`fused_candidate`]'s answer, or the decision
    /// itself where the memo holds it (`false` for a candidate decided to stay as it is).
    #[inline]
    pub(crate) fn may_split(&mut self, w: &str) -> bool {
        match self.slot(w) {
            Some(slot) => slot.may_split(w),
            None => fused_candidate(w).is_some(),
        }
    }

    /// What the scan of a line without ZWNJs asks of each word `w` (whose [`hash`] is `h`):
    /// [`SplitMemo::may_split`]'s answer and the word's [`Sides`], from one slot.
    #[inline]
    pub(crate) fn word(&mut self, w: &str, h: u64) -> (bool, Sides) {
        let Some(slot) = self.slot_hashed(w.as_bytes(), h, Held::Word) else {
            return (fused_candidate(w).is_some(), Sides::of(w, h));
        };
        if slot.sides & SIDES_KNOWN == 0 {
            slot.sides |= Sides::of(w, h).bits | SIDES_KNOWN;
        }
        let sides = Sides {
            hash: h,
            bits: slot.sides & !(SIDES_KNOWN | DECIDED),
        };
        (slot.may_split(w), sides)
    }

    /// The split the memo holds for `w` (whose [`hash`] is `h`), if it holds one: where the
    /// ZWNJs go (the first `n` offsets) and why. `None` if it holds another answer or none.
    #[inline]
    pub(crate) fn held_split(&mut self, w: &str, h: u64) -> Option<([u8; SPLITS], u8, Decision)> {
        self.slot_hashed(w.as_bytes(), h, Held::Word)?
            .known?
            .split()
    }

    /// Does the memo hold that the spaced pair `w1 w2` stays apart where compounds are looked
    /// up ([`SplitMemo::hold_pair_apart`])? `false` if it holds nothing about the pair.
    #[inline]
    pub(crate) fn pair_apart(&mut self, w1: &str, w2: &str) -> bool {
        self.pair_slot(w1, w2)
            .is_some_and(|s| s.known == Some(Known::Keep))
    }

    /// Holds that the spaced pair `w1 w2` stays apart: [`join_spaced`] with compounds found
    /// no join, without asking anything but the two words.
    ///
    /// [`join_spaced`]: super::join_spaced
    pub(crate) fn hold_pair_apart(&mut self, w1: &str, w2: &str) {
        if let Some(slot) = self.pair_slot(w1, w2) {
            slot.known = Some(Known::Keep);
            slot.sides |= DECIDED;
        }
    }

    /// The slot of the pair `w1 w2`, keyed by the two words with a space between them (no
    /// word holds one, so a pair is never taken for a word); `None` if the key is too long.
    fn pair_slot(&mut self, w1: &str, w2: &str) -> Option<&mut Slot> {
        let mut buf = [0; KEY];
        let key = buf.get_mut(..w1.len() + 1 + w2.len())?;
        key[..w1.len()].copy_from_slice(w1.as_bytes());
        key[w1.len()] = b' ';
        key[w1.len() + 1..].copy_from_slice(w2.as_bytes());
        let h = word_table::hash(key);
        self.slot_hashed(key, h, Held::Word)
    }

    /// [`split_fused_before`], from the memo where it holds the answer; else decided and
    /// held. A decision that asked whether a phrase ends after the word is held for that
    /// answer: the word is marked [`Known::Phrase`], and the next time the question is asked
    /// first.
    pub(crate) fn split_before(
        &mut self,
        w: &str,
        mode: Spacing,
        ends_phrase: &mut dyn FnMut() -> bool,
    ) -> Option<(Vec<usize>, Decision)> {
        let h = hash(w);
        let Some(slot) = self.slot_hashed(w.as_bytes(), h, Held::Word) else {
            return split_fused_before(w, mode, ends_phrase);
        };
        match slot.known {
            Some(Known::Phrase) => {
                let end = ends_phrase();
                let held = if end { Held::End } else { Held::Within };
                if let Some(known) = self
                    .slot_hashed(w.as_bytes(), h, held)
                    .and_then(|s| s.known)
                {
                    return unpack(known);
                }
                let split = split_fused_before(w, mode, &mut || end);
                self.hold(w, h, held, &split);
                return split;
            }
            Some(known @ (Known::Keep | Known::Split { .. })) => return unpack(known),
            Some(Known::Candidate) | None => {}
        }
        let mut asked = None;
        let split = split_fused_before(w, mode, &mut || *asked.insert(ends_phrase()));
        let held = match asked {
            None => Held::Word,
            Some(end) => {
                if let Some(slot) = self.slot_hashed(w.as_bytes(), h, Held::Word) {
                    slot.known = Some(Known::Phrase);
                    slot.sides |= DECIDED;
                }
                if end { Held::End } else { Held::Within }
            }
        };
        self.hold(w, h, held, &split);
        split
    }

    /// Holds `split`, the decision about `w` (whose [`hash`] is `h`), as what is `held`
    /// about it, unless it inserts more ZWNJs than a slot holds.
    fn hold(&mut self, w: &str, h: u64, held: Held, split: &Option<(Vec<usize>, Decision)>) {
        let known = match split {
            None => Known::Keep,
            Some((offsets, decision)) if offsets.len() <= SPLITS => {
                let mut at = [0; SPLITS];
                // Every offset is inside the word, which is at most `KEY` bytes long.
                for (a, &o) in at.iter_mut().zip(offsets) {
                    *a = o as u8;
                }
                Known::Split {
                    at,
                    n: offsets.len() as u8,
                    reason: decision.reason,
                    evidence: decision.evidence,
                }
            }
            Some(_) => return,
        };
        if let Some(slot) = self.slot_hashed(w.as_bytes(), h, held) {
            slot.known = Some(known);
            slot.sides |= DECIDED;
        }
    }

    /// A memo past its warm-up (for the tests).
    #[cfg(test)]
    fn warm() -> SplitMemo {
        SplitMemo {
            asked: WARM,
            ..SplitMemo::default()
        }
    }

    /// What the memo holds about `w`'s split, if anything (for the tests).
    #[cfg(test)]
    fn known(&self, w: &str) -> Option<Known> {
        if self.slots.is_empty() {
            return None;
        }
        let at = self.index(hash(w), Held::Word);
        let way = self.way(at, key(w.as_bytes()), tag(w.as_bytes(), Held::Word))?;
        self.slots[at + way].known
    }
}

/// The key of a word of one to [`KEY`] bytes: its bytes in three little-endian words, zeros
/// after them. Read as whole words that may overlap, shifted into place: a word's length is
/// unknown to the compiler, and a copy of it would call `memcpy`.
#[inline]
fn key(b: &[u8]) -> [u64; KEY / 8] {
    let n = b.len();
    let u64_at = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
    // The word's bytes from `at` (8 or 16) to its end, from the eight that end it.
    let tail = |at: usize| {
        u64_at(n - 8)
            .checked_shr(8 * (at + 8 - n) as u32)
            .unwrap_or(0)
    };
    match n {
        16.. => [u64_at(0), u64_at(8), tail(16)],
        8.. => [u64_at(0), tail(8), 0],
        4.. => {
            let u32_at =
                |at: usize| u64::from(u32::from_le_bytes(b[at..at + 4].try_into().expect("four")));
            [u32_at(0) | u32_at(n - 4) << (8 * (n - 4)), 0, 0]
        }
        2.. => {
            let u16_at = |at: usize| u64::from(u16::from_le_bytes([b[at], b[at + 1]]));
            [u16_at(0) | u16_at(n - 2) << (8 * (n - 2)), 0, 0]
        }
        _ => [b.first().map_or(0, |&x| u64::from(x)), 0, 0],
    }
}

/// The decision a slot holds: `Keep` or `Split` (the others hold none).
fn unpack(known: Known) -> Option<(Vec<usize>, Decision)> {
    let (at, n, decision) = known.split()?;
    Some((
        at[..usize::from(n)]
            .iter()
            .map(|&b| usize::from(b))
            .collect(),
        decision,
    ))
}

thread_local! {
    /// Each thread's memo, between the normalizations that borrow it ([`ThreadMemo`]).
    static THREAD_MEMO: Cell<SplitMemo> = Cell::new(SplitMemo::default());
}

/// Drops the memo of half-space decisions that normalization keeps on the calling thread.
///
/// Half-space restoration remembers what it decided about the fused words it met (`میشود`,
/// `هیاتهای`) so that later calls on the same thread look them up instead of deciding again:
/// up to about 1.8 MB a thread, made once a thread has normalized a few hundred words. This
/// releases that memory, for a long-lived thread that is done with Persian text, or to
/// measure a cold start. Output never depends on the memo.
///
/// # Examples
///
/// ```
/// use persian_text::{clear_thread_cache, normalize};
///
/// let text = "هیاتهای بازرسی میشود";
/// let warm = normalize(text).into_owned();
/// clear_thread_cache();
/// assert_eq!(normalize(text), warm);
/// ```
pub fn clear_thread_cache() {
    let _ = THREAD_MEMO.try_with(|t| t.set(SplitMemo::default()));
}

/// The thread's [`SplitMemo`] for the length of one normalization: taken from the thread
/// when made, put back when dropped, so that the next call on the thread starts with the
/// words this one decided (a pipeline that normalizes a line at a time profits as much as
/// one long text). A normalization inside another would find an empty memo, not a shared
/// one. The memo the thread keeps is at most 32,768 slots of 56 bytes.
#[derive(Default)]
pub(crate) struct ThreadMemo {
    memo: SplitMemo,
    /// Was it taken from the thread (and goes back there)?
    taken: bool,
}

impl ThreadMemo {
    /// The thread's memo, for decisions in `mode` (emptied if it holds another mode's).
    pub(crate) fn take(mode: Spacing) -> ThreadMemo {
        let mut memo = THREAD_MEMO.try_with(Cell::take).unwrap_or_default();
        if memo.mode != Some(mode) {
            memo = SplitMemo {
                mode: Some(mode),
                ..SplitMemo::default()
            };
        }
        ThreadMemo { memo, taken: true }
    }
}

impl Drop for ThreadMemo {
    fn drop(&mut self) {
        if self.taken {
            let memo = std::mem::take(&mut self.memo);
            // While the thread ends, its memo is gone already: nothing to put back.
            let _ = THREAD_MEMO.try_with(|t| t.set(memo));
        }
    }
}

impl Deref for ThreadMemo {
    type Target = SplitMemo;
    fn deref(&self) -> &SplitMemo {
        &self.memo
    }
}

impl DerefMut for ThreadMemo {
    fn deref_mut(&mut self) -> &mut SplitMemo {
        &mut self.memo
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_answers_are_the_decisions() {
        let mut memo = SplitMemo::warm();
        for _ in 0..3 {
            // A split (the second time from the memo), a candidate that stays, a plain word.
            let (at, d) = memo
                .split_before("میشود", Spacing::Standard, &mut || false)
                .expect("a split");
            assert_eq!((at, d.reason), (vec![4], HalfSpace::VerbPrefix));
            assert!(memo.may_split("میشود"));
            assert_eq!(
                memo.split_before("میز", Spacing::Standard, &mut || false),
                None
            );
            assert!(!memo.may_split("میز"));
            assert!(!memo.may_split("کتاب"));
        }
        assert!(matches!(memo.known("میشود"), Some(Known::Split { .. })));
        assert_eq!(memo.known("میز"), Some(Known::Keep));
        assert_eq!(memo.known("کتاب"), Some(Known::Keep));
    }

    #[test]
    fn a_short_text_makes_no_table() {
        let mut memo = SplitMemo::default();
        for _ in 0..WARM {
            assert!(memo.may_split("میشود"));
        }
        assert!(memo.slots.is_empty());
        assert!(memo.may_split("میشود"));
        assert_eq!(memo.slots.len(), FIRST);
        // What the docs say a thread keeps at most.
        assert!(std::mem::size_of::<Slot>() * MOST <= 1_850_000);
    }

    /// A normalization finds what the one before it on the thread decided, in its mode only.
    #[test]
    fn the_thread_keeps_its_memo_between_calls() {
        std::thread::spawn(|| {
            {
                let mut memo = ThreadMemo::take(Spacing::Standard);
                memo.asked = WARM;
                assert!(
                    memo.split_before("میشود", Spacing::Standard, &mut || false)
                        .is_some()
                );
            }
            let memo = ThreadMemo::take(Spacing::Standard);
            assert!(matches!(memo.known("میشود"), Some(Known::Split { .. })));
            drop(memo);
            let other = ThreadMemo::take(Spacing::Conservative);
            assert_eq!(other.known("میشود"), None);
            assert!(other.slots.is_empty());
            drop(other);
            let mut memo = ThreadMemo::take(Spacing::Standard);
            memo.asked = WARM;
            assert!(
                memo.split_before("میشود", Spacing::Standard, &mut || false)
                    .is_some()
            );
            drop(memo);
            clear_thread_cache();
            assert!(ThreadMemo::take(Spacing::Standard).slots.is_empty());
        })
        .join()
        .expect("the thread");
    }

    #[test]
    fn keys_are_the_bytes_then_zeros() {
        let text = "آبکمیشودسرمایهگذارانبینالمللی";
        for n in 1..=KEY {
            let b = &text.as_bytes()[..n];
            let mut bytes = [0u8; KEY];
            bytes[..n].copy_from_slice(b);
            let want: Vec<u64> = bytes
                .chunks(8)
                .map(|c| u64::from_le_bytes(c.try_into().expect("eight")))
                .collect();
            assert_eq!(key(b).to_vec(), want, "{n}");
        }
    }

    /// A table that grows keeps what the smaller one held; a decided word stays through
    /// words that were only read.
    #[test]
    fn a_growing_table_keeps_what_it_held() {
        let mut memo = SplitMemo::warm();
        assert!(
            memo.split_before("میشود", Spacing::Standard, &mut || false)
                .is_some()
        );
        let first = memo.slots.len();
        let mut k = 0;
        while memo.slots.len() == first {
            memo.may_split(&format!("کتاب{k}"));
            k += 1;
        }
        assert!(memo.slots.len() > first);
        assert!(matches!(memo.known("میشود"), Some(Known::Split { .. })));
        assert_eq!(memo.known(&format!("کتاب{}", k - 1)), Some(Known::Keep));
    }

    /// A pair held apart is a key of its own: not the fused word its two words make.
    #[test]
    fn pairs_held_apart_are_not_words() {
        let mut memo = SplitMemo::warm();
        assert!(!memo.pair_apart("کتاب", "ها"));
        memo.hold_pair_apart("کتاب", "ها");
        assert!(memo.pair_apart("کتاب", "ها"));
        assert!(!memo.pair_apart("کتا", "بها"));
        assert!(memo.may_split("کتابها"));
        assert_eq!(memo.known("کتابها"), Some(Known::Candidate));
        // Too long for a key: never held.
        let long = "بینالمللیشدن";
        memo.hold_pair_apart(long, long);
        assert!(!memo.pair_apart(long, long));
    }

    #[test]
    fn decisions_that_read_ahead_are_held_for_each_answer() {
        let mut memo = SplitMemo::warm();
        // خاطرهای before a phrase end is خاطره + ای; before a noun, خاطره + های.
        let w = "خاطرهای";
        let direct = |end: bool| split_fused_before(w, Spacing::Standard, &mut || end);
        assert_ne!(direct(true), direct(false));
        for end in [true, false, false, true, true, false] {
            let mut asked = false;
            let held = memo.split_before(w, Spacing::Standard, &mut || {
                asked = true;
                end
            });
            assert_eq!(held, direct(end), "{end}");
            assert!(asked, "{end}");
        }
        assert_eq!(memo.known(w), Some(Known::Phrase));
    }

    #[test]
    fn long_words_and_many_words_are_decided_alike() {
        let mut memo = SplitMemo::warm();
        let long = "بینالمللیشدنهایشانها"; // longer than a key
        assert!(long.len() > KEY);
        let direct = split_fused_before(long, Spacing::Standard, &mut || false);
        assert_eq!(
            memo.split_before(long, Spacing::Standard, &mut || false),
            direct
        );
        assert_eq!(memo.known(long), None);
        // More words than the largest table: slots are taken over, answers stay right.
        let words: Vec<String> = (0..3 * MOST).map(|k| format!("کتاب{k}ها")).collect();
        for w in words.iter().chain(&words) {
            let direct = split_fused_before(w, Spacing::Standard, &mut || false);
            assert_eq!(
                memo.split_before(w, Spacing::Standard, &mut || false),
                direct
            );
        }
        assert_eq!(memo.slots.len(), MOST);
    }
}
