//! Approximate sets for hot loops: a two-probe Bloom filter over hashes ([`BitFilter`], which
//! the lexicon uses over whole words), and [`ShapeSet`], the filter keyed by a word's length,
//! second, fourth and last bytes. A shape set answers "certainly not" for almost every word of
//! running text with two loads and no hashing of the whole word; a "maybe" goes on to the
//! exact set. Words of the set are never rejected.

use crate::halfspace::word_table::filter_probes;

/// The approximate set: a [`BitFilter`] over word shapes. Insert every word of
/// the exact set it guards.
pub(crate) struct ShapeSet(BitFilter);

impl ShapeSet {
    /// An empty set, sized for up to a few thousand words: 2^15 bits (4 KiB), which stays
    /// in the L1 cache next to the text.
    pub(crate) fn new() -> ShapeSet {
        ShapeSet(BitFilter::with_bits(15))
    }

    /// Adds `word`.
    pub(crate) fn insert(&mut self, word: &str) {
        if let Some(h) = shape(word) {
            self.0.insert(h);
        }
    }

    /// Could `word` be in the set? `false` is certain.
    #[inline]
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        shape(word).is_some_and(|h| self.0.may_contain(h))
    }
}

impl<'w> FromIterator<&'w str> for ShapeSet {
    fn from_iter<I: IntoIterator<Item = &'w str>>(words: I) -> ShapeSet {
        let mut set = ShapeSet::new();
        for w in words {
            set.insert(w);
        }
        set
    }
}

/// The hash of `word`'s shape: its length, its second and fourth bytes (in Persian text, which
/// letters it starts with) and its last byte (which letter it ends with), mixed so that both
/// ends of the hash, which the filter probes, depend on all four. Words shorter than two bytes
/// have none; a word of two or three bytes has 0 for its fourth.
#[inline]
fn shape(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    let (&second, &last) = (b.get(1)?, b.last()?);
    let fourth = b.get(3).copied().unwrap_or(0);
    let key =
        (b.len() as u64) << 24 | u64::from(second) << 16 | u64::from(fourth) << 8 | u64::from(last);
    let h = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    Some(h ^ (h >> 29))
}

/// A Bloom filter of 2^`bits` bits with two probes: no false negatives. The lexicon's are
/// 2^19 bits (64 KiB): at its size (~14,000 keys) about 0.3% false positives, which only cost
/// the real lookup.
pub(crate) struct BitFilter {
    words: Box<[u64]>,
    bits: u32,
}

impl BitFilter {
    /// An empty filter of 2^`bits` bits (`6..=32`).
    pub(crate) fn with_bits(bits: u32) -> BitFilter {
        assert!((6..=32).contains(&bits), "a filter of 2^{bits} bits");
        BitFilter {
            words: vec![0; 1 << (bits - 6)].into_boxed_slice(),
            bits,
        }
    }

    /// A filter of 2^`bits` bits from its 64-bit words, little-endian (as `build.rs`
    /// writes the lexicon's).
    pub(crate) fn from_le_bytes(bits: u32, bytes: &[u8]) -> BitFilter {
        let mut filter = BitFilter::with_bits(bits);
        assert_eq!(
            bytes.len(),
            filter.words.len() * 8,
            "a filter of 2^{bits} bits"
        );
        for (w, b) in filter.words.iter_mut().zip(bytes.chunks_exact(8)) {
            *w = u64::from_le_bytes(b.try_into().expect("chunks of 8"));
        }
        filter
    }

    /// The two bit positions of hash `h`: its top and its bottom bits.
    #[inline]
    fn probes(&self, h: u64) -> [usize; 2] {
        filter_probes(h, self.bits)
    }

    pub(crate) fn insert(&mut self, h: u64) {
        for bit in self.probes(h) {
            self.words[bit >> 6] |= 1 << (bit & 63);
        }
    }

    /// Both probes are read, without a branch between them: the first one alone passes often
    /// enough that a branch on it would be mispredicted.
    #[inline]
    pub(crate) fn may_contain(&self, h: u64) -> bool {
        let [a, b] = self.probes(h);
        let set = |bit: usize| self.words[bit >> 6] >> (bit & 63) & 1;
        set(a) & set(b) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_never_rejected_and_most_others_are() {
        let words = ["گفت", "افزود", "خاطرنشان", "می\u{200C}گوید", "هزار", "سوم"];
        let set: ShapeSet = words.iter().copied().collect();
        for w in words {
            assert!(set.may_contain(w), "{w}");
        }
        let text = include_str!("../tests/data/seed-article.txt");
        let others: Vec<&str> = text
            .split_whitespace()
            .filter(|w| !words.contains(w))
            .collect();
        let admitted = others.iter().filter(|w| set.may_contain(w)).count();
        assert!(
            admitted * 20 < others.len(),
            "{admitted} of {}",
            others.len()
        );
        assert!(!set.may_contain("") && !set.may_contain("a"));
    }
}
