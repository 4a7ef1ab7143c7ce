//! An approximate word set for hot loops: a small two-probe Bloom filter, keyed by the
//! word's length, second byte and last byte. It answers "certainly not" for almost every word
//! of running text with two loads and no hashing of the whole word; a "maybe" goes on to the
//! exact set. Words of the set are never rejected.

use crate::halfspace::lexicon::BitFilter;

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

/// The hash of `word`'s shape: its length, its second byte (in Persian text, which letter it
/// starts with) and its last byte (which letter it ends with), mixed so that both ends of the
/// hash, which the filter probes, depend on all three. Words shorter than two bytes have none.
#[inline]
fn shape(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    let (&second, &last) = (b.get(1)?, b.last()?);
    let key = (b.len() as u64) << 16 | u64::from(second) << 8 | u64::from(last);
    let h = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    Some(h ^ (h >> 29))
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
