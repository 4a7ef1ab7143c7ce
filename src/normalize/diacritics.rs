//! Step 4: diacritics (harakat). Persian is written without short vowels; when they appear
//! (poetry, textbooks, disambiguation) they break search and word lookups. Tanwin is kept by
//! default because standard spelling writes it (`اصلاً`, `حتماً`). Hamza above and below
//! (U+0654, U+0655) and maddah (U+0653) are parts of letters (`ۀ` = `ه` + hamza, `آ`), never
//! removed.

use super::Diacritics;

/// Does the combining mark `c` go under `mode`?
pub(crate) fn removes(c: char, mode: Diacritics) -> bool {
    match mode {
        Diacritics::Keep => false,
        Diacritics::Standard => matches!(
            c,
            '\u{064E}'
                ..='\u{0652}' // FATHA, DAMMA, KASRA, SHADDA, SUKUN
            | '\u{0670}' // SUPERSCRIPT ALEF
        ),
        Diacritics::RemoveAll => {
            crate::chars::is_arabic_mark(c) && !matches!(c, '\u{0653}'..='\u{0655}')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_each_mode_removes() {
        let fatha = '\u{064E}';
        let fathatan = '\u{064B}';
        let hamza_above = '\u{0654}';
        let cases = [
            (fatha, Diacritics::Standard, true),
            (fathatan, Diacritics::Standard, false),
            (hamza_above, Diacritics::Standard, false),
            (fatha, Diacritics::RemoveAll, true),
            (fathatan, Diacritics::RemoveAll, true),
            (hamza_above, Diacritics::RemoveAll, false),
            (fatha, Diacritics::Keep, false),
        ];
        for (c, mode, want) in cases {
            assert_eq!(removes(c, mode), want, "{c:?} {mode:?}");
        }
    }
}
