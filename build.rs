//! Builds the lexicon's word tables from `data/words.tsv` into `OUT_DIR`, where
//! `src/halfspace/lexicon.rs` embeds them: the layout is in `src/halfspace/word_table.rs`,
//! which this script includes. Building them here spares the library's first call the parse
//! of the word list.
//!
//! - `words.rows`: the words with their flags and frequencies, in the list's order.
//! - `words.table`: every listed word, by its hash, to its row.
//! - `fused.table`: each spelling with ZWNJs, by its hash without them, to its row (of two
//!   spellings of one fused form, `گفت‌وگو` and `گفت‌و‌گو`, the more frequent, the first on a tie).
//! - `fused.filter`, `pair.filter`: Bloom filters over the fused forms, and over the (first
//!   part, rest) pairs of those spellings.

use std::collections::HashMap;
use std::path::Path;

#[path = "src/halfspace/word_table.rs"]
#[allow(dead_code)] // the lexicon's lookups
mod word_table;

use word_table::{
    FILTER_BITS, FUSED_BITS, WORD_BITS, filter_probes, flags, hash, home, pair_hash, push_row, row,
    slot,
};

const ZWNJ: char = '\u{200C}';

fn main() {
    println!("cargo::rerun-if-changed=data/words.tsv");
    println!("cargo::rerun-if-changed=src/halfspace/word_table.rs");
    let dir = std::env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR is set by cargo");
    let words = std::fs::read_to_string(Path::new(&dir).join("data/words.tsv"))
        .expect("read data/words.tsv");
    let out = std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo");
    let out = Path::new(&out);

    let mut blob = Vec::with_capacity(words.len());
    let mut word_table = Table::new(WORD_BITS);
    // Fused form -> (row offset, frequency) of its most frequent spelling with ZWNJs, in
    // row order so that ties keep the first.
    let mut fused: HashMap<String, (usize, u64)> = HashMap::new();
    let mut order = Vec::new();
    for (word, freq, flags) in rows(&words) {
        let offset = blob.len();
        push_row(&mut blob, word, flags, freq);
        word_table.insert(offset, hash(word.as_bytes()), |o| {
            row_word(&blob, o) == word
        });
        if word.contains(ZWNJ) {
            let key = word.replace(ZWNJ, "");
            match fused.get_mut(&key) {
                Some(best) if best.1 < freq => *best = (offset, freq),
                Some(_) => {}
                None => {
                    order.push(key.clone());
                    fused.insert(key, (offset, freq));
                }
            }
        }
    }

    let mut fused_table = Table::new(FUSED_BITS);
    let mut fused_filter = Filter::new(FILTER_BITS);
    let mut pair_filter = Filter::new(FILTER_BITS);
    for key in &order {
        let (offset, _) = fused[key];
        let h = hash(key.as_bytes());
        fused_table.insert(offset, h, |o| row_word(&blob, o).replace(ZWNJ, "") == *key);
        fused_filter.insert(h);
        let spelling = row_word(&blob, offset);
        if let Some((left, right)) = spelling.split_once(ZWNJ) {
            pair_filter.insert(pair_hash(hash(left.as_bytes()), hash(right.as_bytes())));
        }
    }

    write(out, "words.rows", &blob);
    write(out, "words.table", &word_table.bytes());
    write(out, "fused.table", &fused_table.bytes());
    write(out, "fused.filter", &fused_filter.bytes());
    write(out, "pair.filter", &pair_filter.bytes());
}

/// The rows of the word list (a word, its frequency and its flags; not `#` comments): each
/// row's word, frequency (0 if not a number) and flags.
fn rows(text: &str) -> impl Iterator<Item = (&str, u64, u8)> {
    text.lines().filter_map(|line| {
        let mut cols = line.split('\t');
        let (word, freq, letters) = (cols.next()?, cols.next()?, cols.next()?);
        (!word.starts_with('#')).then(|| (word, freq.parse().unwrap_or(0), flags(letters)))
    })
}

/// The word of the row at byte `offset` of the rows.
fn row_word(rows: &[u8], offset: usize) -> &str {
    std::str::from_utf8(word_table::row_word(rows, offset)).expect("the word list is UTF-8")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap_or_else(|e| panic!("write {name}: {e}"));
}

/// An open-addressing table of [`word_table::slot`]s.
struct Table {
    slots: Vec<u32>,
    bits: u32,
    len: usize,
}

impl Table {
    fn new(bits: u32) -> Table {
        Table {
            slots: vec![0; 1 << bits],
            bits,
            len: 0,
        }
    }

    /// Puts the row at `offset`, whose key hashes to `h`. A key put twice (`is_key` of the
    /// offset of a row already there) is an error in the word list.
    fn insert(&mut self, offset: usize, h: u64, is_key: impl Fn(usize) -> bool) {
        let mask = self.slots.len() - 1;
        let mut at = home(h, self.bits);
        while self.slots[at] != 0 {
            let held = row(self.slots[at]);
            if is_key(held) {
                panic!("a key listed twice, at bytes {held} and {offset} of the list");
            }
            at = (at + 1) & mask;
        }
        self.slots[at] = slot(offset, h).expect("the word list is under 4 MiB");
        self.len += 1;
        assert!(
            self.len * 2 < self.slots.len(),
            "a table of 2^{} slots is half full: give it more bits",
            self.bits
        );
    }

    fn bytes(&self) -> Vec<u8> {
        self.slots.iter().flat_map(|s| s.to_le_bytes()).collect()
    }
}

/// A Bloom filter as the lexicon's `BitFilter` reads it: 64-bit words, little-endian.
struct Filter {
    words: Vec<u64>,
    bits: u32,
}

impl Filter {
    fn new(bits: u32) -> Filter {
        Filter {
            words: vec![0; 1 << (bits - 6)],
            bits,
        }
    }

    fn insert(&mut self, h: u64) {
        for bit in filter_probes(h, self.bits) {
            self.words[bit >> 6] |= 1 << (bit & 63);
        }
    }

    fn bytes(&self) -> Vec<u8> {
        self.words.iter().flat_map(|w| w.to_le_bytes()).collect()
    }
}
