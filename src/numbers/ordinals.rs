//! Ordinals: `سه` ↔ `سوم`, `سی` ↔ `سی‌ام`, `یک` ↔ `یکم`.

use super::words::{Error, cardinal_of};

/// Makes the ordinal of a cardinal in words: the last word takes the suffix (`سی و سه` →
/// `سی و سوم`); `سه` → `سوم`, a word ending in `ی` takes `‌ام` (`سی‌ام`), others `م`.
///
/// # Examples
///
/// ```
/// use persian_text::add_ordinal;
///
/// assert_eq!(add_ordinal("سه").unwrap(), "سوم");
/// assert_eq!(add_ordinal("سی").unwrap(), "سی\u{200C}ام");
/// assert_eq!(add_ordinal("یک").unwrap(), "یکم");
/// assert_eq!(add_ordinal("بیست و دو").unwrap(), "بیست و دوم");
/// assert!(add_ordinal("کتاب").is_err());
/// ```
pub fn add_ordinal(cardinal: &str) -> Result<String, Error> {
    let text = cardinal.trim();
    super::words_to_number(text)?;
    let (head, last) = match text.rfind(' ') {
        Some(k) => (&text[..=k], &text[k + 1..]),
        None => ("", text),
    };
    let ordinal = match last {
        "سه" => "سوم".to_owned(),
        w if w.ends_with('ی') => format!("{w}\u{200C}ام"),
        w => format!("{w}م"),
    };
    Ok(format!("{head}{ordinal}"))
}

/// Takes the ordinal suffix off the last word: `سوم`/`سومین` → `سه`, `سی‌ام` → `سی`,
/// `نخست`/`اول` → `یک`.
///
/// # Examples
///
/// ```
/// use persian_text::remove_ordinal;
///
/// assert_eq!(remove_ordinal("سومین").unwrap(), "سه");
/// assert_eq!(remove_ordinal("سی\u{200C}ام").unwrap(), "سی");
/// assert_eq!(remove_ordinal("بیست و یکم").unwrap(), "بیست و یک");
/// assert!(remove_ordinal("سه").is_err());
/// ```
pub fn remove_ordinal(ordinal: &str) -> Result<String, Error> {
    let text = ordinal.trim();
    let (head, last) = match text.rfind(' ') {
        Some(k) => (&text[..=k], &text[k + 1..]),
        None => ("", text),
    };
    let cardinal = cardinal_of(last)
        .ok_or_else(|| Error::new(format!("{last:?} is not an ordinal number word")))?;
    Ok(format!("{head}{cardinal}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_over_the_first_thousand() {
        for n in 1..=1000 {
            let cardinal = crate::number_to_words(n);
            let ordinal = add_ordinal(&cardinal).unwrap();
            assert_eq!(
                remove_ordinal(&ordinal).unwrap(),
                cardinal,
                "{n}: {ordinal}"
            );
        }
    }
}
