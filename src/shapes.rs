//! An approximate word set for hot loops: a Bloom filter of 65,536 bits with two bits per word,
//! keyed by the word's length, second byte and last byte. It answers "certainly not" for almost
//! every word of running text with two loads and no hashing of the whole word; a "maybe" goes
//! on to the exact set. Words of the set are never rejected.

/// Bits per table: 2^16.
const BITS: usize = 1 << 16;

/// The approximate set. Insert every word of the exact set it guards.
pub(crate) struct ShapeSet {
    bits: Box<[u64; BITS / 64]>,
}

impl ShapeSet {
    /// An empty set.
    pub(crate) fn new() -> ShapeSet {
        ShapeSet {
            bits: Box::new([0; BITS / 64]),
        }
    }

    /// Adds `word`.
    pub(crate) fn insert(&mut self, word: &str) {
        if let Some((a, b)) = shape(word) {
            self.bits[a / 64] |= 1 << (a % 64);
            self.bits[b / 64] |= 1 << (b % 64);
        }
    }

    /// Could `word` be in the set? `false` is certain.
    #[inline]
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        let has = |k: usize| self.bits[k / 64] & (1 << (k % 64)) != 0;
        shape(word).is_some_and(|(a, b)| has(a) && has(b))
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

/// The two bits of `word`: mixes of its length, its second byte (in Persian text, which
/// letter it starts with) and its last byte (which letter it ends with). Words shorter than
/// two bytes have none.
#[inline]
fn shape(word: &str) -> Option<(usize, usize)> {
    let b = word.as_bytes();
    let (&second, &last) = (b.get(1)?, b.last()?);
    let key = (b.len() as u64) << 16 | u64::from(second) << 8 | u64::from(last);
    let h = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    Some(((h >> 48) as usize % BITS, (h >> 32) as usize % BITS))
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
