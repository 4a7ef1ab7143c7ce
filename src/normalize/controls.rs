//! Step 1: invisible controls. Bidi marks and embeddings, zero-width characters other than
//! ZWNJ, and the BOM carry no text; they come from editors and web pages and break search,
//! tokenization and ZWNJ placement.

/// Is `c` an invisible control the normalizer removes?
///
/// RLM and SOFT HYPHEN are on the list, but the normalizer first checks whether one of them
/// was typed as a half-space between two letters (see [`super::Rule::HalfSpaceMark`]).
pub(crate) fn is_removable_control(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                // SOFT HYPHEN
        | '\u{061C}'              // ARABIC LETTER MARK
        | '\u{180E}'              // MONGOLIAN VOWEL SEPARATOR
        | '\u{200B}'              // ZERO WIDTH SPACE
        | '\u{200D}'              // ZERO WIDTH JOINER
        | '\u{200E}'..='\u{200F}' // LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // WORD JOINER, invisible operators
        | '\u{2066}'..='\u{206F}' // bidi isolates, deprecated format characters
        | '\u{FEFF}'              // BOM / ZERO WIDTH NO-BREAK SPACE
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_but_not_zwnj() {
        for c in [
            '\u{200E}', '\u{200F}', '\u{202B}', '\u{2067}', '\u{FEFF}', '\u{200D}', '\u{200B}',
        ] {
            assert!(is_removable_control(c), "{c:?}");
        }
        for c in ['\u{200C}', ' ', 'a', 'ب', '\n'] {
            assert!(!is_removable_control(c), "{c:?}");
        }
    }
}
