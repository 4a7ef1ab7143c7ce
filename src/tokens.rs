//! Word tokenization with spans and token kinds.
//!
//! Words keep their half-spaces (`می‌شود`, `کتاب‌ها` are one token each) and their internal
//! marks; numbers keep their separators (`۱۲٬۵۰۰`, `3.14`, `۱۴۰۲/۰۱/۱۸`, `۱۲:۳۰`); URLs,
//! emails, mentions and hashtags are single tokens; a run of the same punctuation mark
//! (`!!!`, `...`) is one token; emoji are whole grapheme clusters.

use unicode_segmentation::UnicodeSegmentation;

use crate::chars::{ZWNJ, is_arabic_mark, is_digit, is_letter};
use crate::normalize::engine::{is_plain_digit_or_closer, is_script_letter, script_word_run};
use crate::normalize::protect::{self, SpanKind};

/// What a [`Token`] is.
///
/// # Examples
///
/// ```
/// use persian_text::{tokens, TokenKind};
///
/// let kinds: Vec<TokenKind> = tokens("سال ۱۴۰۲ !").map(|t| t.kind).collect();
/// assert_eq!(kinds, [TokenKind::Word, TokenKind::Number, TokenKind::Punctuation]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// A Persian or Latin word, with its ZWNJs and marks (`می‌شود`, `ATM74`, `IBM-96`), or an
    /// abbreviation (`ج.ا.ا`, `U.S.A`).
    Word,
    /// A number in any digit script, with its separators (`۱۲٬۵۰۰`, `3.14`, `۱۲:۳۰`).
    Number,
    /// Punctuation; a run of the same mark is one token.
    Punctuation,
    /// A URL or a bare domain.
    Url,
    /// An email address.
    Email,
    /// `@user`.
    Mention,
    /// `#tag`.
    Hashtag,
    /// An emoji (a whole grapheme cluster) or an emoticon.
    Emoji,
    /// Anything else: symbols, currency signs, stray marks.
    Symbol,
}

/// A token: a slice of the input, with its offset and kind.
///
/// # Examples
///
/// ```
/// let t = persian_text::tokens("کتاب‌ها را").next().unwrap();
/// assert_eq!((t.text, t.start, t.kind), ("کتاب\u{200C}ها", 0, persian_text::TokenKind::Word));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Token<'a> {
    /// The token, always `&input[self.range()]`.
    pub text: &'a str,
    /// Byte offset of `text` in the input.
    pub start: usize,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token<'_> {
    /// Byte offset just after the token.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = persian_text::tokens("سلام").next().unwrap();
    /// assert_eq!(t.end(), "سلام".len());
    /// ```
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The byte range of the token in the input.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "یک دو";
    /// let t = persian_text::tokens(text).nth(1).unwrap();
    /// assert_eq!(&text[t.range()], "دو");
    /// ```
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end()
    }
}

/// Splits `text` into tokens, lazily. Whitespace separates tokens and is not returned.
///
/// The tokens of normalized text map back to the raw input through
/// [`Normalized::original_range`](crate::Normalized::original_range):
///
/// # Examples
///
/// ```
/// use persian_text::{normalize_with_offsets, tokens};
///
/// let raw = "هیاتهای تجاري ، ۳.۵ درصد";
/// let n = normalize_with_offsets(raw);
/// let words: Vec<&str> = tokens(n.as_str()).map(|t| t.text).collect();
/// assert_eq!(words, ["هیات\u{200C}های", "تجاری", "،", "۳.۵", "درصد"]);
/// let second = tokens(n.as_str()).nth(1).unwrap();
/// assert_eq!(&raw[n.original_range(second.range())], "تجاري");
/// ```
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokenizer::new().tokens(text)
}

/// A reusable tokenizer with options; [`tokens`] uses the defaults.
///
/// # Examples
///
/// ```
/// use persian_text::Tokenizer;
///
/// let t = Tokenizer::new().join_verbs(true);
/// let words: Vec<&str> = t.tokens("او خواهد رفت و گفته شده است که می‌آید").map(|t| t.text).collect();
/// assert_eq!(words, ["او", "خواهد رفت", "و", "گفته شده است", "که", "می\u{200C}آید"]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Tokenizer {
    join_verbs: bool,
}

impl Tokenizer {
    /// The default tokenizer: every word its own token.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(persian_text::Tokenizer::new().tokens("خواهد رفت").count(), 2);
    /// ```
    pub const fn new() -> Tokenizer {
        Tokenizer { join_verbs: false }
    }

    /// Joins the parts of a multi-part verb into one token, as hazm's users know it: the
    /// future (`خواهد رفت`, `نخواهیم دید`) and a past participle with its auxiliaries
    /// (`گفته شده است`, `رفته بود`). Such a token contains spaces. Off by default.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = persian_text::Tokenizer::new().join_verbs(true);
    /// assert_eq!(t.tokens("رفته بود").next().unwrap().text, "رفته بود");
    /// assert_eq!(t.tokens("خانه بود").count(), 2); // not a participle
    /// ```
    pub const fn join_verbs(mut self, yes: bool) -> Tokenizer {
        self.join_verbs = yes;
        self
    }

    /// Splits `text` into tokens, lazily.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(persian_text::Tokenizer::new().tokens("یک دو").count(), 2);
    /// ```
    pub fn tokens<'a>(&self, text: &'a str) -> Tokens<'a> {
        Tokens {
            text,
            pos: 0,
            join_verbs: self.join_verbs,
        }
    }
}

/// The iterator [`tokens`] returns.
///
/// # Examples
///
/// ```
/// assert_eq!(persian_text::tokens("یک، دو").count(), 3);
/// ```
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    join_verbs: bool,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut start = self.pos;
        while bytes.get(start) == Some(&b' ') {
            start += 1;
        }
        // Most tokens are Persian words after one space: the rest is kept out of line.
        let (start, mut end, kind) = if is_script_letter(bytes, start) {
            (start, word(text, start), TokenKind::Word)
        } else if let Some(len) = common_mark(bytes, start) {
            (start, start + len, TokenKind::Punctuation)
        } else {
            next_token(text, start)?
        };
        if self.join_verbs && kind == TokenKind::Word {
            end = verb_end(text, start, end);
        }
        self.pos = end;
        Some(Token {
            text: &text[start..end],
            start,
            kind,
        })
    }
}

/// The length of the mark at `at` if it is one of the commonest of Persian text, alone (a
/// run of the same mark is one token, left to [`token_at`]): `.`, `،`, `«`, `»`, and `:`
/// before anything that cannot make it an emoticon (`:)`).
#[inline(always)]
fn common_mark(bytes: &[u8], at: usize) -> Option<usize> {
    let len = match (*bytes.get(at)?, bytes.get(at + 1)) {
        (b'.', _) => 1,
        (b':', next) if !next.is_some_and(u8::is_ascii_graphic) => 1,
        (0xD8, Some(0x8C)) | (0xC2, Some(0xAB | 0xBB)) => 2,
        _ => return None,
    };
    (bytes.get(at + len..at + 2 * len) != bytes.get(at..at + len)).then_some(len)
}

/// The next token at or after `start`: whitespace and stray ZWNJs skipped.
#[inline(never)]
fn next_token(text: &str, mut start: usize) -> Option<(usize, usize, TokenKind)> {
    let bytes = text.as_bytes();
    loop {
        match *bytes.get(start)? {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => start += 1,
            b if b < 0x80 => break,
            0xD8..=0xDB => break, // the Arabic block has no whitespace
            _ => {
                let c = text[start..].chars().next()?;
                if !c.is_whitespace() && c != ZWNJ {
                    break;
                }
                start += c.len_utf8();
            }
        }
    }
    let (end, kind) = token_at(text, start);
    Some((start, end, kind))
}

/// The end of the multi-part verb whose first word is `text[start..end]`, or `end`.
#[inline(never)]
fn verb_end(text: &str, start: usize, end: usize) -> usize {
    use crate::halfspace::{is_auxiliary, is_participle};
    let first = &text[start..end];
    // The next word after one space, if it is a plain word.
    let next_word = |at: usize| -> Option<(usize, &str)> {
        let rest = text[at..].strip_prefix(' ')?;
        let s = at + 1;
        if !rest.starts_with(is_word_char) {
            return None;
        }
        let e = word(text, s);
        Some((e, &text[s..e]))
    };
    let future = first.strip_prefix('ن').unwrap_or(first);
    if ["خواهم", "خواهی", "خواهد", "خواهیم", "خواهید", "خواهند"].contains(&future)
    {
        // خواهد + a past stem.
        if let Some((e, w)) = next_word(end)
            && crate::halfspace::lexicon::LEXICON.is_past_stem(w)
        {
            return e;
        }
        return end;
    }
    if !is_participle(first) {
        return end;
    }
    // A participle and up to two auxiliaries: `گفته شده است`.
    let mut stop = end;
    for _ in 0..2 {
        match next_word(stop) {
            Some((e, w)) if is_auxiliary(w) || matches!(w, "شده" | "بوده") => stop = e,
            _ => break,
        }
    }
    stop
}

fn is_word_char(c: char) -> bool {
    // Marks first: they end many plain runs (`ۀ` as `ه` + hamza above, tanwin) and are cheap.
    is_arabic_mark(c) || c == '\u{0640}' || is_letter(c)
}

/// Is `c` an emoji (or the start of an emoji sequence)?
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}'
        | '\u{2300}'..='\u{23FF}')
}

/// The end and kind of the token starting at `at` (not whitespace).
fn token_at(text: &str, at: usize) -> (usize, TokenKind) {
    let rest = &text[at..];
    let c = rest.chars().next().expect("at is before the end");
    // The common marks of Persian text, which start nothing else.
    if matches!(
        c,
        '.' | '،' | '؛' | '؟' | '«' | '»' | '(' | ')' | '-' | ',' | '"'
    ) {
        let run = rest.chars().take_while(|&x| x == c).count();
        return (at + run * c.len_utf8(), TokenKind::Punctuation);
    }
    if protect::may_start(rest.as_bytes()[0])
        && let Some((end, kind)) = protect::span_kind_at(text, at)
    {
        let kind = match kind {
            SpanKind::Url | SpanKind::Domain => Some(TokenKind::Url),
            SpanKind::Email => Some(TokenKind::Email),
            SpanKind::Mention => Some(TokenKind::Mention),
            SpanKind::Hashtag => Some(TokenKind::Hashtag),
            SpanKind::Emoticon => Some(TokenKind::Emoji),
            SpanKind::Markdown => None,
        };
        if let Some(kind) = kind {
            return (end, kind);
        }
    }
    if is_digit(c) {
        return number(text, at);
    }
    if is_word_char(c) {
        return (word(text, at), TokenKind::Word);
    }
    if is_emoji(c) {
        let len = rest.graphemes(true).next().map_or(c.len_utf8(), str::len);
        return (at + len, TokenKind::Emoji);
    }
    let kind = if is_punctuation(c) {
        TokenKind::Punctuation
    } else {
        TokenKind::Symbol
    };
    // A run of the same mark is one token: `!!!`, `...`, `؟؟`.
    let run = rest.chars().take_while(|&x| x == c).count();
    let len = if kind == TokenKind::Punctuation {
        run * c.len_utf8()
    } else {
        c.len_utf8()
    };
    (at + len, kind)
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}'
            | '\u{00AB}' | '\u{00BB}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
}

/// A number: digits with separators between digits (`۱۲٬۵۰۰`, `3.14`, `۱۴۰۲/۰۱/۱۸`, `۱۲:۳۰`);
/// glued Latin letters make it a word (`3D`, `7b`).
fn number(text: &str, at: usize) -> (usize, TokenKind) {
    let bytes_of = |k: usize| text[k..].chars().next();
    let mut end = at;
    loop {
        while let Some(c) = bytes_of(end).filter(|&c| is_digit(c)) {
            end += c.len_utf8();
        }
        match bytes_of(end) {
            Some(sep @ ('.' | ',' | '/' | ':' | '\u{066B}' | '\u{066C}' | '-'))
                if bytes_of(end + sep.len_utf8()).is_some_and(is_digit)
                    && (sep != '-' || is_date_dash(text, at, end)) =>
            {
                end += sep.len_utf8();
            }
            _ => break,
        }
    }
    if bytes_of(end).is_some_and(|c| c.is_ascii_alphabetic()) {
        return (word(text, at), TokenKind::Word);
    }
    (end, TokenKind::Number)
}

/// Is the `-` at `dash` inside a date like `2023-04-07` (digits on both sides, four first)?
fn is_date_dash(text: &str, start: usize, dash: usize) -> bool {
    text[start..dash].chars().filter(|&c| is_digit(c)).count() == 4
}

/// A word: letters, marks and ZWNJs between letters; Latin words also take digits, inner
/// hyphens and apostrophes (`ATM74`, `IBM-96`, `don't`); single letters joined by dots are an
/// abbreviation (`ج.ا.ا`, `U.S.A`).
#[inline(always)]
fn word(text: &str, at: usize) -> usize {
    // Fast prefix: letters of the Arabic script (two bytes each) and ZWNJs between them.
    let bytes = text.as_bytes();
    let end = script_word_run(bytes, at);
    // The common ends of a Persian word: a space or ASCII punctuation (not a dot, which may
    // join initials), a guillemet or no-break space, Persian punctuation or a digit.
    let Some(&b) = bytes.get(end) else {
        return end;
    };
    let ends = if b < 0x80 {
        // A dot may join initials (`ج.ا.ا`), not after a word of two letters or more.
        !b.is_ascii_alphabetic() && (b != b'.' || end - at >= 4)
    } else if b == 0xC2 {
        matches!(bytes.get(end + 1), Some(0xA0 | 0xAB | 0xBB))
    } else {
        is_plain_digit_or_closer(bytes, end)
    };
    if end > at && ends {
        end
    } else {
        word_rest(text, at, end)
    }
}

/// The end of the word at `at` whose plain prefix ends at `end`, character by character.
#[inline(never)]
fn word_rest(text: &str, at: usize, mut end: usize) -> usize {
    let mut letters = text[at..end].chars().filter(|&c| c != ZWNJ).count();
    let char_at = |k: usize| text[k..].chars().next();
    let mut latin = false;
    while let Some(c) = char_at(end) {
        let len = c.len_utf8();
        let next = char_at(end + len);
        let ok = if is_word_char(c) {
            letters += usize::from(!is_arabic_mark(c));
            latin |= c.is_ascii_alphabetic();
            true
        } else if c == ZWNJ {
            next.is_some_and(is_word_char)
        } else if c.is_ascii_digit() {
            latin || text[at..end].chars().any(|x| x.is_ascii_alphanumeric())
        } else if matches!(c, '-' | '\'' | '’') {
            latin && next.is_some_and(|n| n.is_ascii_alphanumeric())
        } else if c == '.' {
            // An abbreviation: a single letter before the dot and a single letter after it.
            let single_before = letters == 1
                || text[at..end].ends_with(|x: char| is_word_char(x))
                    && word_is_initials(&text[at..end]);
            let single_after = next.is_some_and(is_word_char)
                && char_at(end + len + next.map_or(0, char::len_utf8))
                    .is_none_or(|x| !is_word_char(x));
            single_before && single_after
        } else {
            false
        };
        if !ok {
            break;
        }
        end += len;
    }
    if end == at {
        end += char_at(at).map_or(1, char::len_utf8);
    }
    end
}

/// Is `s` initials so far: single letters separated by dots (`ج.ا`)?
fn word_is_initials(s: &str) -> bool {
    s.split('.')
        .all(|part| part.chars().filter(|c| !is_arabic_mark(*c)).count() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::is_arabic_letter;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokens(text).map(|t| (t.text, t.kind)).collect()
    }

    #[test]
    fn word_chars_of_the_arabic_block_match_the_generic_test() {
        for c in ('\u{0600}'..='\u{06FF}').chain(['a', '1', ' ', 'é', '\u{0750}']) {
            let generic =
                is_arabic_letter(c) || c.is_alphabetic() || is_arabic_mark(c) || c == '\u{0640}';
            assert_eq!(is_word_char(c), generic, "{c:?}");
        }
    }

    #[test]
    fn kinds() {
        use TokenKind::*;
        let cases: [(&str, &[(&str, TokenKind)]); 12] = [
            ("می\u{200C}شود", &[("می\u{200C}شود", Word)]),
            (
                "ATM74 و IBM-96",
                &[("ATM74", Word), ("و", Word), ("IBM-96", Word)],
            ),
            (
                "۱۲٬۵۰۰ و 1,250,000",
                &[("۱۲٬۵۰۰", Number), ("و", Word), ("1,250,000", Number)],
            ),
            (
                "3.14 ۳٫۵ ۱۴۰۲/۰۱/۱۸ ۱۲:۳۰",
                &[
                    ("3.14", Number),
                    ("۳٫۵", Number),
                    ("۱۴۰۲/۰۱/۱۸", Number),
                    ("۱۲:۳۰", Number),
                ],
            ),
            ("واقعا!!!", &[("واقعا", Word), ("!!!", Punctuation)]),
            (
                "۵۰٪ و 50%",
                &[
                    ("۵۰", Number),
                    ("٪", Punctuation),
                    ("و", Word),
                    ("50", Number),
                    ("%", Punctuation),
                ],
            ),
            (
                "https://x.ir/a1 a1@b.ir",
                &[("https://x.ir/a1", Url), ("a1@b.ir", Email)],
            ),
            ("@user #تگ_خوب", &[("@user", Mention), ("#تگ_خوب", Hashtag)]),
            (
                "ج.ا.ا و U.S.A",
                &[("ج.ا.ا", Word), ("و", Word), ("U.S.A", Word)],
            ),
            (
                "«سلام»",
                &[("«", Punctuation), ("سلام", Word), ("»", Punctuation)],
            ),
            ("👍🏽 خوب", &[("👍🏽", Emoji), ("خوب", Word)]),
            ("است.وی", &[("است", Word), (".", Punctuation), ("وی", Word)]),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), want, "{text:?}");
        }
    }

    #[test]
    fn joined_verbs() {
        let t = Tokenizer::new().join_verbs(true);
        let cases: [(&str, &[&str]); 6] = [
            ("خواهد رفت", &["خواهد رفت"]),
            ("نخواهیم دید", &["نخواهیم دید"]),
            ("گفته شده است", &["گفته شده است"]),
            ("رفته بود.", &["رفته بود", "."]),
            ("خواهد آمدن", &["خواهد", "آمدن"]), // not a past stem
            ("خانه بود", &["خانه", "بود"]),     // not a participle
        ];
        for (text, want) in cases {
            let got: Vec<&str> = t.tokens(text).map(|t| t.text).collect();
            assert_eq!(got, want, "{text}");
        }
        assert_eq!(tokens("خواهد رفت").count(), 2, "off by default");
    }

    #[test]
    fn spans_cover_everything_but_whitespace() {
        let text = " سلام،  دنیا!\u{200C} ۳.۵ ";
        let mut covered = String::new();
        for t in tokens(text) {
            assert_eq!(&text[t.range()], t.text);
            covered.push_str(t.text);
        }
        let expected: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != ZWNJ)
            .collect();
        assert_eq!(covered, expected);
    }
}
