//! The word tables' layout, shared by `build.rs`, which builds them from `data/words.tsv`
//! at compile time, and the lexicon, which reads them: the hash, where a key's slot is, what
//! a slot holds, and where a hash sets its bits in a filter. Nothing here may name the rest
//! of the crate: the build script includes this file alone.
//!
//! The words are rows of one byte string (`words.rows`): each word, a tab, its flags (one
//! byte of `FLAG_*` bits) and its frequency (eight bytes, little-endian), so a lookup reads
//! its entry without parsing. A table is an array of little-endian `u32` slots, open
//! addressing with linear probing. A slot holds 0 (empty) or the byte offset, plus one, of a
//! row, with ten bits of the key's hash above it, which reject most other keys met on the way
//! without reading their rows. Building all this at compile time spares the first call the
//! parse of 97,000 rows of `data/words.tsv` into hash maps (81 million instructions, about
//! 25 ms).

/// A word's flags: tagged as a noun, an adjective, an adverb, a function word (stop word).
pub(crate) const FLAG_NOUN: u8 = 1;
pub(crate) const FLAG_ADJECTIVE: u8 = 2;
pub(crate) const FLAG_ADVERB: u8 = 4;
pub(crate) const FLAG_STOPWORD: u8 = 8;

/// The flags the word list's third column spells (`N A D S`, other letters ignored).
#[allow(dead_code)] // the build script's
pub(crate) fn flags(column: &str) -> u8 {
    column.bytes().fold(0, |acc, f| {
        acc | match f {
            b'N' => FLAG_NOUN,
            b'A' => FLAG_ADJECTIVE,
            b'D' => FLAG_ADVERB,
            b'S' => FLAG_STOPWORD,
            _ => 0,
        }
    })
}

/// The bytes of a row after its word: the tab, the flags, the frequency.
const ROW_TAIL: usize = 1 + 1 + 8;

/// Appends the row of `word` to `rows`: the word, a tab, its flags, its frequency.
#[allow(dead_code)] // the build script's
pub(crate) fn push_row(rows: &mut Vec<u8>, word: &str, flags: u8, freq: u64) {
    rows.extend_from_slice(word.as_bytes());
    rows.push(b'\t');
    rows.push(flags);
    rows.extend_from_slice(&freq.to_le_bytes());
}

/// The word of the row at `at`: its bytes up to the tab.
pub(crate) fn row_word(rows: &[u8], at: usize) -> &[u8] {
    let row = &rows[at..];
    &row[..row.iter().position(|&b| b == b'\t').unwrap_or(row.len())]
}

/// The flags and the frequency of the row at `at`, whose word is `len` bytes long (0 and 0
/// past the end).
#[inline]
pub(crate) fn row_entry(rows: &[u8], at: usize, len: usize) -> (u8, u64) {
    let tail = rows
        .get(at + len..at + len + ROW_TAIL)
        .unwrap_or(&[0; ROW_TAIL]);
    let mut freq = [0; 8];
    freq.copy_from_slice(&tail[2..]);
    (tail[1], u64::from_le_bytes(freq))
}

/// The hash of the tables and of the lexicon's filters: the length, the first and the last
/// eight bytes (for a shorter string, its first and last four, which overlap, or two), read
/// without a loop or a branch on the length, so that a test costs the same for every word and
/// no loop exit is mispredicted. Bytes in the middle of a word longer than sixteen bytes are
/// not read: two such words that differ only there share a hash, which costs a filter a false
/// positive and a table a longer probe, never a miss.
#[inline]
pub(crate) fn hash(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let word = |x: Option<u64>| x.unwrap_or(0);
    let head8 = b.first_chunk::<8>().map(|x| u64::from_le_bytes(*x));
    let tail8 = b.last_chunk::<8>().map(|x| u64::from_le_bytes(*x));
    let head4 = word(
        b.first_chunk::<4>()
            .map(|x| u64::from(u32::from_le_bytes(*x))),
    );
    let tail4 = word(
        b.last_chunk::<4>()
            .map(|x| u64::from(u32::from_le_bytes(*x))),
    );
    let head2 = word(
        b.first_chunk::<2>()
            .map(|x| u64::from(u16::from_le_bytes(*x))),
    );
    let first = word(b.first().map(|&x| u64::from(x)));
    let head = head8.unwrap_or(head4 | tail4 << 32);
    let short = head2 << 8 | first;
    let mut h = (head ^ (b.len() as u64) << 56).wrapping_mul(K);
    h = (h.rotate_left(29) ^ word(tail8)).wrapping_mul(K);
    h = (h.rotate_left(29) ^ short).wrapping_mul(K);
    h ^ h >> 31
}

/// The filter hash of the pair of strings whose [`hash`]es are `left` and `right`.
#[inline]
pub(crate) fn pair_hash(left: u64, right: u64) -> u64 {
    left.rotate_left(17) ^ right
}

/// The two bits a filter of 2^`bits` bits sets for hash `h`: its top and its bottom bits.
#[inline]
pub(crate) fn filter_probes(h: u64, bits: u32) -> [usize; 2] {
    [
        (h >> (64 - bits)) as usize,
        (h & ((1 << bits) - 1)) as usize,
    ]
}

/// Slots of the word table (2^18: 97,000 words fill 37% of them) and of the table of
/// ZWNJ spellings by their fused form (2^15: 14,000 spellings fill 43%).
pub(crate) const WORD_BITS: u32 = 18;
pub(crate) const FUSED_BITS: u32 = 15;
/// The bits of the lexicon's two word filters (fused spellings, pairs).
pub(crate) const FILTER_BITS: u32 = 19;

/// The bits of a slot that hold the row's offset plus one: rows start in the first 4 MiB.
const OFFSET_BITS: u32 = 22;
const OFFSET_MASK: u32 = (1 << OFFSET_BITS) - 1;

/// The first slot a key with hash `h` may be in, in a table of 2^`bits` slots. Middle bits of
/// the hash: the filters use its ends.
#[inline]
pub(crate) fn home(h: u64, bits: u32) -> usize {
    (h >> 20) as usize & ((1 << bits) - 1)
}

/// The hash bits a slot keeps beside its row.
#[inline]
fn tag(h: u64) -> u32 {
    ((h >> 40) as u32 & 0x3FF) << OFFSET_BITS
}

/// The slot for the row at byte `offset`, whose key hashes to `h`; `None` if the row starts
/// past what a slot can hold.
#[allow(dead_code)] // the build script's
pub(crate) fn slot(offset: usize, h: u64) -> Option<u32> {
    let offset = u32::try_from(offset + 1).ok()?;
    (offset <= OFFSET_MASK).then_some(tag(h) | offset)
}

/// The offset of the row in the (full) slot `s`.
#[inline]
pub(crate) fn row(s: u32) -> usize {
    (s & OFFSET_MASK) as usize - 1
}

/// The offset of the first row in `table` (little-endian `u32` slots, 2^`bits` of them) whose
/// key hashes to `h` and for which `is_key` says yes, if any.
#[inline]
pub(crate) fn find(
    table: &[u8],
    bits: u32,
    h: u64,
    mut is_key: impl FnMut(usize) -> bool,
) -> Option<usize> {
    let mask = (1 << bits) - 1;
    let (mut at, tag) = (home(h, bits), tag(h));
    loop {
        let s = table.get(4 * at..4 * at + 4)?;
        let s = u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        if s == 0 {
            return None;
        }
        let offset = row(s);
        if s & !OFFSET_MASK == tag && is_key(offset) {
            return Some(offset);
        }
        at = (at + 1) & mask;
    }
}
