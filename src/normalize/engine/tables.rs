//! The byte tables of the fast paths: which two-byte characters of U+0600..U+06FF each
//! [`Letters`] mode leaves alone, and the loops over runs of them that the engine, the
//! tokenizer and restoration share.

use crate::chars::{ZWNJ_UTF8, is_arabic_letter, joins_forward};
use crate::normalize::{Letters, letters};

/// Per [`Letters`] mode, for each two-byte sequence `D8 00`..`DB FF` (big-endian, minus `D800`),
/// so for each code point U+0600..U+06FF, what the fast path sees there:
/// 0 (stop), a letter the letters step keeps (`PLAIN_LETTER`, or `PLAIN_JOINER` if it joins
/// the next letter), a Persian digit, or Persian punctuation that takes a space after it.
pub(super) static PLAIN: [[u8; PLAIN_LEN]; 3] = [
    plain_table(Letters::Keep),
    plain_table(Letters::Persian),
    plain_table(Letters::Fold),
];
pub(super) const PLAIN_LETTER: u8 = 1;
pub(super) const PLAIN_JOINER: u8 = 3; // a letter (bit 0) that joins (bit 1)
pub(super) const PLAIN_DIGIT: u8 = 4;
pub(super) const PLAIN_CLOSER: u8 = 8;

/// Entries in a [`PLAIN`] table: lead bytes D8..DB, any second byte.
pub(super) const PLAIN_LEN: usize = 1024;

const fn plain_table(mode: Letters) -> [u8; PLAIN_LEN] {
    let mut t = [0u8; PLAIN_LEN];
    let mut i = 0;
    while i < 256 {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            let class = if is_arabic_letter(c) && letters::persian_letter(c, mode).is_none() {
                if joins_forward(c) {
                    PLAIN_JOINER
                } else {
                    PLAIN_LETTER
                }
            } else if matches!(c, '\u{06F0}'..='\u{06F9}') {
                PLAIN_DIGIT
            } else if matches!(c, '\u{060C}' | '\u{061B}' | '\u{061F}') {
                PLAIN_CLOSER // ARABIC COMMA, SEMICOLON, QUESTION MARK
            } else {
                0
            };
            // U+0600 + i is the two bytes (D8 + i / 64, 80 + i % 64).
            t[((i / 64) << 8) | (0x80 + i % 64)] = class;
        }
        i += 1;
    }
    t
}

/// Is the two-byte character at `bytes[i..]` a letter that the standard letters step keeps?
#[inline]
pub(crate) fn is_plain_letter(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i..i + 2)
        .is_some_and(|pair| PAIR_LETTER[usize::from(u16::from_le_bytes([pair[0], pair[1]]))])
}

/// Is the two-byte character at `bytes[i..]` a letter of the Arabic script, Persian or not
/// (`ي ك` too)?
#[inline]
pub(crate) fn is_script_letter(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i..i + 2)
        .is_some_and(|pair| PAIR_SCRIPT_LETTER[usize::from(u16::from_le_bytes([pair[0], pair[1]]))])
}

/// The end of the run of letters of the script (see [`is_script_letter`]) starting at `start`,
/// with ZWNJs between them. The tokenizer's inner loop.
#[inline]
pub(crate) fn script_word_run(bytes: &[u8], start: usize) -> usize {
    let letter = |a: u8, b: u8| PAIR_SCRIPT_LETTER[usize::from(u16::from_le_bytes([a, b]))];
    let mut i = start;
    loop {
        i = letters_from(&PAIR_SCRIPT_LETTER, bytes, i);
        if i > start
            && bytes.get(i..i + 3) == Some(&ZWNJ_UTF8)
            && bytes.get(i + 3..i + 5).is_some_and(|p| letter(p[0], p[1]))
        {
            i += 5;
        } else {
            return i;
        }
    }
}

/// The end of the run of plain letters (see [`is_plain_letter`]) starting at `start`.
#[inline]
pub(crate) fn plain_letter_run(bytes: &[u8], start: usize) -> usize {
    letters_from(&PAIR_LETTER, bytes, start)
}

/// The end of the run of letters of `table` starting at `i`: eight letters a step, counted
/// without a branch per letter, so that the end of a word (which varies with the text and
/// which the processor cannot predict) costs one branch, not one per letter.
#[inline(always)]
fn letters_from(table: &[bool; 1 << 16], bytes: &[u8], mut i: usize) -> usize {
    const STEP: usize = 8; // letters
    let letter = |a: u8, b: u8| table[usize::from(u16::from_le_bytes([a, b]))];
    while let Some(w) = bytes.get(i..i + 2 * STEP) {
        let mut bits = 0u32;
        for k in 0..STEP {
            bits |= u32::from(letter(w[2 * k], w[2 * k + 1])) << k;
        }
        let n = (!bits).trailing_zeros() as usize; // at most STEP
        i += 2 * n;
        if n < STEP {
            return i;
        }
    }
    // Near the end of the text: a letter at a time.
    while let Some(pair) = bytes.get(i..i + 2)
        && letter(pair[0], pair[1])
    {
        i += 2;
    }
    i
}

/// For every two bytes read as a little-endian `u16`: are they a plain letter in
/// [`Letters::Persian`] mode ([`is_plain_letter`])? One load per letter in the inner loops.
static PAIR_LETTER: [bool; 1 << 16] = pair_letters(Letters::Persian);
/// The same for any letter of the script, `ي ك` too ([`is_script_letter`]).
static PAIR_SCRIPT_LETTER: [bool; 1 << 16] = pair_letters(Letters::Keep);

const fn pair_letters(mode: Letters) -> [bool; 1 << 16] {
    let plain = &PLAIN[mode as usize];
    let mut t = [false; 1 << 16];
    let mut k = 0;
    while k < PLAIN_LEN {
        if plain[k] & PLAIN_LETTER != 0 {
            let (b0, b1) = (0xD8 + (k >> 8), k & 0xFF);
            t[b0 | (b1 << 8)] = true;
        }
        k += 1;
    }
    t
}

/// The end of the run of letters of `table` from `start` (not past `stop`), and the class of
/// its last letter (0 if there is none). Small and out of line, so that the loop keeps its
/// values in registers.
#[inline(never)]
pub(super) fn letter_run(
    table: &[u8; PLAIN_LEN],
    bytes: &[u8],
    start: usize,
    stop: usize,
) -> (usize, u8) {
    let mut last = 0;
    let mut len = 0;
    for pair in bytes.get(start..stop).unwrap_or_default().chunks_exact(2) {
        let class = pair_class(table, pair[0], pair[1]);
        if class & PLAIN_LETTER == 0 {
            break;
        }
        last = class;
        len += 2;
    }
    (start + len, last)
}

/// Is the character at `bytes[i..]` a Persian digit or `، ؛ ؟`, which end a word?
#[inline]
pub(crate) fn is_plain_digit_or_closer(bytes: &[u8], i: usize) -> bool {
    matches!(
        plain_class(&PLAIN[Letters::Persian as usize], bytes, i),
        PLAIN_DIGIT | PLAIN_CLOSER
    )
}

/// The class of the two-byte character at `bytes[i..]` in [`PLAIN`], or 0.
#[inline(always)]
pub(super) fn plain_class(table: &[u8; PLAIN_LEN], bytes: &[u8], i: usize) -> u8 {
    match bytes.get(i..i + 2) {
        Some(&[b0, b1]) => pair_class(table, b0, b1),
        _ => 0,
    }
}

/// The class of the two bytes `b0 b1` in [`PLAIN`], or 0.
#[inline(always)]
pub(super) fn pair_class(table: &[u8; PLAIN_LEN], b0: u8, b1: u8) -> u8 {
    let k = (usize::from(b0) << 8 | usize::from(b1)).wrapping_sub(0xD800);
    table.get(k).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::is_arabic_letter;

    /// The obvious version of [`script_word_run`]: a character at a time.
    fn reference(text: &str, start: usize) -> usize {
        let mut end = start;
        let mut chars = text[start..].char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            let letter = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c) && is_arabic_letter(c);
            if letter(c) {
                end = start + k + 2;
            } else if c == crate::ZWNJ
                && end > start
                && chars.peek().is_some_and(|&(_, n)| letter(n))
            {
                continue;
            } else {
                break;
            }
        }
        end
    }

    #[test]
    fn script_word_run_agrees_with_the_reference_from_every_start() {
        let long = "ب".repeat(40);
        let texts = [
            include_str!("../../../tests/data/seed-article.txt"),
            "می\u{200C}شود كتاب\u{200C}\u{200C}ها، ۱۲ abc\u{200C}د ݐݑ",
            long.as_str(),
            "یک\u{200C}",
        ];
        for text in texts {
            for start in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                assert_eq!(
                    script_word_run(text.as_bytes(), start),
                    reference(text, start),
                    "{start} in {text}"
                );
            }
        }
    }
}
