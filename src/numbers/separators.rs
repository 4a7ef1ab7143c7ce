//! Thousands separators: `1250000` ↔ `1,250,000`, in the digits' own script (`۱٬۲۵۰٬۰۰۰`).

use std::borrow::Cow;

use crate::chars::{DigitScript, digit};

/// Groups the integer part of every number in `text` by thousands, with `,` after ASCII
/// digits and `٬` after Persian or Arabic-Indic digits; decimals are left alone.
///
/// # Examples
///
/// ```
/// use persian_text::add_commas;
///
/// assert_eq!(add_commas("1250000"), "1,250,000");
/// assert_eq!(add_commas("قیمت ۱۲۵۰۰۰۰٫۷۵ ریال"), "قیمت ۱٬۲۵۰٬۰۰۰٫۷۵ ریال");
/// assert_eq!(add_commas("3.14159"), "3.14159");
/// assert_eq!(add_commas("999"), "999");
/// ```
pub fn add_commas(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().expect("char boundary");
        let after_point = text[..i].ends_with(['.', '\u{066B}'])
            && text[..i]
                .trim_end_matches(['.', '\u{066B}'])
                .ends_with(|x: char| digit(x).is_some());
        if digit(c).is_none()
            || after_point
            || text[..i].ends_with(|x: char| digit(x).is_some() || matches!(x, ',' | '\u{066C}'))
        {
            i += c.len_utf8();
            continue;
        }
        // A run of digits starting at i.
        let end = i + text[i..]
            .find(|x: char| digit(x).is_none())
            .unwrap_or(text.len() - i);
        let run: Vec<char> = text[i..end].chars().collect();
        if run.len() > 3 {
            let sep = match digit(run[0]) {
                Some((_, DigitScript::Ascii)) => ',',
                _ => '\u{066C}',
            };
            out.push_str(&text[copied..i]);
            for (k, d) in run.iter().enumerate() {
                if k > 0 && (run.len() - k).is_multiple_of(3) {
                    out.push(sep);
                }
                out.push(*d);
            }
            copied = end;
        }
        i = end;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Removes thousands separators (`,` `٬`) between digits; anything else stays.
///
/// # Examples
///
/// ```
/// use persian_text::remove_commas;
///
/// assert_eq!(remove_commas("1,250,000 و ۱٬۲۵۰"), "1250000 و ۱۲۵۰");
/// assert_eq!(remove_commas("الف, ب"), "الف, ب");
/// ```
pub fn remove_commas(text: &str) -> Cow<'_, str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let between = k > 0
            && digit(chars[k - 1].1).is_some()
            && chars.get(k + 1).is_some_and(|&(_, n)| digit(n).is_some());
        if matches!(c, ',' | '\u{066C}') && between {
            let buf = out.get_or_insert_with(String::new);
            buf.push_str(&text[copied..at]);
            copied = at + c.len_utf8();
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            Cow::Owned(buf)
        }
    }
}
