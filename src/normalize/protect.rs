//! Spans the normalizer copies untouched: URLs, emails, bare domains, mentions, hashtags,
//! markdown links and images, emoticons. Punctuation rules would break them (`example.com`
//! must not become `example. com`, `?` in a query string must not become `؟`).
//!
//! Each detector is called only at a word start with a cheap first-byte check, and returns the
//! end of the span (exclusive byte offset) or `None`.

use crate::chars::{ZWNJ, is_arabic_letter, is_arabic_mark, joins_forward};

/// What kind of protected span a detector found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SpanKind {
    Url,
    Email,
    Domain,
    Mention,
    Hashtag,
    Markdown,
    Emoticon,
}

/// The end of a protected span starting at `at`, if one starts there. `at` must be a word
/// start (the caller checks).
pub(crate) fn span_at(text: &str, at: usize) -> Option<usize> {
    span_kind_at(text, at).map(|(end, _)| end)
}

/// Like [`span_at`], with the kind of span.
pub(crate) fn span_kind_at(text: &str, at: usize) -> Option<(usize, SpanKind)> {
    let rest = &text[at..];
    let b = *rest.as_bytes().first()?;
    let tag = |kind: SpanKind| move |len: usize| (len, kind);
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => url(rest)
            .map(tag(SpanKind::Url))
            .or_else(|| email(rest).map(tag(SpanKind::Email)))
            .or_else(|| domain(rest).map(tag(SpanKind::Domain)))
            .or_else(|| emoticon(rest).map(tag(SpanKind::Emoticon))),
        b'@' => mention(rest).map(tag(SpanKind::Mention)),
        b'#' => hashtag(rest).map(tag(SpanKind::Hashtag)),
        b'[' | b'!' => markdown_link(rest).map(tag(SpanKind::Markdown)),
        b':' | b';' | b'=' | b'<' | b'^' => emoticon(rest).map(tag(SpanKind::Emoticon)),
        _ => None,
    }
    .map(|(len, kind)| (at + len, kind))
}

/// Could a protected span start with this byte? A prefilter for [`span_at`].
pub(crate) fn may_start(b: u8) -> bool {
    matches!(b, b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'@' | b'#' | b'[' | b'!' | b':' | b';' | b'=' | b'<' | b'^')
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// `http://`, `https://`, `ftp://` or `www.` up to whitespace or a quote mark, without
/// trailing sentence punctuation (a closing parenthesis stays when the URL opened one).
fn url(s: &str) -> Option<usize> {
    let scheme = ["https://", "http://", "ftp://", "www."]
        .iter()
        .find(|p| starts_with_ignore_case(s, p))?;
    let len = trim_trailing(&s[..link_end(s)]);
    (len > scheme.len()).then_some(len)
}

/// Where the link or path at the start of `s` ends, before trailing punctuation is trimmed:
/// at whitespace, an invisible character, a quote mark or Arabic punctuation
/// ([`ends_link`]), or at punctuation glued to a hashtag or a mention (`…/a.#تگ`, `…(#تگ`;
/// a fragment or an `@` in a link follows a letter, a digit or `/ = & - _`), which stand
/// apart as they do when an invisible character separates them.
fn link_end(s: &str) -> usize {
    let end = s.find(ends_link).unwrap_or(s.len());
    let glued = s.as_bytes()[..end].windows(2).position(|w| {
        !(w[0].is_ascii_alphanumeric() || matches!(w[0], b'/' | b'=' | b'&' | b'-' | b'_'))
            && matches!(w[1], b'#' | b'@')
    });
    glued.map_or(end, |k| k + 1)
}

/// Zero-width and bidi control characters (ZWNJ included).
fn is_invisible(c: char) -> bool {
    c == ZWNJ || super::controls::is_removable_control(c)
}

/// Does `c` end a URL or a domain's path? Whitespace, invisible characters (a ZWNJ after a
/// link is the normalizer's business), quote marks and Arabic punctuation.
fn ends_link(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || is_invisible(c)
        || matches!(c, '«' | '»' | '"' | '<' | '>' | '“' | '”' | '،' | '؛')
}

/// Length of `s` without trailing `. , : ; ! ? )` (keeping `)` when an unmatched `(` is in it).
fn trim_trailing(s: &str) -> usize {
    let mut end = s.len();
    while let Some(c) = s[..end].chars().next_back() {
        let drop = match c {
            '.' | ',' | ':' | ';' | '!' | '?' | '\'' | '؟' => true,
            ')' => s[..end].matches('(').count() < s[..end].matches(')').count(),
            _ => false,
        };
        if !drop {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

/// `local@domain.tld`.
fn email(s: &str) -> Option<usize> {
    let local = s
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-'))
        .count();
    if local == 0 || s.as_bytes().get(local) != Some(&b'@') {
        return None;
    }
    let host = domain(&s[local + 1..])?;
    Some(local + 1 + host)
}

/// A bare domain: labels of `[A-Za-z0-9-]` joined by dots, ending in an all-lowercase
/// top-level label of 2–24 letters (`example.co.uk`, `x.ir`), then an optional `/path`.
/// `U.S.A` and `Hello.World` are not domains.
fn domain(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut labels = 0;
    let mut last_label = 0..0;
    loop {
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
            i += 1;
        }
        if i == start {
            return None;
        }
        labels += 1;
        last_label = start..i;
        if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_alphanumeric() {
            i += 1;
        } else {
            break;
        }
    }
    let tld = &bytes[last_label];
    if labels < 2 || !(2..=24).contains(&tld.len()) || !tld.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    // A mark or an invisible character that the normalizer may remove, then more of a label
    // (`x.ir` + mark + `A`): once it goes, the label reads on (`x.irA`) and is no domain, so
    // it is none now either, and a second pass finds what the first did.
    let removable = |c: char| is_invisible(c) || is_arabic_mark(c);
    let after = &s[i..];
    if after.starts_with(removable)
        && after
            .trim_start_matches(removable)
            .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-')
    {
        return None;
    }
    if bytes.get(i) == Some(&b'/') {
        let rest = &s[i..];
        i += trim_trailing(&rest[..link_end(rest)]);
    }
    Some(i)
}

/// `@user`: ASCII letters, digits, `_` and `.` (not a trailing one).
fn mention(s: &str) -> Option<usize> {
    let body = s[1..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
        .count();
    let len = 1 + trim_trailing(&s[1..1 + body]);
    (len > 1).then_some(len)
}

/// `#tag`: letters of any script, digits, marks, `_`, and ZWNJs that join something
/// (`#پیشرفت_علمی`, `#کتاب\u{200C}ها`).
fn hashtag(s: &str) -> Option<usize> {
    let mut len = 1;
    let mut prev = '#';
    let mut chars = s[1..].chars().peekable();
    while let Some(c) = chars.next() {
        let ok = if c == ZWNJ {
            joins_forward(prev) && chars.peek().is_some_and(|&n| is_arabic_letter(n))
        } else {
            c.is_alphanumeric() || c == '_' || is_arabic_mark(c) || is_arabic_letter(c)
        };
        if !ok {
            break;
        }
        len += c.len_utf8();
        if !is_arabic_mark(c) {
            prev = c;
        }
    }
    (len > 1).then_some(len)
}

/// `[text](target)` or `![alt](target)` on one line.
fn markdown_link(s: &str) -> Option<usize> {
    let open = if s.starts_with("![") {
        2
    } else if s.starts_with('[') {
        1
    } else {
        return None;
    };
    // The closing bracket and parenthesis on the same line, read no further than them: a
    // line may be a whole document.
    let b = s.as_bytes();
    let on_line = |from: usize, mark: u8| {
        memchr::memchr2(mark, b'\n', &b[from..])
            .map(|k| from + k)
            .filter(|&k| b[k] == mark)
    };
    let close = on_line(open, b']')?;
    // Quote marks in the link text are left to the quote rule, which pairs them.
    let label = &s[open..close];
    if label.contains(['[', '"', '“', '”']) || b.get(close + 1) != Some(&b'(') {
        return None;
    }
    let target_end = on_line(close + 2, b')')?;
    if s[close + 2..target_end].chars().any(char::is_whitespace) {
        return None;
    }
    Some(target_end + 1)
}

/// A Western emoticon followed by a non-alphanumeric character or the end.
fn emoticon(s: &str) -> Option<usize> {
    const FACES: [&str; 26] = [
        ":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":'(", "^_^", ":)", ":(", ":D", ":P", ":p", ";)",
        ":|", ":/", ":*", ":]", ":[", "=)", "=(", "<3", "xD", "XD", ":o", ":O",
    ];
    let face = FACES.iter().find(|f| s.starts_with(*f))?;
    // Look past invisible characters: the normalizer may delete them, and the decision must
    // be the same on its output.
    // A presentation form counts as what it stands for (`﷼` is the letters of ریال).
    let after = s[face.len()..].chars().find(|&c| !is_invisible(c));
    let letter = |c: char| {
        c.is_alphanumeric()
            || (super::letters::is_presentation_form(c)
                && super::letters::presentation_form(c)
                    .is_some_and(|base| base.starts_with(char::is_alphanumeric)))
    };
    if after.is_some_and(letter) {
        return None;
    }
    Some(face.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The markdown link found by searching for its marks is the one found on its line.
        #[test]
        fn markdown_links_read_as_their_line_does(
            s in "!?\\[[a-zم\"\\[\\] \n]{0,6}(\\]\\(?)?[a-z()\\] \n]{0,8}"
        ) {
            let reference = |s: &str| {
                let open = match s.strip_prefix('!').unwrap_or(s).starts_with('[') {
                    true => s.find('[')? + 1,
                    false => return None,
                };
                let line = &s[..s.find('\n').unwrap_or(s.len())];
                let close = open + line[open..].find(']')?;
                let label = &line[open..close];
                let paren = line.as_bytes().get(close + 1) == Some(&b'(');
                if label.contains(['[', '"', '“', '”']) || !paren {
                    return None;
                }
                let target_end = close + 2 + line[close + 2..].find(')')?;
                if line[close + 2..target_end].chars().any(char::is_whitespace) {
                    return None;
                }
                Some(target_end + 1)
            };
            proptest::prop_assert_eq!(markdown_link(&s), reference(&s));
        }
    }

    #[test]
    fn spans() {
        let cases = [
            ("https://x.ir/a1?b=2 بعد", Some("https://x.ir/a1?b=2")),
            ("www.example.com.", Some("www.example.com")),
            ("(https://a.b/c_(d))", None), // not at a word start: the caller checks
            ("example.co.uk است", Some("example.co.uk")),
            ("x.ir/news/12، و", Some("x.ir/news/12")),
            ("a1@b.ir.", Some("a1@b.ir")),
            ("@user_1 گفت", Some("@user_1")),
            ("#پیشرفت_علمی است", Some("#پیشرفت_علمی")),
            ("[متن](https://x.ir) و", Some("[متن](https://x.ir)")),
            ("![تصویر](a.png)", Some("![تصویر](a.png)")),
            (":) خوب", Some(":)")),
            (":-D", Some(":-D")),
            (":Docs", None),
            ("U.S.A", None),
            ("Hello.World", None),
            ("3.14", None),
            ("file.txt", Some("file.txt")),
            ("hello", None),
            ("#", None),
            ("@", None),
            // A markdown link on one line only, its parts found no further than they are.
            ("[متن]\n(https://x.ir)", None),
            ("[متن](https://x.ir\n)", None),
            ("[متن](a b)", None),
            ("[م\"تن](a)", None),
            ("! و ] ( )", None),
        ];
        for (input, want) in cases {
            let got = span_at(input, 0).map(|end| &input[..end]);
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn url_ends_before_a_glued_hashtag() {
        assert_eq!(
            url("https://x.ir/a?b=1.#تگ"),
            Some("https://x.ir/a?b=1".len())
        );
        assert_eq!(url("https://x.ir/a#b"), Some("https://x.ir/a#b".len()));
        assert_eq!(domain("x.ir/a.#تگ"), Some("x.ir/a".len()));
        assert_eq!(url("https://x.ir/a(#تگ"), Some("https://x.ir/a(".len()));
        assert_eq!(url("https://x.ir/@user"), Some("https://x.ir/@user".len()));
    }

    #[test]
    fn url_keeps_balanced_parenthesis() {
        let s = "https://en.wikipedia.org/wiki/Tehran_(city))";
        assert_eq!(span_at(s, 0), Some(s.len() - 1));
    }
}
