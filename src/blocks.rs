//! Byte classes as bit masks, 64 bytes at a time.
//!
//! A scan that visits every word or token of running text with a byte loop pays a branch the
//! processor cannot predict at the end of each one. Where a question is about single bytes
//! (or a byte and the one after it), it is cheaper to answer it for a whole block at once with
//! a loop the compiler vectorizes, and to read the answers for a word or token from the bits.

/// Bytes per block: one bit each in a `u64`.
pub(crate) const BLOCK: usize = 64;

/// Bit `k` is set if `class(bytes[pos + k], bytes[pos + k + 1])` holds (the second byte is 0
/// at the end of the text); bits past the end are clear.
#[inline(always)]
pub(crate) fn pair_mask(bytes: &[u8], pos: usize, class: impl Fn(u8, u8) -> bool) -> u64 {
    let mut flags = [0u8; BLOCK];
    if let Some(w) = bytes.get(pos..pos + BLOCK + 1) {
        // A full block and the byte after it, as arrays: the loop has no bounds checks and
        // vectorizes.
        let this: &[u8; BLOCK] = w[..BLOCK].try_into().expect("a block");
        let next: &[u8; BLOCK] = w[1..].try_into().expect("a block");
        for k in 0..BLOCK {
            flags[k] = u8::from(class(this[k], next[k]));
        }
    } else {
        for (k, flag) in flags.iter_mut().enumerate() {
            if let Some(&b) = bytes.get(pos + k) {
                let next = bytes.get(pos + k + 1).copied().unwrap_or(0);
                *flag = u8::from(class(b, next));
            }
        }
    }
    to_bits(&flags)
}

/// The bits of the block at `pos` that lie past the end of a text of `len` bytes.
#[inline]
pub(crate) fn past_end(pos: usize, len: usize) -> u64 {
    match len.checked_sub(pos) {
        Some(n) if n < BLOCK => !0 << n,
        Some(_) => 0,
        None => !0,
    }
}

/// The masks of a whole text, one `u64` per block, into `out` (cleared first).
pub(crate) fn text_mask(bytes: &[u8], class: impl Fn(u8, u8) -> bool + Copy, out: &mut Vec<u64>) {
    out.clear();
    out.extend((0..bytes.len().div_ceil(BLOCK)).map(|j| pair_mask(bytes, j * BLOCK, class)));
}

/// The positions of the set bits of a [`text_mask`], in order.
pub(crate) fn set_bits(mask: &[u64]) -> SetBits<'_> {
    SetBits {
        mask,
        block: 0,
        bits: mask.first().copied().unwrap_or(0),
    }
}

/// The iterator of [`set_bits`].
pub(crate) struct SetBits<'m> {
    mask: &'m [u64],
    /// The block of `bits`.
    block: usize,
    /// Its bits not yet visited.
    bits: u64,
}

impl Iterator for SetBits<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            self.block += 1;
            self.bits = *self.mask.get(self.block)?;
        }
        let k = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(self.block * BLOCK + k)
    }
}

/// 64 flags of 0 or 1 to a bit mask: for each eight, the multiplication gathers byte `k`'s
/// bit at bit `56 + k`.
#[inline(always)]
fn to_bits(flags: &[u8; BLOCK]) -> u64 {
    let mut mask = 0u64;
    for (j, eight) in flags.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        mask |= (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * j);
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_agree_with_a_byte_loop() {
        let text = "ab ۱۲\nc d  ".repeat(20);
        let bytes = text.as_bytes();
        let class = |b: u8, next: u8| b == b' ' || (b == 0xDB && next == 0xB2);
        let mut mask = Vec::new();
        text_mask(bytes, class, &mut mask);
        assert_eq!(mask.len(), bytes.len().div_ceil(BLOCK));
        for k in 0..mask.len() * BLOCK {
            let want = bytes
                .get(k)
                .is_some_and(|&b| class(b, bytes.get(k + 1).copied().unwrap_or(0)));
            assert_eq!(mask[k / BLOCK] >> (k % BLOCK) & 1 == 1, want, "bit {k}");
        }
        let set: Vec<usize> = (0..mask.len() * BLOCK)
            .filter(|&k| mask[k / BLOCK] >> (k % BLOCK) & 1 == 1)
            .collect();
        assert_eq!(set_bits(&mask).collect::<Vec<_>>(), set);
        assert_eq!(past_end(0, 10), !0 << 10);
        assert_eq!(past_end(64, 200), 0);
        assert_eq!(past_end(70, 64), !0);
    }
}
