//! Named characters and character classes shared by every capability.
//!
//! Invisible characters are always written as escapes with their Unicode name, so a reviewer
//! can see them. Classes are small `match`es: the compiler turns them into range checks.

/// ZERO WIDTH NON-JOINER (U+200C), the Persian half-space (نیم‌فاصله).
///
/// It separates two letters that would otherwise join, without a visible space:
/// `می‌شود` is `می` + ZWNJ + `شود`.
///
/// # Examples
///
/// ```
/// assert_eq!(persian_text::ZWNJ, '\u{200C}');
/// assert_eq!(format!("می{}شود", persian_text::ZWNJ), "می\u{200C}شود");
/// ```
pub const ZWNJ: char = '\u{200C}';
/// [`ZWNJ`] in UTF-8, for byte-level tests.
pub(crate) const ZWNJ_UTF8: [u8; 3] = [0xE2, 0x80, 0x8C];
/// RIGHT-TO-LEFT MARK, sometimes typed where a half-space was meant.
pub(crate) const RLM: char = '\u{200F}';
/// LEFT-TO-RIGHT MARK, sometimes typed where a half-space was meant (`حجت‎الاسلام`).
pub(crate) const LRM: char = '\u{200E}';
/// SOFT HYPHEN, sometimes typed where a half-space was meant.
pub(crate) const SOFT_HYPHEN: char = '\u{00AD}';
/// NOT SIGN: what Microsoft Word's Persian layout types for a half-space.
pub(crate) const NOT_SIGN: char = '\u{00AC}';
/// ARABIC TATWEEL (kashida), a stretching mark with no linguistic content.
pub(crate) const KASHIDA: char = '\u{0640}';
/// ARABIC COMMA.
pub(crate) const ARABIC_COMMA: char = '\u{060C}';
/// ARABIC SEMICOLON.
pub(crate) const ARABIC_SEMICOLON: char = '\u{061B}';
/// ARABIC QUESTION MARK.
pub(crate) const ARABIC_QUESTION_MARK: char = '\u{061F}';
/// ARABIC PERCENT SIGN.
pub(crate) const ARABIC_PERCENT: char = '\u{066A}';
/// ARABIC DECIMAL SEPARATOR (momayyez), written inside numbers: `۳٫۵`.
pub(crate) const DECIMAL_SEPARATOR: char = '\u{066B}';
/// ARABIC THOUSANDS SEPARATOR, written inside numbers: `۱٬۲۵۰`.
pub(crate) const THOUSANDS_SEPARATOR: char = '\u{066C}';
/// LEFT-POINTING DOUBLE ANGLE QUOTATION MARK: opens a Persian quotation.
pub(crate) const LEFT_GUILLEMET: char = '\u{00AB}';
/// RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK: closes a Persian quotation.
pub(crate) const RIGHT_GUILLEMET: char = '\u{00BB}';
/// HORIZONTAL ELLIPSIS.
pub(crate) const ELLIPSIS: char = '\u{2026}';

/// Is `c` a letter of the Arabic script (Persian, Arabic, Urdu, ... letters, not marks or
/// digits)? Presentation forms are not included: the normalizer maps them to these first.
pub(crate) const fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'   // HAMZA .. FARSI YEH with two dots above
        | '\u{0641}'..='\u{064A}' // FEH .. YEH
        | '\u{066E}'..='\u{066F}' // dotless BEH, dotless QAF
        | '\u{0671}'..='\u{06D3}' // ALEF WASLA .. YEH BARREE with HAMZA
        | '\u{06D5}'              // AE
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}' // Arabic Supplement letters
    )
}

/// Does `s` have at least `n` characters? Without counting them all: a string of `4n` bytes
/// or more has (no character is longer), one of fewer than `n` bytes has not.
#[inline]
pub(crate) fn has_chars(s: &str, n: usize) -> bool {
    s.len() >= 4 * n
        || (s.len() >= n && n.checked_sub(1).is_none_or(|k| s.chars().nth(k).is_some()))
}

/// The part of `s` after its last ZWNJ, if it has one. Byte-level, from the end: a search
/// for the character would stop at every `ی` (`DB 8C`), whose last byte is the ZWNJ's.
#[inline]
pub(crate) fn after_last_zwnj(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut end = b.len();
    while let Some(i) = b[..end].iter().rposition(|&x| x == ZWNJ_UTF8[0]) {
        if b[i..].starts_with(&ZWNJ_UTF8) {
            return Some(&s[i + ZWNJ_UTF8.len()..]);
        }
        end = i;
    }
    None
}

/// Does `s` contain a ZWNJ? Byte-level: ZWNJ is the only character starting with `E2` in most
/// text, and the test of a short word is a loop the compiler unrolls, not a substring search.
#[inline]
pub(crate) fn has_zwnj(s: &str) -> bool {
    let b = s.as_bytes();
    b.contains(&ZWNJ_UTF8[0]) && b.windows(3).any(|w| w == ZWNJ_UTF8)
}

/// The UTF-8 bytes of `s`, one two-byte letter (`"ه"`), as a little-endian `u16`: how the
/// byte-level tests compare letters without a branch per byte.
pub(crate) const fn utf8_u16(s: &str) -> u16 {
    let b = s.as_bytes();
    assert!(b.len() == 2, "one two-byte letter");
    u16::from_le_bytes([b[0], b[1]])
}

/// The UTF-8 bytes of `s`, two two-byte letters (`"می"`), as a little-endian `u32`.
pub(crate) const fn utf8_u32(s: &str) -> u32 {
    let b = s.as_bytes();
    assert!(b.len() == 4, "two two-byte letters");
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// Is `c` a letter of any script: an Arabic-script letter ([`is_arabic_letter`]) or an
/// alphabetic character? Answers ASCII and the Arabic block without the generic Unicode table.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // Besides the letters, Unicode calls some marks, the tatweel and the small waw and
        // yeh alphabetic; digits and punctuation are not, and skip the table.
        is_arabic_letter(c)
            || ((is_arabic_mark(c) || matches!(c, '\u{0640}' | '\u{06E5}' | '\u{06E6}'))
                && c.is_alphabetic())
    } else {
        c != ZWNJ && (is_arabic_letter(c) || c.is_alphabetic())
    }
}

/// Does the Arabic letter `c` join the letter after it? Only such letters can be followed by a
/// visible ZWNJ: after `ا د ذ ر ز ژ و` (right-joining only) a ZWNJ changes nothing on screen.
pub(crate) const fn joins_forward(c: char) -> bool {
    is_arabic_letter(c) && !is_right_joining(c) && c != '\u{0621}' // HAMZA joins nothing
}

/// Arabic letters that join only the letter before them (Unicode joining type R).
const fn is_right_joining(c: char) -> bool {
    matches!(c,
        '\u{0622}'..='\u{0625}'   // ALEF with MADDA / HAMZA, WAW with HAMZA
        | '\u{0627}'              // ALEF
        | '\u{0629}'              // TEH MARBUTA
        | '\u{062F}'..='\u{0632}' // DAL THAL REH ZAIN
        | '\u{0648}'              // WAW
        | '\u{0671}'..='\u{0673}' // ALEF WASLA, ALEF with wavy HAMZA
        | '\u{0675}'..='\u{0677}'
        | '\u{0688}'..='\u{0699}' // DAL and REH variants, JEH (ژ)
        | '\u{06C0}'              // HEH WITH YEH ABOVE (ۀ)
        | '\u{06C3}'..='\u{06CB}' // TEH MARBUTA GOAL, WAW variants
        | '\u{06CD}'
        | '\u{06CF}'
        | '\u{06D2}'..='\u{06D3}' // YEH BARREE
        | '\u{06D5}'              // AE
        | '\u{06EE}'..='\u{06EF}'
        | '\u{0759}'..='\u{075B}'
        | '\u{076B}'..='\u{076C}'
        | '\u{0771}'
        | '\u{0773}'..='\u{0774}'
        | '\u{0778}'..='\u{0779}'
    )
}

/// The script of a decimal digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DigitScript {
    Ascii,
    Persian,
    ArabicIndic,
}

/// The value and script of a decimal digit in any of the three scripts Persian text uses.
pub(crate) fn digit(c: char) -> Option<(u32, DigitScript)> {
    match c {
        '0'..='9' => Some((c as u32 - '0' as u32, DigitScript::Ascii)),
        '\u{06F0}'..='\u{06F9}' => Some((c as u32 - 0x06F0, DigitScript::Persian)),
        '\u{0660}'..='\u{0669}' => Some((c as u32 - 0x0660, DigitScript::ArabicIndic)),
        _ => None,
    }
}

/// Is `c` a decimal digit of any script Persian text uses?
pub(crate) fn is_digit(c: char) -> bool {
    digit(c).is_some()
}

/// Is `c` a combining mark of the Arabic block (harakat, tanwin, Quranic signs)?
pub(crate) fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
    )
}

/// Is `c` horizontal whitespace (not a line break)? Covers the Unicode space separators,
/// tab, and the rarely used vertical whitespace that is not a line break here.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c,
        ' ' | '\t' | '\u{000B}' | '\u{000C}'
        | '\u{0085}'              // NEXT LINE: folded to a space so lines stay 1:1
        | '\u{00A0}'              // NO-BREAK SPACE
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}' // EN QUAD .. HAIR SPACE (incl. THIN SPACE)
        | '\u{2028}'..='\u{2029}' // LINE / PARAGRAPH SEPARATOR
        | '\u{202F}'              // NARROW NO-BREAK SPACE
        | '\u{205F}'
        | '\u{3000}'
    )
}

/// Is `c` a letter or digit of a script other than ASCII and Arabic? Skips the Unicode table
/// search for the Arabic block and common punctuation, which is where Persian text spends
/// its non-letters.
#[inline]
pub(crate) fn is_other_letter(c: char) -> bool {
    match c {
        '\u{0000}'..='\u{00BF}' | '\u{0600}'..='\u{06FF}' | '\u{2000}'..='\u{2BFF}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Is `c` a Latin letter (ASCII or Latin-1/Extended)?
pub(crate) fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}') && c != '\u{00D7}' && c != '\u{00F7}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_zwnj_agrees_with_contains() {
        for s in [
            "",
            "کتاب",
            "کتاب\u{200C}ها",
            "\u{200C}",
            "a\u{2026}b",
            "\u{200D}",
        ] {
            assert_eq!(has_zwnj(s), s.contains(ZWNJ), "{s:?}");
        }
    }

    #[test]
    fn after_last_zwnj_agrees_with_rsplit() {
        for s in [
            "",
            "کتاب",
            "کتاب\u{200C}ها",
            "می\u{200C}شود\u{200C}ای",
            "ی\u{200C}",
            "\u{200C}ی",
            "\u{2026}\u{200C}ها\u{2026}",
            "ها\u{2026}\u{200D}",
        ] {
            let want = s.rsplit_once(ZWNJ).map(|(_, last)| last);
            assert_eq!(after_last_zwnj(s), want, "{s:?}");
        }
    }

    #[test]
    fn is_letter_matches_the_generic_test() {
        let sample =
            ('\u{0000}'..='\u{0800}').chain(['\u{200C}', '\u{200D}', 'ß', '中', '\u{FB8A}']);
        for c in sample {
            assert_eq!(
                is_letter(c),
                is_arabic_letter(c) || c.is_alphabetic(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn joining_classes() {
        for c in "بپتثجچحخسشصضطظعغفقکگلمنهی".chars() {
            assert!(joins_forward(c), "{c} joins forward");
        }
        for c in "اآأإدذرزژوؤۀةء".chars() {
            assert!(is_arabic_letter(c), "{c} is a letter");
            assert!(!joins_forward(c), "{c} does not join forward");
        }
        for c in ['\u{064E}', '\u{06F1}', 'a', ' ', ZWNJ] {
            assert!(!joins_forward(c));
        }
    }

    #[test]
    fn digits_of_three_scripts() {
        assert_eq!(digit('7'), Some((7, DigitScript::Ascii)));
        assert_eq!(digit('۷'), Some((7, DigitScript::Persian)));
        assert_eq!(digit('٧'), Some((7, DigitScript::ArabicIndic)));
        assert_eq!(digit('a'), None);
    }
}
