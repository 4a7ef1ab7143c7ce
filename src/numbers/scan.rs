//! Finding the words that may start a number, 64 bytes at a time.
//!
//! Most words of running text are no number. Instead of walking each word byte by byte, the
//! scan computes two bit masks per 64-byte block (which bytes separate words, which start a
//! digit: [`crate::blocks`]) and then visits the words of the block by bit arithmetic: a word
//! costs a few instructions and no mispredicted branch at its end. Only a word with a digit,
//! or one whose shape may be a number word, is looked at closely.

use super::{starts_number, trim_punctuation};
use crate::blocks::{BLOCK, pair_mask, past_end};

/// The start of the next word at or after `from` that may start a number: a word with a
/// digit (ASCII, Persian or Arabic-Indic), a number word or `منفی`. Words are separated by
/// whitespace and control bytes (`<= 0x20`).
pub(super) fn next_candidate(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = from; // the current block's first byte
    let mut word: Option<usize> = None; // the start of a word that began in an earlier block
    // One block past the end too when the text ends at a block's end: its bits are all
    // separators, which ends a word running to the end of the text.
    while pos <= bytes.len() {
        let (sep, digit) = masks(bytes, pos);
        let mut at = 0; // the first bit of the block not yet visited
        while at < BLOCK {
            let start = match word {
                Some(start) => start,
                None => {
                    let starts = !sep & (!0 << at);
                    if starts == 0 {
                        break;
                    }
                    at = starts.trailing_zeros() as usize;
                    pos + at
                }
            };
            // The word's end in this block, or BLOCK (64, no bit set) if it goes on.
            let end_bit = (sep & (!0 << at)).trailing_zeros() as usize;
            // Digits in the part of the word in this block.
            let inside = (!0 << at) & !(!0u64).checked_shl(end_bit as u32).unwrap_or(0);
            if digit & inside != 0 {
                return Some(start);
            }
            if end_bit == BLOCK {
                word = Some(start); // goes on in the next block
                break;
            }
            word = None;
            let end = pos + end_bit;
            if (4..=40).contains(&(end - start)) {
                let core = trim_punctuation(&text[start..end]);
                if core.len() >= 4 && starts_number(core) {
                    return Some(start);
                }
            }
            at = end_bit;
        }
        pos += BLOCK;
    }
    None
}

/// Is `b` a word separator?
#[inline(always)]
fn is_separator(b: u8) -> bool {
    b <= b' '
}

/// Does the character starting with byte `b` (followed by `next`) start a digit?
#[inline(always)]
fn is_digit_start(b: u8, next: u8) -> bool {
    b.is_ascii_digit()
        | ((b == 0xD9) & (next.wrapping_sub(0xA0) < 10))
        | ((b == 0xDB) & (next.wrapping_sub(0xB0) < 10))
}

/// The separator and digit masks of the block at `pos`: bit `k` for byte `pos + k`. Bytes past
/// the end of the text count as separators.
#[inline]
fn masks(bytes: &[u8], pos: usize) -> (u64, u64) {
    let sep = pair_mask(bytes, pos, |b, _| is_separator(b)) | past_end(pos, bytes.len());
    (sep, pair_mask(bytes, pos, is_digit_start))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious version: each word walked byte by byte.
    fn reference(text: &str, from: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut i = from;
        loop {
            while *bytes.get(i)? <= b' ' {
                i += 1;
            }
            let start = i;
            let mut digit = false;
            while let Some(&b) = bytes.get(i).filter(|&&b| b > b' ') {
                digit |= is_digit_start(b, bytes.get(i + 1).copied().unwrap_or(0));
                i += 1;
            }
            let core = trim_punctuation(&text[start..i]);
            if digit || (4..=40).contains(&(i - start)) && core.len() >= 4 && starts_number(core) {
                return Some(start);
            }
        }
    }

    #[test]
    fn agrees_with_the_reference_from_every_word() {
        let long_word = format!("{} سه", "ب".repeat(70));
        let texts = [
            include_str!("../../tests/data/seed-article.txt"),
            "سه",
            "۱",
            "a1",
            " \n\t ",
            "",
            "منفی\u{0}بیست",
            long_word.as_str(),
            "چهل ٤٥ و پنجاه، (صد) «هزار» سی‌ام 2024",
        ];
        for text in texts {
            for from in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                assert_eq!(
                    next_candidate(text, from),
                    reference(text, from),
                    "{from} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn masks_mark_separators_and_digits() {
        // Bytes: a, space, ۱ (2), ۲ (4), space (6), b, ٣ (8), line feed (10).
        let text = "a ۱۲ b٣\n";
        let (sep, digit) = masks(text.as_bytes(), 0);
        assert_eq!(sep & 0x7FF, (1 << 1) | (1 << 6) | (1 << 10));
        assert_eq!(sep >> text.len(), !0 >> text.len()); // past the end: separators
        assert_eq!(digit, (1 << 2) | (1 << 4) | (1 << 8));
    }
}
