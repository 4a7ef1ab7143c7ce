//! Step 2: letters. Arabic and Urdu look-alikes become the letters standard Persian uses, and
//! presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) become base letters.

use super::Letters;

/// Maps one letter to its standard Persian form under `mode`, or `None` if it stays.
///
/// `const` so the fast path's table of letters that need no work is built at compile time.
pub(crate) const fn persian_letter(c: char, mode: Letters) -> Option<char> {
    let standard = match c {
        // ARABIC YEH, ALEF MAKSURA, YEH WITH TAIL, E, KASHMIRI YEH, FARSI YEH variants
        '\u{064A}' | '\u{0649}' | '\u{06CD}' | '\u{06D0}' | '\u{0620}' | '\u{063D}'
        | '\u{063E}' | '\u{063F}' => Some('\u{06CC}'), // -> FARSI YEH
        // ARABIC KAF, SWASH KAF, KEHEH with dots
        '\u{0643}' | '\u{06AA}' | '\u{063B}' | '\u{063C}' => Some('\u{06A9}'), // -> KEHEH
        // HEH GOAL, HEH DOACHASHMEE, AE (Urdu/Kurdish heh forms)
        '\u{06C1}' | '\u{06BE}' | '\u{06D5}' => Some('\u{0647}'), // -> HEH
        '\u{06C2}' => Some('\u{06C0}'), // HEH GOAL WITH HAMZA -> HEH WITH YEH ABOVE
        '\u{06C3}' => Some('\u{0629}'), // TEH MARBUTA GOAL -> TEH MARBUTA
        '\u{0671}' => Some('\u{0627}'), // ALEF WASLA -> ALEF
        '\u{06BA}' => Some('\u{0646}'), // NOON GHUNNA -> NOON
        _ => None,
    };
    match mode {
        Letters::Keep => None,
        Letters::Persian => standard,
        Letters::Fold => match standard {
            Some(s) => match s {
                '\u{06C0}' | '\u{0629}' => Some('\u{0647}'),
                _ => Some(s),
            },
            None => match c {
                '\u{06C0}' | '\u{0629}' => Some('\u{0647}'), // ۀ ة -> ه
                '\u{0623}' | '\u{0625}' => Some('\u{0627}'), // أ إ -> ا
                '\u{0624}' => Some('\u{0648}'),              // ؤ -> و
                '\u{0626}' => Some('\u{06CC}'),              // ئ -> ی
                _ => None,
            },
        },
    }
}

/// `c` in its standard Persian form ([`Letters::Persian`]), or `c` itself.
#[inline]
pub(crate) fn persian_form(c: char) -> char {
    persian_letter(c, Letters::Persian).unwrap_or(c)
}

/// `s` with each letter in its standard Persian form ([`Letters::Persian`]), nothing else
/// changed: how word lists and number words are compared with normalized text.
pub(crate) fn persian_letters(s: &str) -> String {
    s.chars().map(persian_form).collect()
}

/// Is `c` an Arabic presentation form (a contextual glyph or ligature encoded as a character)?
#[inline]
pub(crate) fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// The base letters a presentation form stands for (`ﻻ` -> `لا`, `ﷲ` -> `الله`), or `None`
/// for the few forms with no decomposition (ornate parentheses, `﷽`).
pub(crate) fn presentation_form(c: char) -> Option<&'static str> {
    let table = super::presentation::TABLE;
    table
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_forms_become_persian() {
        let cases = [
            ('\u{064A}', Some('ی')),
            ('\u{0649}', Some('ی')),
            ('\u{0643}', Some('ک')),
            ('\u{06C1}', Some('ه')),
            ('ی', None),
            ('ک', None),
            ('ۀ', None), // kept: a letter of standard Persian
            ('ة', None),
            ('أ', None),
            ('ء', None),
        ];
        for (c, want) in cases {
            assert_eq!(persian_letter(c, Letters::Persian), want, "{c:?}");
        }
    }

    #[test]
    fn fold_goes_further_keep_does_nothing() {
        assert_eq!(persian_letter('ۀ', Letters::Fold), Some('ه'));
        assert_eq!(persian_letter('ئ', Letters::Fold), Some('ی'));
        assert_eq!(persian_letter('\u{064A}', Letters::Fold), Some('ی'));
        assert_eq!(persian_letter('\u{064A}', Letters::Keep), None);
    }

    #[test]
    fn presentation_forms_decompose() {
        let cases = [
            ('\u{FEFB}', Some("لا")),        // LAM WITH ALEF ISOLATED FORM
            ('\u{FDF2}', Some("الله")),     // ALLAH ISOLATED FORM
            ('\u{FB8B}', Some("ژ")),        // JEH FINAL FORM
            ('\u{FEF1}', Some("\u{064A}")), // YEH ISOLATED FORM (letters step then makes it ی)
            ('\u{FE70}', Some("\u{064B}")), // FATHATAN ISOLATED FORM: the mark alone
            ('\u{FD3E}', None),             // ORNATE LEFT PARENTHESIS
        ];
        for (c, want) in cases {
            assert_eq!(presentation_form(c), want, "{c:?}");
        }
    }

    /// Rebuilds `presentation.rs` from Unicode's compatibility decompositions (NFKC) and
    /// fails if the checked-in file differs; `BLESS=1` rewrites it.
    #[test]
    fn presentation_table_is_fresh() {
        use std::fmt::Write;
        use unicode_normalization::UnicodeNormalization;
        let mut src = String::from(
            "// @generated from Unicode NFKC (unicode-normalization) by \
             BLESS=1 cargo test --lib presentation_table_is_fresh; do not edit\n\
             //! Arabic presentation forms and their base letters (NFKC, with the space or \
             tatweel\n//! that carries an isolated mark removed).\n\n\
             /// Sorted by the presentation form.\n\
             pub(crate) static TABLE: &[(char, &str)] = &[\n",
        );
        for c in ('\u{FB50}'..='\u{FDFF}').chain('\u{FE70}'..='\u{FEFE}') {
            let s: String = std::iter::once(c).nfkc().collect();
            let s: String = s.chars().filter(|&x| x != ' ' && x != '\u{0640}').collect();
            if s == c.to_string() || s.is_empty() {
                continue;
            }
            let escaped: String = s
                .chars()
                .map(|x| format!("\\u{{{:04X}}}", x as u32))
                .collect();
            writeln!(src, "    ('\\u{{{:04X}}}', \"{escaped}\"),", c as u32).unwrap();
        }
        src.push_str("];\n");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/normalize/presentation.rs");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(path, &src).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == src,
            "src/normalize/presentation.rs is stale: run BLESS=1 cargo test --lib presentation_table_is_fresh"
        );
    }
}
