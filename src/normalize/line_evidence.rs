//! How a line without ZWNJs lost them: typed as spaces (`کتاب ها`, `می شود`) or deleted
//! (`کتابها`, `میشود`). Restoration joins a compound of two words typed apart only on a line
//! whose ZWNJs may have become spaces ([`crate::halfspace::join_spaced`]): one that types a
//! suffix or the prefix apart, or one that shows neither way (no suffix or prefix at all).
//!
//! The line is read as the normalizer writes it, so that a second pass finds what the first
//! found: letters in the form the letters step gives them, presentation forms as their
//! letters, without what the steps delete (vowel marks, kashida, controls, stray ZWNJs), one
//! space for a run of spaces.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::Letters;
use super::engine::skipped;
use super::letters;
use crate::chars::{is_space, joins_forward};

/// Whether the ZWNJs of the line around an offset may have become spaces, read once per line
/// and only when asked.
#[derive(Default)]
pub(crate) struct LineEvidence {
    /// The line last read (start, end) and the answer for it.
    line: Option<(usize, usize, bool)>,
    /// The line as the normalizer writes it (kept to reuse its memory).
    scratch: Vec<u8>,
}

impl LineEvidence {
    /// May the ZWNJs of the line of `text` around `at` have become spaces? Yes if it types
    /// the plural suffix after a letter that joins, or the verbal prefix, as a word of its
    /// own ([`spaced`]); no if it fuses either to a word instead ([`fused`]); yes if it shows
    /// neither.
    pub(crate) fn spaced(&mut self, text: &str, at: usize, mode: Letters) -> bool {
        if let Some((start, end, spaced)) = self.line
            && (start..=end).contains(&at)
        {
            return spaced;
        }
        let Range { start, end } = line_around(text, at);
        let spaced = read(&text[start..end], mode, &mut self.scratch);
        self.line = Some((start, end, spaced));
        spaced
    }
}

/// The line of `text` that `at` is on, without its line end.
pub(super) fn line_around(text: &str, at: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |k| k + 1);
    let end = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |k| at + k);
    start..end
}

/// May the ZWNJs of the line `text` have become spaces ([`spaced`], or not [`fused`]), read as
/// the normalizer writes it (in `line`)?
fn read(text: &str, mode: Letters, line: &mut Vec<u8>) -> bool {
    write_line(text, mode, line);
    spaced(line) || !fused(line)
}

/// Writes the line `text` in `line` as the normalizer writes it: letters in the form the
/// letters step gives them, presentation forms as their letters, without what the steps
/// delete, one space for a run of spaces. What stays as it is (most of a line) is copied in
/// pieces: a line may be a whole document.
fn write_line(text: &str, mode: Letters, line: &mut Vec<u8>) {
    let table = &AS_WRITTEN[mode as usize];
    let b = text.as_bytes();
    line.clear();
    line.reserve(b.len());
    let push = |line: &mut Vec<u8>, c: char| {
        if c != ' ' || line.last() != Some(&b' ') {
            line.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
    };
    // The bytes from `copy` to `i` are written as they are, once something else comes.
    let mut copy = 0;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            // ASCII: a space for a tab, one space for a run.
            if !matches!(x, b' ' | b'\t' | 0x0B | 0x0C) {
                i += 1;
                continue;
            }
            // The last byte written: the copy's, else the line's.
            let after_space = match i > copy {
                true => b[i - 1] == b' ',
                false => line.last() == Some(&b' '),
            };
            if x == b' ' && !after_space {
                i += 1;
                continue;
            }
            line.extend_from_slice(&b[copy..i]);
            if !after_space {
                line.push(b' ');
            }
            i += 1;
        } else if x < 0xE0 {
            // Two bytes: the table has the bytes written for them, if any.
            let cp = usize::from(x & 0x1F) << 6 | usize::from(b[i + 1] & 0x3F);
            let written = table[cp];
            if written == [x, b[i + 1]] {
                i += 2;
                continue;
            }
            line.extend_from_slice(&b[copy..i]);
            match written {
                [0, _] => {}
                [b' ', _] => push(line, ' '),
                [p, q] => line.extend_from_slice(&[p, q]),
            }
            i += 2;
        } else {
            // Rare: presentation forms, spaces and controls of three bytes.
            line.extend_from_slice(&b[copy..i]);
            let c = text[i..].chars().next().expect("a character boundary");
            match letters::is_presentation_form(c).then(|| letters::presentation_form(c)) {
                Some(Some(base)) => {
                    for b in base.chars().filter(|&b| !deleted(b)) {
                        push(line, as_written(b, mode));
                    }
                }
                _ if deleted(c) => {}
                _ => push(line, as_written(c, mode)),
            }
            i += c.len_utf8();
        }
        copy = i;
    }
    line.extend_from_slice(&b[copy..]);
}

/// Does the line `b` (one without ZWNJs, as the normalizer writes it: Persian letters, single
/// spaces) type the plural suffix after a letter that joins, or the verbal prefix, as a word
/// of its own (`کتاب ها`, `کتاب های`, `می شود`, `نمی شود`)? Then its ZWNJs were typed as
/// spaces, not deleted, and a space between the two parts of a listed compound is likely a
/// lost ZWNJ too ([`crate::halfspace::join_spaced`]), while a fused word is as it was typed.
/// After a letter that does not join (`کشور ها`) the plural proves nothing, and it would
/// not survive the first pass (`کشورها`). Two substring searches.
fn spaced(b: &[u8]) -> bool {
    static PLURAL: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" ها".as_bytes()));
    static PREFIX: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("می ".as_bytes()));
    has_suffix_or_prefix(b, &PLURAL, &PREFIX)
}

/// Does the line `b` (as [`spaced`] reads it) fuse the plural suffix to a letter that joins,
/// or the verbal prefix to a word (`کتابها`, `میشود`, `نمیداند`)? Then its ZWNJs were
/// deleted, and a space in it is a space. A word that only starts like the prefix (`میان`,
/// `میلیون`) counts too: the answer only withholds a join. Two substring searches.
fn fused(b: &[u8]) -> bool {
    static PLURAL: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("ها".as_bytes()));
    static PREFIX: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("می".as_bytes()));
    has_suffix_or_prefix(b, &PLURAL, &PREFIX)
}

/// Does `b` hold `plural` (`ها`, spaced or not) ending a word (with `ی` or `یی` after it)
/// right after a letter that joins, or `prefix` (`می`, spaced or not) starting a word (or
/// after its `ن`) with a letter right after it?
fn has_suffix_or_prefix(b: &[u8], plural: &Finder<'_>, prefix: &Finder<'_>) -> bool {
    // A letter's lead byte in the Arabic block: the word goes on.
    let goes_on = |k: usize| b.get(k).is_some_and(|&x| matches!(x, 0xD8..=0xDB));
    let suffix = plural.find_iter(b).any(|k| {
        let mut end = k + plural.needle().len();
        for _ in 0..2 {
            if b[end..].starts_with("ی".as_bytes()) {
                end += "ی".len();
            }
        }
        !goes_on(end) && last_char(&b[..k]).is_some_and(joins_forward)
    });
    suffix
        || prefix.find_iter(b).any(|k| {
            let start = if b[..k].ends_with("ن".as_bytes()) {
                k - "ن".len()
            } else {
                k
            };
            last_char(&b[..start]).is_none_or(|c| c == ' ') && goes_on(k + prefix.needle().len())
        })
}

/// The last character of the UTF-8 bytes `b`, if any.
fn last_char(b: &[u8]) -> Option<char> {
    let start = b.iter().rposition(|&x| x & 0xC0 != 0x80)?;
    std::str::from_utf8(&b[start..]).ok()?.chars().next()
}

/// How [`read`] writes a character that no step deletes and that is no presentation form: a
/// space for any space, else the letter the letters step (in `mode`) writes for it.
fn as_written(c: char, mode: Letters) -> char {
    if is_space(c) {
        ' '
    } else {
        letters::persian_letter(c, mode).unwrap_or(c)
    }
}

/// Does [`read`] leave `c` out: a character a step deletes (a mark, kashida, a control, a ZWNJ
/// on a line without one of its own), but not hamza or maddah above or below, which are
/// parts of letters and no step deletes?
fn deleted(c: char) -> bool {
    skipped(c) && !matches!(c, '\u{0653}'..='\u{0655}')
}

/// [`read`]'s reading of every character of two bytes, per letters mode: the UTF-8 bytes it
/// writes (two, or a space and a zero), or zeros for one a step deletes.
static AS_WRITTEN: LazyLock<[[[u8; 2]; 0x800]; 3]> = LazyLock::new(|| {
    let mut table = [[[0u8; 2]; 0x800]; 3];
    for (m, mode) in [Letters::Keep, Letters::Persian, Letters::Fold]
        .into_iter()
        .enumerate()
    {
        for cp in 0x80..0x800u32 {
            let c = char::from_u32(cp).expect("no surrogates below 0x800");
            if !deleted(c) {
                let mut w = [0; 4];
                let w = as_written(c, mode).encode_utf8(&mut w).as_bytes();
                assert!(
                    w.len() <= 2,
                    "a character of two bytes is written with two or one"
                );
                table[m][cp as usize] = [w[0], w.get(1).copied().unwrap_or(0)];
            }
        }
    }
    table
});

#[cfg(test)]
mod tests {
    use super::*;

    /// [`write_line`] a character at a time: the reference it is checked against.
    fn write_line_slowly(text: &str, mode: Letters) -> Vec<u8> {
        let mut line = Vec::new();
        let mut push = |c: char| {
            if c != ' ' || line.last() != Some(&b' ') {
                line.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
        };
        for c in text.chars() {
            // ASCII as it is, but a space for a tab.
            if c.is_ascii() {
                push(if matches!(c, '\t' | '\u{0B}' | '\u{0C}') {
                    ' '
                } else {
                    c
                });
                continue;
            }
            let base = letters::is_presentation_form(c)
                .then(|| letters::presentation_form(c))
                .flatten();
            match base {
                Some(base) => base
                    .chars()
                    .filter(|&b| !deleted(b))
                    .for_each(|b| push(as_written(b, mode))),
                None if deleted(c) => {}
                None => push(as_written(c, mode)),
            }
        }
        line
    }

    proptest::proptest! {
        /// The line written in pieces is the line written a character at a time.
        #[test]
        fn a_line_is_written_as_a_character_at_a_time(
            text in "[ \t\r\u{0B}\u{0C}\u{01}a-z.\u{0621}-\u{0655}\u{0640}\u{067E}\u{06A9}\u{06CC}\u{200C}\u{200F}\u{00A0}\u{2003}\u{FB50}-\u{FB60}\u{FE8D}-\u{FE94}]{0,40}"
        ) {
            for mode in [Letters::Keep, Letters::Persian, Letters::Fold] {
                let mut line = Vec::new();
                write_line(&text, mode, &mut line);
                proptest::prop_assert_eq!(&line, &write_line_slowly(&text, mode), "{:?}", mode);
            }
        }
    }

    #[test]
    fn a_spaced_line_types_a_suffix_or_the_prefix_apart() {
        for line in [
            "کتاب ها",
            "این کتاب های خوب",
            "کتاب هایی.",
            "می شود",
            "او نمی داند",
            "بر می گردد",
        ] {
            assert!(spaced(line.as_bytes()), "{line}");
        }
        for line in [
            "کتابها",
            "میشود",
            "سه هزار",  // ها starts a longer word
            "های",      // no space before it
            "علمی شد",  // not the prefix
            "رفت و می", // nothing after it
            "",
        ] {
            assert!(!spaced(line.as_bytes()), "{line}");
        }
    }

    #[test]
    fn a_fused_line_fuses_a_suffix_or_the_prefix() {
        for line in ["کتابها", "این کتابهای خوب", "میشود", "او نمیداند", "میلیون"]
        {
            assert!(fused(line.as_bytes()), "{line}");
        }
        for line in [
            "کتاب ها",
            "کشورها",  // after a letter that does not join: the spelling of any text
            "سه هزار", // ها inside a word
            "علمی شد",
            "می شود",
            "",
        ] {
            assert!(!fused(line.as_bytes()), "{line}");
        }
        // A line that shows neither way may have typed its ZWNJs as spaces.
        let mut scratch = Vec::new();
        assert!(read("نخست وزیر گفت", Letters::Persian, &mut scratch));
        assert!(!read(
            "نخست وزیر گفت کتابها",
            Letters::Persian,
            &mut scratch
        ));
        assert!(read(
            "نخست وزیر گفت کتاب ها",
            Letters::Persian,
            &mut scratch
        ));
    }

    #[test]
    fn a_line_is_read_as_the_normalizer_writes_it() {
        let mut scratch = Vec::new();
        for line in [
            "کتاب\u{A0}ها",
            "کتاب  ها",
            "کتاب هـا",
            "کتاب هَا",
            "مي شود",
            "\u{FEDB}\u{FE98}\u{FE8E}\u{FE8F} \u{FEEB}\u{FE8E}",
        ] {
            assert!(read(line, Letters::Persian, &mut scratch), "{line:?}");
        }
        // Not typed apart (after a letter that does not join, or in a longer word), on a line
        // that fuses a word.
        for line in ["کشور ها میشود", "کتابها", "کتاب هاست میشود"] {
            assert!(!read(line, Letters::Persian, &mut scratch), "{line:?}");
        }
    }
}
