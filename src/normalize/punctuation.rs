//! Steps 6 and 9: Persian punctuation and the spaces around punctuation.
//!
//! The spacing rules follow the Academy of Persian Language and common Persian typography:
//! no space before `، ؛ : . ! ؟ ) ] » …` and one after; no space inside `( [ «` and one before
//! them when a word touches them. They apply only in Persian context, so Latin text keeps its
//! own conventions (`Hello , world` is left alone).

use crate::chars::{
    ARABIC_COMMA, ARABIC_QUESTION_MARK, ARABIC_SEMICOLON, ELLIPSIS, LEFT_GUILLEMET,
    RIGHT_GUILLEMET, is_arabic_letter,
};

/// Punctuation that takes no space before it.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        ARABIC_COMMA
            | ARABIC_SEMICOLON
            | ':'
            | '.'
            | '!'
            | ARABIC_QUESTION_MARK
            | ')'
            | ']'
            | RIGHT_GUILLEMET
            | ELLIPSIS
    )
}

/// Punctuation that takes no space after it.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(c, '(' | '[' | LEFT_GUILLEMET)
}

/// Punctuation only Arabic-script text uses: its spacing rules apply whatever the script of
/// the words around it.
pub(crate) fn is_persian_punctuation(c: char) -> bool {
    matches!(
        c,
        ARABIC_COMMA | ARABIC_SEMICOLON | ARABIC_QUESTION_MARK | LEFT_GUILLEMET | RIGHT_GUILLEMET
    )
}

/// A letter of any script or a digit: something a word is made of.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    // Cheap checks first: `char::is_alphanumeric` is a table search for non-ASCII.
    c.is_ascii_alphanumeric()
        || is_arabic_letter(c)
        || crate::chars::is_digit(c)
        || crate::chars::is_other_letter(c)
}

/// The Persian form of a Latin punctuation mark, for marks that convert one to one.
pub(crate) fn persian_mark(c: char) -> Option<char> {
    match c {
        ',' => Some(ARABIC_COMMA),
        ';' => Some(ARABIC_SEMICOLON),
        '?' => Some(ARABIC_QUESTION_MARK),
        _ => None,
    }
}

/// Is `c` a quotation mark the normalizer may turn into a guillemet?
pub(crate) fn is_convertible_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}') // QUOTATION MARK, LEFT / RIGHT DOUBLE QUOTATION MARK
}

/// The offset in `rest` of the next convertible quote mark on the same line, if no guillemet
/// comes first: a quotation does not close across one (`"… «…» …"`), so that the marks the
/// first pass converts inside it do not change the pairs a second pass finds.
///
/// Byte-level, and reading no further than the mark it finds: a quotation's opening mark asks,
/// and its line may be a whole document.
pub(crate) fn next_quote(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let mut at = 0;
    // The first bytes of `"`, of `“ ”` (E2 80 9C, 9D) and of `« »` (C2 AB, BB).
    while let Some(k) = memchr::memchr3(b'"', 0xE2, 0xC2, &b[at..]) {
        let i = at + k;
        if memchr::memchr2(b'\n', b'\r', &b[at..i]).is_some() {
            return None;
        }
        match b[i..] {
            [b'"', ..] | [0xE2, 0x80, 0x9C | 0x9D, ..] => return Some(i),
            [0xC2, 0xAB | 0xBB, ..] => return None,
            _ => at = i + 1,
        }
    }
    None
}

/// Is the Persian word at the start of `rest` an ordinal or number suffix written joined to
/// the digits before it (`۲۰ام`, `۳م`, `۲۰امین`)? Then no space goes between them.
pub(crate) fn is_number_suffix(rest: &str) -> bool {
    // The word as it will be written: what the steps delete (marks, kashida, controls) skipped.
    let mut word = String::new();
    let expanded = rest.chars().flat_map(|c| {
        let base = super::letters::is_presentation_form(c)
            .then(|| super::letters::presentation_form(c))
            .flatten();
        let one = base.is_none().then_some(c);
        base.into_iter().flat_map(str::chars).chain(one)
    });
    for c in expanded {
        // `¬`, typed for a ZWNJ, is one between letters.
        if super::engine::skipped(c) || c == crate::chars::NOT_SIGN {
            continue;
        }
        if !is_arabic_letter(c) || word.len() > 8 {
            break;
        }
        word.push(c);
    }
    matches!(word.as_str(), "م" | "ام" | "مین" | "امین")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for c in "،؛:.!؟)]»…".chars() {
            assert!(is_closer(c), "{c}");
        }
        for c in "([«".chars() {
            assert!(is_opener(c), "{c}");
        }
        assert!(!is_closer('«') && !is_opener('»'));
    }

    #[test]
    fn number_suffixes() {
        let cases = [
            ("ام و", true),
            ("م", true),
            ("امین", true),
            ("متر", false),
            ("ساله", false),
        ];
        for (rest, want) in cases {
            assert_eq!(is_number_suffix(rest), want, "{rest}");
        }
    }

    proptest::proptest! {
        /// The byte search finds what a search a character at a time finds.
        #[test]
        fn next_quote_reads_as_characters_do(
            rest in "[\"\u{201C}\u{201D}«»\u{200C}\u{00A0}…\n\r a-zسلام]{0,24}"
        ) {
            let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
            let want = line
                .find(|c| is_convertible_quote(c) || matches!(c, '«' | '»'))
                .filter(|&k| line[k..].starts_with(is_convertible_quote));
            proptest::prop_assert_eq!(next_quote(&rest), want);
        }
    }

    #[test]
    fn quotes_on_the_same_line_only() {
        assert_eq!(next_quote("سلام\" و"), Some(8));
        assert_eq!(next_quote("سلام\n\""), None);
        assert_eq!(next_quote("سلام «دوست» \""), None);
        // Curly quotes; other characters that start with the same bytes (ZWNJ, no-break
        // space, ellipsis) are read past.
        assert_eq!(next_quote("می\u{200C}شود\u{00A0}…\u{201D} و"), Some(18));
        assert_eq!(next_quote("ها\u{201C}"), Some(4));
        assert_eq!(next_quote("ها » \""), None);
        assert_eq!(next_quote("ها\r\""), None);
        assert_eq!(next_quote(""), None);
    }
}
