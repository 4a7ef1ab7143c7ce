//! Sentence splitting for Persian news and prose.
//!
//! A sentence ends at `. ! ? ؟ …` (or a run of them, `؟!`, `!!!`) that really ends it, with
//! the closing quote marks and brackets right after it, and at every line break (a paragraph
//! or a heading). It does not end at abbreviations and initials (`ج.ا.ا`, `ق.م`, `U.S.A`,
//! `آیت ا...`), decimals (`۳.۵`), list numbers (`۱.`), URLs and domains, `و...` (etc.), a
//! colon, `؛` or `،`. A quotation of several sentences is split into them, unless the sentence
//! around it goes on after the closing `»`.

use crate::chars::{is_digit, is_letter};
use crate::normalize::engine::is_script_letter;
use crate::normalize::protect;

/// Splits `text` into sentences with the default settings. See [`SentenceSplitter`].
///
/// # Examples
///
/// ```
/// use persian_text::sentences;
///
/// let text = "دکتر م. عباسی گفت: این ۳.۵ درصد است.وی افزود: «خوب است. عالی است.»";
/// let got: Vec<&str> = sentences(text).map(|s| s.text).collect();
/// assert_eq!(
///     got,
///     ["دکتر م. عباسی گفت: این ۳.۵ درصد است.", "وی افزود: «خوب است.", "عالی است.»"]
/// );
/// // A quotation inside a sentence that goes on is not split.
/// assert_eq!(sentences("شعار «زنده باد!» سر دادند.").count(), 1);
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    SentenceSplitter::new().split(text)
}

/// A sentence: a slice of the input, trimmed of surrounding whitespace.
///
/// # Examples
///
/// ```
/// let s = persian_text::sentences("  سلام.  خوبی؟").nth(1).unwrap();
/// assert_eq!((s.text, s.start, s.end()), ("خوبی؟", 13, 23));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sentence<'a> {
    /// The sentence, always `&input[self.range()]`.
    pub text: &'a str,
    /// Byte offset of `text` in the input.
    pub start: usize,
}

impl Sentence<'_> {
    /// Byte offset just after the sentence.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = persian_text::sentences("سلام.").next().unwrap();
    /// assert_eq!(s.end(), "سلام.".len());
    /// ```
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The byte range of the sentence in the input.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "یک. دو.";
    /// let s = persian_text::sentences(text).nth(1).unwrap();
    /// assert_eq!(&text[s.range()], "دو.");
    /// ```
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end()
    }
}

/// A reusable sentence splitter with options; [`sentences`] uses the defaults.
///
/// # Examples
///
/// ```
/// use persian_text::SentenceSplitter;
///
/// let s = SentenceSplitter::new().line_breaks(false);
/// assert_eq!(s.split("یک\nدو.").count(), 1);
/// assert_eq!(SentenceSplitter::new().split("یک\nدو.").count(), 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SentenceSplitter {
    line_breaks: bool,
}

impl Default for SentenceSplitter {
    fn default() -> Self {
        SentenceSplitter::new()
    }
}

impl SentenceSplitter {
    /// The default splitter: every line break ends a sentence.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = persian_text::SentenceSplitter::new();
    /// assert_eq!(s.split("عنوان\nمتن.").count(), 2);
    /// ```
    pub const fn new() -> SentenceSplitter {
        SentenceSplitter { line_breaks: true }
    }

    /// Whether a line break ends a sentence (default: yes; each line is a paragraph or a
    /// heading). With `false`, line breaks are whitespace like any other.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = persian_text::SentenceSplitter::new().line_breaks(false);
    /// assert_eq!(s.split("جمله‌ای که\nادامه دارد.").count(), 1);
    /// ```
    pub const fn line_breaks(mut self, yes: bool) -> SentenceSplitter {
        self.line_breaks = yes;
        self
    }

    /// Splits `text` into sentences, lazily.
    ///
    /// # Examples
    ///
    /// ```
    /// let n = persian_text::SentenceSplitter::new().split("الف. ب؟ ج!").count();
    /// assert_eq!(n, 3);
    /// ```
    pub fn split<'a>(&self, text: &'a str) -> Sentences<'a> {
        Sentences {
            text,
            pos: 0,
            line_breaks: self.line_breaks,
        }
    }
}

/// The iterator [`sentences`] returns.
///
/// # Examples
///
/// ```
/// let mut it = persian_text::sentences("یک. دو.");
/// assert_eq!(it.next().map(|s| s.text), Some("یک."));
/// ```
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    pos: usize,
    line_breaks: bool,
}

impl<'a> Iterator for Sentences<'a> {
    type Item = Sentence<'a>;

    fn next(&mut self) -> Option<Sentence<'a>> {
        let text = self.text;
        let start = self.pos + text[self.pos..].find(|c: char| !is_blank(c))?;
        let end = find_end(text, start, self.line_breaks);
        self.pos = end;
        let body = text[start..end].trim_end_matches(is_blank);
        Some(Sentence { text: body, start })
    }
}

const END_MARKS: [char; 5] = ['.', '!', '?', '\u{061F}', '\u{2026}']; // ؟ …
const CLOSERS: [char; 5] = ['\u{00BB}', '"', '\u{201D}', ')', ']']; // » ”

/// Whitespace, and the invisible characters that carry no text (bidi marks, ZWNJ, BOM): a
/// sentence neither starts nor ends with one.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == crate::ZWNJ || crate::normalize::is_removable_control(c)
}

fn is_end_mark(c: char) -> bool {
    END_MARKS.contains(&c)
}

/// Is the `.` at `at` the commonest sentence end, one [`is_boundary`] would accept with
/// nothing to extend over: after a word of two or more Persian letters, before a line break,
/// the end of the text, or a space and a letter? Byte checks only.
#[inline]
fn plain_full_stop(bytes: &[u8], at: usize) -> bool {
    let letter = |i: usize| is_script_letter(bytes, i);
    at >= 4
        && letter(at - 4)
        && letter(at - 2)
        && match bytes.get(at + 1) {
            None | Some(b'\n' | b'\r') => true,
            Some(b' ') => letter(at + 2),
            Some(_) => false,
        }
}

/// Where the sentence starting at `start` ends (exclusive; before trailing whitespace is
/// trimmed).
fn find_end(text: &str, start: usize, line_breaks: bool) -> usize {
    // The open «: whether each was introduced by a colon (direct speech: `گفت: «…»`).
    let mut quotes: Vec<bool> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = start;
    let mut prev: Option<char> = None;
    while i < bytes.len() {
        // Skip what cannot matter (letters, spaces, most punctuation), 32 bytes at a time.
        let next = next_interesting(bytes, i);
        if next != i {
            prev = None; // recomputed from the text when needed
            i = next;
            if i >= bytes.len() {
                break;
            }
        }
        if !interesting(bytes, i) {
            i += 1;
            continue;
        }
        let c = text[i..]
            .chars()
            .next()
            .expect("interesting bytes start characters");
        let j = i + c.len_utf8();
        match c {
            '\n' | '\r' if line_breaks => return i,
            '\u{00AB}' => quotes.push(text[..i].trim_end().ends_with(':')),
            '\u{00BB}' => {
                quotes.pop();
            }
            ':' if is_dateline(&text[start..i]) => return j,
            '.' if quotes.is_empty() && plain_full_stop(bytes, i) => return j,
            _ if is_end_mark(c) => {
                let run_end = mark_run_end(text, i);
                if is_boundary(text, start, i, run_end, quotes.last().copied()) {
                    return extend_closers(text, run_end, !quotes.is_empty());
                }
                prev = text[..run_end].chars().next_back();
                i = run_end;
                continue;
            }
            _ if prev
                .or_else(|| text[..i].chars().next_back())
                .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '\u{00AB}' | '"'))
                && protect::may_start(bytes[i]) =>
            {
                // URLs, emails and domains are opaque: their dots end nothing.
                if let Some((end, kind)) = protect::span_kind_at(text, i)
                    && matches!(
                        kind,
                        protect::SpanKind::Url
                            | protect::SpanKind::Email
                            | protect::SpanKind::Domain
                    )
                {
                    prev = text[..end].chars().next_back();
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        prev = Some(c);
        i = j;
    }
    text.len()
}

/// Is `head` (a unit's text before a colon) a dateline: `تهران - ایرنا`, `واحد مرکزی خبر`?
/// News agencies open an article with one; it is a sentence of its own.
fn is_dateline(head: &str) -> bool {
    if head.len() > 120 {
        return false;
    }
    let words = head.split_whitespace().count();
    words <= 6 && (head.contains(" - ") || head.contains(" – ") || head.trim() == "واحد مرکزی خبر")
}

/// Can the byte at `i` start something the splitter acts on: a line break, an end mark, a
/// colon, a guillemet, or ASCII that may start a URL? Most bytes of Persian text cannot.
#[inline(always)]
fn interesting(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' | b'\r' | b'.' | b'!' | b'?' | b':' | 0xC2 => true,
        0xD8 => bytes.get(i + 1) == Some(&0x9F), // ؟
        0xE2 => bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]), // …
        b => protect::may_start(b) && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()),
    }
}

/// The first position at or after `from` that may be [`interesting`], found with a
/// branch-free byte filter over 32-byte chunks that the compiler vectorizes.
/// The filter is a superset: all ASCII but the space, `C2` (the guillemets) and the last bytes
/// of `؟` (`D8 9F`) and `…` (`E2 80 A6`), backed up to their first byte.
fn next_interesting(bytes: &[u8], from: usize) -> usize {
    #[inline(always)]
    fn maybe(b: u8) -> bool {
        // Few comparisons: all ASCII but the space (the rare ASCII punctuation that matters
        // for nothing costs a look), and three bytes of non-ASCII characters.
        ((b < 0x80) & (b != b' ')) | (b == 0xC2) | (b == 0x9F) | (b == 0xA6)
    }
    const CHUNK: usize = 32;
    let mut i = from;
    let found = loop {
        let Some(w) = bytes.get(i..i + CHUNK) else {
            break bytes[i.min(bytes.len())..]
                .iter()
                .position(|&b| maybe(b))
                .map_or(bytes.len(), |k| i + k);
        };
        let mut flags = [0u8; CHUNK];
        for (f, &b) in flags.iter_mut().zip(w) {
            *f = u8::from(maybe(b));
        }
        // Any flag set? Four word loads and ORs; the position is computed only on a hit.
        let words: [u64; CHUNK / 8] = std::array::from_fn(|k| {
            u64::from_le_bytes(flags[8 * k..8 * k + 8].try_into().expect("eight bytes"))
        });
        if words.iter().fold(0, |any, w| any | w) != 0 {
            let k = words.iter().position(|&w| w != 0).expect("a word is set");
            break i + 8 * k + (words[k].trailing_zeros() / 8) as usize;
        }
        i += CHUNK;
    };
    // Back from a continuation byte to the start of its character, not before `from`.
    let mut at = found;
    while at > from && at < bytes.len() && (0x80..0xC0).contains(&bytes[at]) {
        at -= 1;
    }
    at
}

/// The end of the run of end marks starting at `at` (`؟!`, `!!!`, `...`, `. .`).
fn mark_run_end(text: &str, at: usize) -> usize {
    let mut end = at;
    let mut chars = text[at..].char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if is_end_mark(c) {
            end = at + k + c.len_utf8();
        } else if c == ' ' && chars.peek().is_some_and(|&(_, n)| is_end_mark(n)) {
            continue; // `. .`, `! .`
        } else {
            break;
        }
    }
    end
}

/// The word (letters) just before byte `at`.
fn word_before(text: &str, at: usize) -> &str {
    let begin = text[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_letter(c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    &text[begin..at]
}

/// The word before byte `at`, with its ZWNJs and letters normalized for a lexicon lookup.
fn verb_before(text: &str, at: usize) -> String {
    let head = text[..at].trim_end_matches(' ');
    let begin = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(is_letter(c) || c == crate::ZWNJ))
        .map_or(0, |(k, c)| k + c.len_utf8());
    // Letters as the lexicon spells them; no restoration (it would consult the lexicon).
    static LETTERS: crate::Normalizer = crate::Normalizer::builder()
        .spacing(crate::Spacing::Off)
        .build();
    LETTERS.normalize(&head[begin..]).into_owned()
}

/// Latin abbreviations that end with a dot inside a sentence.
const LATIN_ABBREVIATIONS: [&str; 14] = [
    "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "no",
];

/// Does the run of end marks `at..run_end` end the sentence that started at `start`?
/// `quote` is `Some(after_colon)` inside «…».
fn is_boundary(text: &str, start: usize, at: usize, run_end: usize, quote: Option<bool>) -> bool {
    let marks = &text[at..run_end];
    let before = text[..at].chars().next_back();
    let after = text[run_end..].chars().next();
    // The word before the marks, across a space (`و ...`).
    let word = || word_before(text, text[..at].trim_end_matches(' ').len());
    let single_letter = |word: &str| word.chars().count() == 1;
    // An ellipsis alone; one followed by another mark (`و... .`, `…؟!`) ends the sentence
    // after that mark.
    // Four dots, or `…` and a dot, are an ellipsis and a full stop.
    let dots = marks.matches('.').count() + 3 * marks.matches('\u{2026}').count();
    let ellipsis = (marks.starts_with("..") || marks.starts_with('\u{2026}'))
        && marks.chars().all(|c| matches!(c, '.' | '\u{2026}' | ' '))
        && dots <= 3;
    if marks == "." {
        // Decimals, versions, dates: ۳.۵, 3.5.
        if before.is_some_and(is_digit) && after.is_some_and(is_digit) {
            return false;
        }
        // Initials and abbreviations: م. عباسی, ج.ا.ا, U.S.A, Dr.
        let mut back = text[..at].trim_end_matches(' ').chars().rev();
        if let Some(last) = back.next().filter(|&c| is_letter(c)) {
            if back.next().is_none_or(|c| !is_letter(c)) {
                return false; // a single letter
            }
            if last.is_ascii_alphabetic()
                && LATIN_ABBREVIATIONS
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(word()))
            {
                return false;
            }
        }
        // A list number at the start of a unit: ۱. …
        if at - start <= 12 && text[start..at].chars().all(is_digit) {
            return false;
        }
    }
    if ellipsis {
        // و... (etc.), آیت ا... (an abbreviated الله): inside the sentence.
        let word = word();
        if word == "و" || single_letter(word) {
            return false;
        }
        // Elsewhere an ellipsis ends a sentence at the end of the unit, before a closing
        // mark, or before a numbered item (`... 14- طالب`); inside a unit it is usually a
        // pause or a trailing list (`چون طاووس و تذرو و بلبل… با اضافهٔ`).
        let rest = text[run_end..].trim_start_matches([' ', '\t']);
        let numbered = rest.chars().take_while(|&c| is_digit(c)).count() > 0
            && rest
                .trim_start_matches(is_digit)
                .starts_with(['-', '.', ')']);
        // Persian is verb-final: after a finite verb, the ellipsis ends the sentence.
        let after_verb = crate::halfspace::is_finite_verb(&verb_before(text, at));
        if !(rest.is_empty()
            || rest.starts_with(['\n', '\r'])
            || rest.starts_with(CLOSERS)
            || numbered
            || after_verb)
        {
            return false;
        }
    }
    // A comma or semicolon after the marks: the sentence goes on (`…ایران؟، تلاش کردند`).
    if text[run_end..]
        .trim_start_matches(' ')
        .starts_with(['،', '؛', ',', ';'])
    {
        return false;
    }
    // `(!)`: irony inside the sentence.
    if before == Some('(') && after == Some(')') {
        return false;
    }
    // Inside «…»: split only if the quotation ends its sentence too.
    if let Some(after_colon) = quote {
        return quote_ends_sentence(text, run_end, after_colon);
    }
    true
}

/// `at` is inside «…»: does the quotation end where its sentence ends (then the sentences
/// inside it are split)?
fn quote_ends_sentence(text: &str, at: usize, after_colon: bool) -> bool {
    let line_end = text[at..].find('\n').map_or(text.len(), |k| at + k);
    let mut depth = 1usize;
    for (k, c) in text[at..line_end].char_indices() {
        match c {
            '\u{00AB}' => depth += 1,
            '\u{00BB}' => {
                depth -= 1;
                if depth == 0 {
                    let after = text[at + k + c.len_utf8()..line_end].trim_start();
                    if after.is_empty()
                        || after.starts_with(END_MARKS)
                        || after.starts_with(CLOSERS)
                    {
                        return true;
                    }
                    // `«…؟»، خاطرنشان کرد`: the sentence goes on. Direct speech after a colon
                    // (`فریاد زد: «…!» بعد از …`) or a full stop inside the quotation
                    // (`«…است.» وی افزود`): a new sentence starts.
                    let inside = text[..at + k].trim_end();
                    return !after.starts_with(['،', '؛', ':', ','])
                        && (after_colon || inside.ends_with('.'));
                }
            }
            _ => {}
        }
    }
    true // never closed on this line: treat the rest as the quotation
}

/// Extends a boundary after end marks over closing quotes and brackets (also after one
/// space when nothing else follows on the line) and a short citation right after them.
fn extend_closers(text: &str, mut end: usize, mut in_quote: bool) -> usize {
    loop {
        let rest = &text[end..];
        if let Some(c) = rest.chars().next().filter(|c| CLOSERS.contains(c)) {
            end += c.len_utf8();
            in_quote &= c != '\u{00BB}';
            continue;
        }
        // `؟».`: a mark after the closing quote ends the same sentence.
        if end > 0
            && text[..end].ends_with(CLOSERS)
            && rest.starts_with(['.', '!', '\u{061F}', '?'])
        {
            end = mark_run_end(text, end);
            continue;
        }
        // `بود. »` at the end of a line, or closing an open quotation.
        let trimmed = rest.trim_start_matches(' ');
        if let Some(c) = trimmed.chars().next().filter(|c| CLOSERS.contains(c)) {
            let after = trimmed[c.len_utf8()..].trim_start_matches(' ');
            if after.is_empty() || after.starts_with(['\n', '\r']) || (in_quote && c == '\u{00BB}')
            {
                in_quote &= c != '\u{00BB}';
                end += rest.len() - trimmed.len() + c.len_utf8();
                continue;
            }
        }
        break;
    }
    // A citation or footnote: `….» (بقره/ 120)`, `….[xlii]`.
    let rest = &text[end..];
    let trimmed = rest.strip_prefix(' ').unwrap_or(rest);
    if let Some(open) = trimmed.chars().next().filter(|c| matches!(c, '(' | '['))
        && let Some(close) = trimmed.find(if open == '(' { ')' } else { ']' })
        && close < 80
        && !trimmed[..close].contains(['\n', '.', '!', '؟', '?'])
    {
        let after = trimmed[close + 1..].trim_start_matches(' ');
        if after.is_empty() || after.starts_with(['\n', '\r']) {
            end += rest.len() - trimmed.len() + close + 1;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).map(|s| s.text).collect()
    }

    #[test]
    fn ends_at() {
        let cases: [(&str, &[&str]); 11] = [
            ("یک. دو.", &["یک.", "دو."]),
            ("است.وی گفت.", &["است.", "وی گفت."]),
            ("چرا؟! چون.", &["چرا؟!", "چون."]),
            ("عالی!!! بله", &["عالی!!!", "بله"]),
            ("است . بعد", &["است .", "بعد"]),
            ("گفت: «سلام.» بعد رفت.", &["گفت: «سلام.»", "بعد رفت."]),
            (
                "او گفت: «خوب است. بد نیست. عالی است.»",
                &["او گفت: «خوب است.", "بد نیست.", "عالی است.»"],
            ),
            ("عنوان\nمتن اول.", &["عنوان", "متن اول."]),
            ("پایان. »", &["پایان. »"]),
            ("تهران - ایرنا: خبر آمد.", &["تهران - ایرنا:", "خبر آمد."]),
            (
                "آیا قرار است…؟! به نظر می‌رسد.",
                &["آیا قرار است…؟!", "به نظر می‌رسد."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), want, "{text:?}");
        }
    }

    #[test]
    fn not_at() {
        let same = [
            "دکتر م. عباسی آمد",
            "ج.ا.ا و ق.م",
            "عدد ۳.۵ و 3.5",
            "ساعت ۱۲:۳۰ بود",
            "سایت www.example.com است",
            "ایمیل a.b@c.ir است",
            "Dr. Smith و U.S.A آمدند",
            "کتاب، قلم و... خرید",
            "آیت ا... گفت",
            "گفت: سلام",
            "پرسش‌هایی چون «چرا؟ چگونه؟» در ذهنش بود",
            "این (!) عجیب است",
        ];
        for text in same {
            assert_eq!(split(text), [text], "{text:?}");
        }
        assert_eq!(split("۱. مورد اول"), ["۱. مورد اول"]);
    }

    #[test]
    fn spans_are_slices() {
        let text = "  یک.   دو؟\n\n سه  ";
        for s in sentences(text) {
            assert_eq!(&text[s.range()], s.text);
        }
        assert_eq!(split(text), ["یک.", "دو؟", "سه"]);
    }

    /// The byte-level fast path for a full stop says "boundary" only where the general rules
    /// do, and the sentence then ends right after the dot.
    #[test]
    fn plain_full_stop_agrees_with_the_rules() {
        let texts = [
            include_str!("../tests/data/seed-article.txt"),
            include_str!("../tests/data/seed-article.normalized.txt"),
            "دکتر م. عباسی آمد. او رفت.\nخوب شد. «عالی است.» بله. ج.ا.ا است. اين كتاب است. بعد",
        ];
        let mut checked = 0;
        for text in texts {
            let bytes = text.as_bytes();
            for (at, _) in text.match_indices('.') {
                if plain_full_stop(bytes, at) {
                    checked += 1;
                    assert!(is_boundary(text, 0, at, at + 1, None), "{at} in {text}");
                    assert_eq!(extend_closers(text, at + 1, false), at + 1, "{at}");
                }
            }
        }
        assert!(checked >= 20, "the fast path was taken {checked} times");
    }
}
