//! The embedded word lists: frequencies and flags of Persian words, verb stems, and the
//! treebank's spellings.
//!
//! The files are generated (see `data/README.md`). The word list, 97,000 rows, is laid out
//! at compile time by `build.rs` into open-addressing tables over one byte string
//! (`word_table.rs`), embedded with `include_bytes!`, so a lookup reads a slot and a row
//! and nothing is parsed at run time. The verb stems and the treebank table, a few thousand
//! rows, are embedded as text and parsed into hash maps over it on first use (`LazyLock`),
//! so the maps borrow the strings and nothing is copied: the first call costs 4.8 million
//! instructions (about 1.2 ms), where parsing the word list too cost 81 million (25 ms).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::ZWNJ;
use crate::chars::{ZWNJ_UTF8, after_last_zwnj};
use crate::shapes::{BitFilter, ShapeSet};

use super::word_table::{self, FILTER_BITS, FUSED_BITS, WORD_BITS};
pub(crate) use super::word_table::{FLAG_ADJECTIVE, FLAG_ADVERB, FLAG_NOUN, FLAG_STOPWORD};

const VERBS: &str = include_str!("../../data/verbs.tsv");
const TREEBANK: &str = include_str!("../../data/treebank.tsv");

// The word list (`data/words.tsv`) as `build.rs` lays it out (see `word_table.rs`).
static ROWS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.rows"));
static WORD_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.table"));
static FUSED_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fused.table"));
static FUSED_FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fused.filter"));
static PAIR_FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pair.filter"));

/// The offset in `ROWS` of the row of `word`, if listed.
#[inline]
fn row(word: &str) -> Option<usize> {
    let w = word.as_bytes();
    word_table::find(WORD_TABLE, WORD_BITS, hash(word), |at| {
        ROWS[at..].starts_with(w) && ROWS.get(at + w.len()) == Some(&b'\t')
    })
}

/// The word of the row at `at`.
fn row_word(at: usize) -> &'static str {
    // The rows are the word list's words, which `build.rs` read as UTF-8.
    std::str::from_utf8(word_table::row_word(ROWS, at)).unwrap_or_default()
}

/// Does the word that starts `row` (up to a tab) spell `fused` once its ZWNJs are read past?
/// The pieces between ZWNJs are compared whole.
fn spells_fused(mut row: &[u8], mut fused: &[u8]) -> bool {
    loop {
        // The piece up to the next ZWNJ or the tab (a ZWNJ is the only character of a word
        // that starts with 0xE2, or the first of those).
        let Some(end) = row.iter().position(|&b| b == b'\t' || b == ZWNJ_UTF8[0]) else {
            return false;
        };
        let Some(rest) = fused.strip_prefix(&row[..end]) else {
            return false;
        };
        fused = rest;
        row = &row[end..];
        if row[0] == b'\t' {
            return fused.is_empty();
        }
        if row.starts_with(&ZWNJ_UTF8) {
            row = &row[ZWNJ_UTF8.len()..];
        } else {
            // Another character that starts with 0xE2: its first byte is compared here.
            let Some(rest) = fused.strip_prefix(&row[..1]) else {
                return false;
            };
            fused = rest;
            row = &row[1..];
        }
    }
}

/// What the lexicon knows about a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Corpus frequency (0: listed, but not counted).
    pub freq: u64,
    /// `FLAG_*` bits.
    pub flags: u8,
}

/// A small, fast hasher for short keys (the multiply-rotate scheme of rustc's FxHash): the
/// lookups here are on words of a few bytes, where SipHash's setup dominates.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("chunks of 8"));
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`], for the crate's word tables.
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// The parsed lexicon.
pub(crate) struct Lexicon {
    present_stems: FxSet<&'static str>,
    past_stems: FxSet<&'static str>,
    /// A bit per hash of each fused form of a listed spelling with ZWNJs (and of the
    /// treebank's): most words are not fused compounds, and one hash and one bit test say so
    /// without a table lookup.
    fused_filter: BitFilter,
    /// A bit per hash of each (first part, rest) pair of the listed ZWNJ spellings, and of
    /// each (left, right) of `treebank_pairs`: one probe for either table.
    pair_filter: BitFilter,
    /// Pairs of word parts the treebank writes with a ZWNJ more often than apart, as
    /// `left` + ZWNJ + `right`.
    treebank_pairs: FxSet<&'static str>,
    /// Spelling without ZWNJ -> the spelling with ZWNJ, for every word the treebank writes
    /// with a ZWNJ over twice as often as fused.
    treebank_words: FxMap<String, &'static str>,
    /// Pairs the word lists spell with a ZWNJ that the treebank writes apart at least as
    /// often (`میراث فرهنگی`), as `left` + ZWNJ + `right`.
    treebank_spaced: FxSet<&'static str>,
    /// Second parts joined after many different words and hardly ever apart (`سازی`,
    /// `گیری`, `کنندگان`, `گرایی`): from the treebank and the word lists' compounds.
    bound_parts: FxSet<&'static str>,
    /// The shapes of `bound_parts`, which reject most words before the set is asked.
    bound_shapes: ShapeSet,
    /// The bound parts of three letters or more by their [`tail`]: a part of three letters
    /// by itself, a longer one by its last four letters; longest first.
    bound_tails: FxMap<u64, Vec<&'static str>>,
    /// A bit per key of `bound_tails`, at [`tail_bit`]: one probe per key (about a hundred
    /// keys in 2^14 bits pass about one other tail in 160).
    bound_tail_bits: Box<[u64; TAIL_WORDS]>,
}

/// The last `n` bytes of `b` (`n` is 6 or 8: three or four Persian letters) as an
/// integer, if `b` has that many. The two never meet: the top byte of an eight-byte tail is
/// part of a letter, never 0.
#[inline]
fn tail(b: &[u8], n: usize) -> Option<u64> {
    let t = b.get(b.len().checked_sub(n)?..)?;
    let mut v = [0u8; 8];
    v[..n].copy_from_slice(t);
    Some(u64::from_le_bytes(v))
}

/// The 64-bit words of `bound_tail_bits`: 2^14 bits, 2 KiB.
const TAIL_WORDS: usize = 1 << 8;

/// The bit of a [`tail`] in `bound_tail_bits`: the top fourteen bits of its product with an
/// odd constant.
#[inline(always)]
fn tail_bit(t: u64) -> usize {
    (t.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 50) as usize
}

/// The hash of the word tables and filters ([`word_table::hash`]).
#[inline]
pub(crate) fn hash(s: &str) -> u64 {
    word_table::hash(s.as_bytes())
}

/// The filter hash of the pair (`left`, `right`).
#[inline]
fn pair_hash(left: &str, right: &str) -> u64 {
    word_table::pair_hash(hash(left), hash(right))
}

/// Calls `f` with the tab-separated columns (at most four) of each line of `text` that is not
/// a `#` comment. One pass over the tabs and newlines, found with `memchr2`: splitting each
/// line with `str` searches made loading the lexicon twice as slow, and a loop over every
/// byte cost a fifth of the load.
fn for_each_row(text: &'static str, mut f: impl FnMut(&[&'static str])) {
    let mut cols: [&'static str; 4] = [""; 4];
    let mut n = 0;
    let mut start = 0;
    let bytes = text.as_bytes();
    // A last line without its newline ends at the end of the text.
    let last = (!text.is_empty() && !text.ends_with('\n')).then_some(text.len());
    for i in memchr::memchr2_iter(b'\t', b'\n', bytes).chain(last) {
        // Tabs and newlines are ASCII: `i` is a char boundary.
        let line_end = bytes.get(i).is_none_or(|&b| b == b'\n');
        if n < cols.len() {
            // A checkout that turned the files' line ends into CRLF leaves a CR on the last
            // column: it is not part of the row.
            let col = &text[start..i];
            cols[n] = if line_end {
                col.strip_suffix('\r').unwrap_or(col)
            } else {
                col
            };
            n += 1;
        }
        start = i + 1;
        if line_end {
            if !cols[0].starts_with('#') {
                f(&cols[..n]);
            }
            n = 0;
        }
    }
}

/// `s` without its ZWNJs. The pieces between them are copied whole: `str::replace` with a
/// `char` pattern checks every `ی` (whose last byte is ZWNJ's) and was a seventh of the load.
fn without_zwnj(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let b = s.as_bytes();
    for k in memchr::memchr_iter(ZWNJ_UTF8[0], b) {
        if b[k..].starts_with(&ZWNJ_UTF8) {
            out.push_str(&s[last..k]);
            last = k + ZWNJ_UTF8.len();
        }
    }
    out.push_str(&s[last..]);
    out
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::parse);

impl Lexicon {
    fn parse() -> Lexicon {
        // Sized up front for every row of their file (a few thousand): growing rehashes.
        let rows = |text: &str| memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let sized = || FxSet::with_capacity_and_hasher(rows(VERBS), Default::default());
        let mut present_stems = sized();
        let mut past_stems = sized();
        for_each_row(VERBS, |cols| {
            if let [past, present, ..] = *cols {
                past_stems.insert(past);
                present_stems.insert(present);
            }
        });
        // Built with the word tables (`build.rs`); the treebank's fused forms are added below.
        let mut fused_filter = BitFilter::from_le_bytes(FILTER_BITS, FUSED_FILTER);
        // The treebank's pairs are added below.
        let mut pair_filter = BitFilter::from_le_bytes(FILTER_BITS, PAIR_FILTER);
        let tree_rows = rows(TREEBANK);
        let mut treebank_pairs = FxSet::with_capacity_and_hasher(tree_rows, Default::default());
        let mut treebank_words = FxMap::with_capacity_and_hasher(tree_rows, Default::default());
        let mut treebank_spaced = FxSet::default();
        let mut bound_parts = FxSet::default();
        let mut bound_shapes = ShapeSet::new();
        let mut bound_tails: FxMap<u64, Vec<&'static str>> = FxMap::default();
        let mut bound_tail_bits = Box::new([0u64; TAIL_WORDS]);
        for_each_row(TREEBANK, |cols| {
            let [kind, spelling, ..] = *cols else {
                return;
            };
            match kind {
                "P" => {
                    if let Some((left, right)) = spelling.split_once(ZWNJ) {
                        debug_assert!(spelling.len() <= 96 && left.chars().count() >= 2);
                        treebank_pairs.insert(spelling);
                        pair_filter.insert(pair_hash(left, right));
                    }
                }
                "S" => {
                    treebank_spaced.insert(spelling);
                }
                "B" => {
                    bound_parts.insert(spelling);
                    bound_shapes.insert(spelling);
                    let b = spelling.as_bytes();
                    let t = match b.len() {
                        6 => tail(b, 6),
                        _ => tail(b, 8),
                    };
                    if let Some(t) = t {
                        let bit = tail_bit(t);
                        bound_tail_bits[bit >> 6] |= 1 << (bit & 63);
                        let parts = bound_tails.entry(t).or_default();
                        parts.push(spelling);
                        parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
                    }
                }
                "W" => {
                    let fused = without_zwnj(spelling);
                    // The fused-word filter serves both tables: the cheap test reads it once.
                    fused_filter.insert(hash(&fused));
                    treebank_words.insert(fused, spelling);
                }
                _ => {}
            }
        });
        Lexicon {
            present_stems,
            past_stems,
            fused_filter,
            pair_filter,
            treebank_pairs,
            treebank_words,
            treebank_spaced,
            bound_parts,
            bound_shapes,
            bound_tails,
            bound_tail_bits,
        }
    }

    /// The entry of `word`, if listed.
    pub(crate) fn get(&self, word: &str) -> Option<Entry> {
        row(word).map(|at| {
            let (flags, freq) = word_table::row_entry(ROWS, at, word.len());
            Entry { freq, flags }
        })
    }

    /// The frequency of `word` (0 if unlisted).
    pub(crate) fn freq(&self, word: &str) -> u64 {
        self.get(word).map_or(0, |e| e.freq)
    }

    /// The listed spelling with ZWNJ of a word written without it (`سرمایهگذاران` ->
    /// `سرمایه‌گذاران`), and that spelling as a `'static` string for the edit log.
    pub(crate) fn half_spaced(&self, fused: &str) -> Option<&'static str> {
        let at = word_table::find(FUSED_TABLE, FUSED_BITS, hash(fused), |at| {
            spells_fused(&ROWS[at..], fused.as_bytes())
        })?;
        Some(row_word(at))
    }

    /// Might `fused` (no ZWNJ) be listed with a ZWNJ? `false` is certain.
    #[inline]
    pub(crate) fn may_be_half_spaced(&self, fused: &str) -> bool {
        self.fused_filter.may_contain(hash(fused))
    }

    /// Might `left` + ZWNJ + `right` start a listed ZWNJ spelling, or be a pair the treebank
    /// writes with a ZWNJ ([`Lexicon::treebank_pair`])? `false` is certain.
    #[inline]
    pub(crate) fn may_be_pair(&self, left: &str, right: &str) -> bool {
        self.pair_filter.may_contain(pair_hash(left, right))
    }

    /// [`Lexicon::may_be_pair`] for the words whose [`hash`]es are `left` and `right`.
    #[inline]
    pub(crate) fn may_be_pair_hashed(&self, left: u64, right: u64) -> bool {
        self.pair_filter
            .may_contain(word_table::pair_hash(left, right))
    }

    /// The treebank's spelling of the fused word `fused` with its ZWNJs, if the treebank
    /// writes it so more often than fused (`سهشنبه` -> `سه‌شنبه`).
    pub(crate) fn treebank_word(&self, fused: &str) -> Option<&'static str> {
        self.treebank_words.get(fused).copied()
    }

    /// The last part of `w1` (after its last ZWNJ) + ZWNJ + `w2` as the treebank writes it,
    /// if it writes the pair with a ZWNJ more often than as two words (`سه`, `شنبه` ->
    /// `سه‌شنبه`).
    pub(crate) fn treebank_pair(&self, w1: &str, w2: &str) -> Option<&'static str> {
        let left = after_last_zwnj(w1).unwrap_or(w1);
        if !self.may_be_pair(left, w2) {
            return None;
        }
        // The key in a buffer on the stack: every listed pair is shorter than it.
        let mut buf = [0u8; 96];
        let len = left.len() + ZWNJ.len_utf8() + w2.len();
        let key = buf.get_mut(..len)?;
        key[..left.len()].copy_from_slice(left.as_bytes());
        ZWNJ.encode_utf8(&mut key[left.len()..]);
        key[left.len() + ZWNJ.len_utf8()..].copy_from_slice(w2.as_bytes());
        let key = std::str::from_utf8(key).ok()?;
        self.treebank_pairs.get(key).copied()
    }

    /// `w` if it is a second part the treebank writes joined after many different words and
    /// hardly ever as a word of its own (`سازی`, `گیری`, `کنندگان`). Its shape rejects most
    /// words before the set is asked.
    #[inline]
    pub(crate) fn bound_part(&self, w: &str) -> Option<&'static str> {
        if !self.bound_shapes.may_contain(w) {
            return None;
        }
        self.bound_parts.get(w).copied()
    }

    /// `w` if it is a bound part ([`Lexicon::bound_part`]), or the part whose plural in `ان`
    /// it is, if that part is a present stem, which makes an agent noun (`گرایان`: `گرا`,
    /// `شناسان`: `شناس`; not `آبادان`), and the lists do not tag `w` as a word of its own
    /// (`نگران`).
    #[inline]
    pub(crate) fn bound_part_or_plural(&self, w: &str) -> Option<&'static str> {
        match self.bound_part(w) {
            Some(part) => Some(part),
            None if w.as_bytes().ends_with("ان".as_bytes()) => self.bound_plural(w),
            None => None,
        }
    }

    /// The part of [`Lexicon::bound_part_or_plural`] for a word in `ان`.
    fn bound_plural(&self, w: &str) -> Option<&'static str> {
        let stem = w.strip_suffix("ان")?;
        // The glide after a vowel: گرا + ی + ان.
        let stem = stem
            .strip_suffix('ی')
            .filter(|s| s.ends_with(['ا', 'و']))
            .unwrap_or(stem);
        self.bound_part(stem)
            .filter(|&p| self.is_present_stem(p) && self.get(w).is_none_or(|e| e.flags == 0))
    }

    /// Could the word `b` end in a bound part of three letters or more, after three letters
    /// or more? One load, two multiplications and two bit tests; `false` is certain.
    #[inline(always)]
    pub(crate) fn may_end_in_bound_part(&self, b: &[u8]) -> bool {
        let Some(last8) = b
            .len()
            .checked_sub(8)
            .filter(|_| b.len() >= 12)
            .map(|at| u64::from_le_bytes(b[at..].try_into().expect("eight bytes")))
        else {
            return false;
        };
        let set = |t: u64| {
            let bit = tail_bit(t);
            self.bound_tail_bits[bit >> 6] >> (bit & 63) & 1
        };
        // The last six bytes, as `tail` reads them, and the last eight.
        set(last8 >> 16) | set(last8) != 0
    }

    /// The bound parts of three letters or more that `w` may end in, longest first (the
    /// caller checks).
    pub(crate) fn bound_parts_ending(&self, w: &str) -> impl Iterator<Item = &'static str> {
        let b = w.as_bytes();
        [tail(b, 8), tail(b, 6)]
            .into_iter()
            .flatten()
            .filter_map(|t| self.bound_tails.get(&t))
            .flatten()
            .copied()
    }

    /// Does the treebank write the listed compound `h` (with its ZWNJ) as two words at least
    /// as often as joined?
    pub(crate) fn treebank_spaces(&self, h: &str) -> bool {
        self.treebank_spaced.contains(h)
    }

    pub(crate) fn is_present_stem(&self, s: &str) -> bool {
        self.present_stems.contains(s)
    }

    pub(crate) fn is_past_stem(&self, s: &str) -> bool {
        self.past_stems.contains(s)
    }

    /// The lexicon's own copy of `word`, for evidence in the edit log.
    pub(crate) fn key(&self, word: &str) -> Option<&'static str> {
        // The row's word is `word`: its bytes in the rows, as a `'static` string.
        row(word).and_then(|at| std::str::from_utf8(&ROWS[at..at + word.len()]).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_split_at_tabs() {
        let mut rows = Vec::new();
        for_each_row("# comment\na\tb\tc\n\nd\te", |cols| {
            rows.push(cols.to_vec())
        });
        assert_eq!(rows, [vec!["a", "b", "c"], vec![""], vec!["d", "e"]]);
        let mut rows = Vec::new();
        for_each_row("a\tb\r\n# comment\r\nc\r\n", |cols| {
            rows.push(cols.to_vec())
        });
        assert_eq!(rows, [vec!["a", "b"], vec!["c"]]);
    }

    /// The bound-part filter never rejects a word that ends in a bound part of three letters or
    /// more after three letters, and each such part is found by its tail.
    #[test]
    fn bound_part_tails_find_every_part() {
        let lex = &*LEXICON;
        let parts: Vec<&str> = lex.bound_tails.values().flatten().copied().collect();
        assert!(parts.len() > 50, "{}", parts.len());
        for part in parts {
            assert!(part.chars().count() >= 3, "{part}");
            let w = format!("کتاب{part}");
            assert!(lex.may_end_in_bound_part(w.as_bytes()), "{w}");
            assert!(lex.bound_parts_ending(&w).any(|p| p == part), "{w}");
            assert_eq!(lex.bound_part(part), Some(part));
        }
        assert!(!lex.may_end_in_bound_part("کتاب".as_bytes()));
    }

    /// Every pair of the treebank table is found, after a word on its own or after the last
    /// ZWNJ of one (the pair filter holds it beside the word list's pairs).
    #[test]
    fn every_treebank_pair_is_found() {
        let mut n = 0;
        for_each_row(TREEBANK, |cols| {
            if let ["P", spelling, ..] = *cols
                && let Some((left, right)) = spelling.split_once(ZWNJ)
            {
                assert!(LEXICON.may_be_pair(left, right), "{spelling}");
                assert_eq!(LEXICON.treebank_pair(left, right), Some(spelling));
                let joined = format!("کتاب{ZWNJ}{left}");
                assert_eq!(LEXICON.treebank_pair(&joined, right), Some(spelling));
                n += 1;
            }
        });
        assert!(n > 1_000, "{n}");
    }

    /// The tables `build.rs` made answer for every row of the word list as the list reads:
    /// each word with its frequency and flags, each fused form with its most frequent spelling
    /// with ZWNJs (the first of equals), each such spelling's pair in the pair filter.
    #[test]
    fn the_built_tables_hold_every_row_of_the_word_list() {
        let text = include_str!("../../data/words.tsv");
        let lex = &*LEXICON;
        let mut best: HashMap<String, (&str, u64)> = HashMap::new();
        let mut listed = HashSet::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [word, freq, tags] = cols[..] else {
                continue;
            };
            let freq = freq.parse().unwrap_or(0);
            let flags = [
                ('N', FLAG_NOUN),
                ('A', FLAG_ADJECTIVE),
                ('D', FLAG_ADVERB),
                ('S', FLAG_STOPWORD),
            ]
            .iter()
            .filter(|(tag, _)| tags.contains(*tag))
            .fold(0, |all, (_, flag)| all | flag);
            assert_eq!(lex.get(word), Some(Entry { freq, flags }), "{word}");
            assert_eq!(lex.key(word), Some(word));
            listed.insert(word);
            if word.contains(ZWNJ) {
                let spelling = best.entry(word.replace(ZWNJ, "")).or_insert((word, freq));
                if spelling.1 < freq {
                    *spelling = (word, freq);
                }
            }
        }
        assert!(listed.len() > 90_000, "{}", listed.len());
        assert!(best.len() > 10_000, "{}", best.len());
        for (fused, (spelling, _)) in &best {
            assert_eq!(lex.half_spaced(fused), Some(*spelling), "{fused}");
            assert!(lex.may_be_half_spaced(fused), "{fused}");
            let (left, right) = spelling.split_once(ZWNJ).expect("a ZWNJ");
            assert!(lex.may_be_pair(left, right), "{spelling}");
        }
        // Words the list does not have, and prefixes and extensions of words it has.
        for w in [
            "",
            "a",
            "کتابکتاب",
            "سرمایهگذارانی",
            "سرمایه\u{200C}گذاران\u{200C}",
        ] {
            assert!(!listed.contains(w));
            assert_eq!(lex.get(w), None, "{w}");
            assert_eq!(lex.key(w), None, "{w}");
        }
        assert_eq!(lex.half_spaced("سرمایهگذارانی"), None);
        assert_eq!(lex.half_spaced("سرمایهگذار"), Some("سرمایه\u{200C}گذار"));
        assert_eq!(lex.half_spaced("سرمایه\u{200C}گذار"), None);
    }

    #[test]
    fn loads_words_stems_and_half_spaced_forms() {
        let lex = &*LEXICON;
        assert!(lex.freq("رسانه") > lex.freq("رسان"));
        assert!(lex.get("که").is_some_and(|e| e.flags & FLAG_STOPWORD != 0));
        assert_eq!(
            lex.half_spaced("سرمایهگذاران"),
            Some("سرمایه\u{200C}گذاران")
        );
        // Of two spellings with ZWNJs, the more frequent (not گفت‌و‌گو).
        assert_eq!(lex.half_spaced("گفتوگو"), Some("گفت\u{200C}وگو"));
        assert!(lex.is_present_stem("کن") && lex.is_present_stem("شو"));
        assert!(lex.is_past_stem("رفت") && lex.is_past_stem("شد"));
        assert!(!lex.is_present_stem("سال"));
        assert_eq!(lex.treebank_pair("سه", "شنبه"), Some("سه\u{200C}شنبه"));
        assert_eq!(lex.treebank_word("سهشنبه"), Some("سه\u{200C}شنبه"));
        assert_eq!(lex.treebank_pair("آن", "را"), None);
        // A word with ZWNJs is looked up by its last part.
        assert_eq!(
            lex.treebank_pair("روز\u{200C}سه", "شنبه"),
            Some("سه\u{200C}شنبه")
        );
    }
}
