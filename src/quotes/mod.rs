//! Quotations in Persian news: who said what, with which reporting verb.
//!
//! In Persian news the colon after a reporting verb is the main quoting device (`وی افزود:
//! …`), `«…»` after a colon is direct speech, headlines use `Speaker: quote`, and indirect
//! speech follows a reporting verb with or without `که` (`اعلام کرد که …`, `ابراز امیدواری
//! کرد …`) or `به گفته X، …`. The detector finds the reporting verb (the *cue*) on folded
//! tokens, so raw scraped text works as well as normalized text; the speaker is the noun
//! phrase that opens the clause, with time and place adjuncts cut off; a pronoun (`وی`, `او`)
//! or a missing subject is resolved to the last speaker named earlier in the article.
//!
//! Not quotes: `گفت‌وگو`, invitations and requests (`دعوت کرد تا`), verbs with a noun
//! complement (`خواستار … شد`), datelines and labels (`برچسب‌ها:`), negated speech verbs.

mod cues;
mod forms;
mod speaker;

use forms::{according_to, clause_adverbials, headline, quote_after, speakerless_marked};

use crate::{Token, TokenKind, tokens};

/// A span of a unit's text: a slice with its byte offset.
///
/// # Examples
///
/// ```
/// let q = &persian_text::quotes("وی افزود: روابط خوب است.")[0];
/// assert_eq!(q.speaker.map(|s| (s.text, s.start)), Some(("وی", 0)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Span<'a> {
    /// The text, always `&unit[self.range()]`.
    pub text: &'a str,
    /// Byte offset of `text` in its unit.
    pub start: usize,
}

impl Span<'_> {
    /// Byte offset just after the span.
    ///
    /// # Examples
    ///
    /// ```
    /// let q = &persian_text::quotes("وی گفت: بله")[0];
    /// assert_eq!(q.cue.unwrap().end(), "وی گفت".len());
    /// ```
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The byte range of the span in its unit.
    ///
    /// # Examples
    ///
    /// ```
    /// let unit = "وی گفت: بله";
    /// let q = &persian_text::quotes(unit)[0];
    /// assert_eq!(&unit[q.content.range()], "بله");
    /// ```
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end()
    }
}

/// How a quotation is marked.
///
/// # Examples
///
/// ```
/// use persian_text::{quotes, QuoteKind};
///
/// assert_eq!(quotes("وی گفت: بله.")[0].kind, QuoteKind::Colon);
/// assert_eq!(quotes("وی گفت: «بله.»")[0].kind, QuoteKind::Direct);
/// assert_eq!(quotes("وی اعلام کرد که جلسه لغو شد.")[0].kind, QuoteKind::Indirect);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum QuoteKind {
    /// Between quotation marks: `«…»`, `"…"`, `“…”`.
    Direct,
    /// After a reporting verb and a colon, to the end of the unit: `وی افزود: …`.
    Colon,
    /// `Speaker: content` without a reporting verb, in a title or a `*` sub-heading.
    Headline,
    /// Reported speech: `گفت که …`, `اعلام کرد …`, `به گفته X، …`.
    Indirect,
}

/// A quotation found in a unit (a title, lead or paragraph).
///
/// # Examples
///
/// ```
/// let q = &persian_text::quotes("دکتر اسدالله عباسی شامگاه جمعه گفت: روابط خوب است.")[0];
/// assert_eq!(q.speaker.unwrap().text, "دکتر اسدالله عباسی");
/// assert_eq!(q.cue.unwrap().text, "گفت");
/// assert_eq!(q.content.text, "روابط خوب است.");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Quote<'a> {
    /// How it is marked.
    pub kind: QuoteKind,
    /// What was said.
    pub content: Span<'a>,
    /// The reporting verb (`گفت`, `خاطرنشان کرد`), `به گفته`, or the colon of a headline.
    pub cue: Option<Span<'a>>,
    /// Who said it, in this unit: a name, a role, or a pronoun; `None` for a dropped subject.
    pub speaker: Option<Span<'a>>,
    /// For a pronoun or a dropped subject: the speaker named earlier in the article, as
    /// (unit index, span in that unit). Only [`QuoteDetector::article`] fills it.
    pub resolved: Option<(usize, Span<'a>)>,
    /// The quotation started in an earlier unit (an unclosed `«`) and goes on here.
    pub continuation: bool,
}

impl<'a> Quote<'a> {
    /// A quotation found in its own unit: no speaker resolved yet, no continuation.
    fn found(
        kind: QuoteKind,
        content: Span<'a>,
        cue: Option<Span<'a>>,
        speaker: Option<Span<'a>>,
    ) -> Quote<'a> {
        Quote {
            kind,
            content,
            cue,
            speaker,
            resolved: None,
            continuation: false,
        }
    }
}

/// Finds the quotations of one unit (a paragraph); see [`QuoteDetector`] for a whole
/// article, with titles and pronoun resolution.
///
/// # Examples
///
/// ```
/// use persian_text::quotes;
///
/// let found = quotes("وی افزود: البته ارتباط گیلان با روسیه دیرینه است.");
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].cue.unwrap().text, "افزود");
/// assert!(quotes("گفت‌وگو با استاندار ادامه دارد.").is_empty());
/// ```
pub fn quotes(unit: &str) -> Vec<Quote<'_>> {
    QuoteDetector::new().unit(unit, false)
}

/// A reusable quote detector.
///
/// # Examples
///
/// ```
/// use persian_text::QuoteDetector;
///
/// let article = ["عباسی: روابط خوب است", "دکتر عباسی گفت: سلام.", "وی افزود: خداحافظ."];
/// let found = QuoteDetector::new().article(&article);
/// let (unit, name) = found[2][0].resolved.unwrap();
/// assert_eq!((unit, name.text), (1, "دکتر عباسی"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuoteDetector {
    _private: (),
}

const PRONOUNS: [&str; 4] = ["وی", "او", "ایشان", "وي"];

impl QuoteDetector {
    /// A detector with the default settings.
    ///
    /// # Examples
    ///
    /// ```
    /// let d = persian_text::QuoteDetector::new();
    /// assert_eq!(d.unit("وی گفت: بله.", false).len(), 1);
    /// ```
    pub const fn new() -> QuoteDetector {
        QuoteDetector { _private: () }
    }

    /// The quotations of an article: its units (title, lead, paragraphs) in reading order.
    /// The first unit is taken as the title. Pronoun and dropped-subject speakers are resolved
    /// to the last named speaker before them.
    ///
    /// # Examples
    ///
    /// ```
    /// let units = ["کوواچ: به دورتموند فکر نمی‌کنم", "او گفت: بازی سختی است."];
    /// let found = persian_text::QuoteDetector::new().article(&units);
    /// assert_eq!(found[0][0].speaker.unwrap().text, "کوواچ");
    /// assert_eq!(found[1][0].resolved.unwrap().1.text, "کوواچ");
    /// ```
    pub fn article<'a>(&self, units: &[&'a str]) -> Vec<Vec<Quote<'a>>> {
        let mut last: Option<(usize, Span<'a>)> = None;
        let mut out = Vec::with_capacity(units.len());
        let mut scratch = Scratch::default();
        let mut open = false; // a quotation mark opened in an earlier unit is not closed yet
        for (k, unit) in units.iter().enumerate() {
            let mut found = self.unit_in(unit, k == 0, &mut scratch);
            if open && found.first().is_none_or(|q| q.content.start > 0) {
                // The quotation goes on from the start of this unit to its closing mark.
                let close = unit.find(['»', '"', '”']);
                // It ends at its closing mark, or where this unit's own quotation starts.
                let own = found.first().map_or(unit.len(), |q| {
                    [Some(q.content), q.cue, q.speaker]
                        .into_iter()
                        .flatten()
                        .map(|s| s.start)
                        .min()
                        .unwrap_or(q.content.start)
                });
                let content = unit[..close.unwrap_or(unit.len()).min(own)].trim_end();
                if !content.trim().is_empty() {
                    let quote = Quote {
                        kind: QuoteKind::Direct,
                        content: span(unit, 0, content.len()),
                        cue: None,
                        speaker: None,
                        resolved: None,
                        continuation: true,
                    };
                    found.insert(0, quote);
                }
                open = close.is_none();
            } else {
                open = false;
            }
            // A direct quotation running to the end of the unit without its closing mark
            // continues in the next one.
            if let Some(q) = found.last()
                && q.kind == QuoteKind::Direct
                && unit[q.content.end()..].trim().is_empty()
            {
                open = true;
            }
            for q in &mut found {
                match q.speaker {
                    Some(s) if !PRONOUNS.contains(&s.text) => last = Some((k, s)),
                    _ => q.resolved = last,
                }
            }
            out.push(found);
        }
        out
    }

    /// The quotations of one unit; `title` allows a `Speaker: content` headline.
    ///
    /// # Examples
    ///
    /// ```
    /// let d = persian_text::QuoteDetector::new();
    /// assert_eq!(d.unit("کوواچ: ترجیح می‌دهم", true).len(), 1);
    /// assert_eq!(d.unit("برچسب‌ها: روسیه، روابط", true).len(), 0);
    /// ```
    pub fn unit<'a>(&self, text: &'a str, title: bool) -> Vec<Quote<'a>> {
        self.unit_in(text, title, &mut Scratch::default())
    }

    /// [`QuoteDetector::unit`] with buffers reused across the units of an article.
    fn unit_in<'a>(&self, text: &'a str, title: bool, scratch: &mut Scratch<'a>) -> Vec<Quote<'a>> {
        let Scratch {
            toks,
            folding,
            markers,
        } = scratch;
        toks.clear();
        match folding.letters(text) {
            None => toks.extend(tokens(text)),
            // The tokens of the copy with Persian letters, which are at the same offsets in
            // `text`.
            Some(persian) => toks.extend(tokens(persian).map(|t| Token {
                text: &text[t.range()],
                ..t
            })),
        }
        let keys = folding.keys(text, toks);
        let (toks, keys) = (&toks[..], &keys[..]);
        let mut found: Vec<Quote<'a>> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let Some((end, cue)) = cue_at(toks, keys, i) else {
                i += 1;
                continue;
            };
            if let Some(q) = quote_after(text, toks, keys, i, end, cue)
                && found
                    .last()
                    .is_none_or(|last| last.content.end() <= q.content.start)
            {
                found.push(q);
            }
            i = end;
        }
        // The first colon token, if the unit has a colon at all (most have none: one byte
        // search instead of a look at every token).
        let colon = if text.as_bytes().contains(&b':') {
            toks.iter().position(|t| t.text == ":")
        } else {
            None
        };
        if let Some(q) = headline(text, toks, keys, title, colon)
            && found.is_empty()
        {
            found.push(q);
        }
        // `topic: «…»` and `…است: «…»`: a quotation after a colon without a reporting verb.
        if let Some(k) = colon
            && let Some(open) = toks.get(k + 1)
            && matches!(open.text, "«" | "\"" | "“")
            && !found
                .iter()
                .any(|q| q.content.start <= open.end() && open.start <= q.content.end())
            && let Some(q) = speakerless_marked(text, open, 3)
        {
            found.retain(|q| q.kind != QuoteKind::Headline);
            found.push(q);
            found.sort_by_key(|q| q.content.start);
        }
        // A unit that opens with a quotation mark goes on with the speaker before it (an
        // interview answer, a quotation over several paragraphs).
        if found.is_empty()
            && let Some(first) = toks.first()
            && matches!(first.text, "«" | "\"" | "“")
            && let Some(q) = speakerless_marked(text, first, 4)
        {
            found.push(q);
        }
        forms::markers(keys, markers);
        for q in clause_adverbials(text, toks, keys, markers) {
            if !found
                .iter()
                .any(|f| f.content.range().contains(&q.content.start))
            {
                found.push(q);
            }
        }
        if let Some(q) = according_to(text, toks, keys, markers)
            && !found
                .iter()
                .any(|f| f.content.range().contains(&q.content.start))
        {
            found.push(q);
            found.sort_by_key(|q| q.content.start);
        }
        // One quotation per stretch of text: a later one inside an earlier one is dropped.
        found.sort_by_key(|q| q.content.start);
        let mut end = 0;
        found.retain(|q| {
            let keep = q.content.start >= end;
            if keep {
                end = q.content.end();
            }
            keep
        });
        found
    }
}

/// The tokens of a unit and the buffers of their folded keys, kept between units to reuse the
/// memory.
#[derive(Default)]
struct Scratch<'a> {
    toks: Vec<Token<'a>>,
    folding: cues::Folding,
    /// The unit's [`forms::markers`].
    markers: Vec<usize>,
}

fn span<'a>(text: &'a str, start: usize, end: usize) -> Span<'a> {
    Span {
        text: &text[start..end],
        start,
    }
}

/// The cue starting at token `i`: its end (token index) and what it is. A cue is one to four
/// word tokens whose folded concatenation is a reporting verb form. Most tokens are rejected by
/// shape ([`cues::prefix`]) before any hashing, in line; the rest is out of line.
#[inline]
fn cue_at(toks: &[Token<'_>], keys: &[&str], i: usize) -> Option<(usize, cues::Cue)> {
    if toks[i].kind != TokenKind::Word {
        return None;
    }
    let first = cues::prefix(keys[i])?;
    cue_after(toks, keys, i, first)
}

/// [`cue_at`] for a token `i` that begins a cue form, and is one if `first` says so.
#[inline(never)]
fn cue_after(
    toks: &[Token<'_>],
    keys: &[&str],
    i: usize,
    first: Option<cues::Cue>,
) -> Option<(usize, cues::Cue)> {
    let mut best = first.map(|cue| (i + 1, cue));
    // The concatenation, on the stack: cue forms are short.
    let mut buf = [0u8; 96];
    let mut len = keys[i].len();
    buf.get_mut(..len)?.copy_from_slice(keys[i].as_bytes());
    for j in i + 1..(i + 4).min(toks.len()) {
        let key = keys[j].as_bytes();
        if toks[j].kind != TokenKind::Word || len + key.len() > buf.len() {
            break;
        }
        buf[len..len + key.len()].copy_from_slice(key);
        len += key.len();
        let joined = std::str::from_utf8(&buf[..len]).expect("whole tokens are UTF-8");
        match cues::prefix(joined) {
            None => break,
            Some(Some(cue)) => best = Some((j + 1, cue)),
            Some(None) => {}
        }
    }
    // `گفت‌وگو` is one token and no cue; `گفت وگو` is two: the cue must not be followed by
    // `وگو`.
    best.filter(|&(end, _)| keys.get(end).is_none_or(|k| !k.starts_with("وگو")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Option<(QuoteKind, Option<&str>, Option<&str>, &str)> {
        quotes(text).first().map(|q| {
            (
                q.kind,
                q.speaker.map(|s| s.text),
                q.cue.map(|c| c.text),
                q.content.text,
            )
        })
    }

    #[test]
    fn each_kind() {
        use QuoteKind::*;
        let cases = [
            (
                "وی افزود: البته روابط خوب است.",
                Some((Colon, Some("وی"), Some("افزود"), "البته روابط خوب است.")),
            ),
            (
                "استاندار گیلان در دیدار استاندار آستراخان روسیه گفت : سیاست خوب است.",
                Some((Colon, Some("استاندار گیلان"), Some("گفت"), "سیاست خوب است.")),
            ),
            (
                "نماینده عالی دولت در گیلان ادامه داد: همچنین ما آماده‌ایم.",
                Some((
                    Colon,
                    Some("نماینده عالی دولت در گیلان"),
                    Some("ادامه داد"),
                    "همچنین ما آماده‌ایم.",
                )),
            ),
            (
                "بابوشکین خاطرنشان کرد: دومین رویداد همایش است.",
                Some((
                    Colon,
                    Some("بابوشکین"),
                    Some("خاطرنشان کرد"),
                    "دومین رویداد همایش است.",
                )),
            ),
            (
                "وزیر گفت: «قیمت‌ها ثابت می‌ماند.»",
                Some((Direct, Some("وزیر"), Some("گفت"), "قیمت‌ها ثابت می‌ماند.")),
            ),
            (
                "وزیر اعلام کرد که قیمت‌ها ثابت می‌ماند.",
                Some((
                    Indirect,
                    Some("وزیر"),
                    Some("اعلام کرد"),
                    "قیمت‌ها ثابت می‌ماند",
                )),
            ),
            (
                "دکتر عباسی همچنین ابراز امیدواری کرد خط هوایی فعال شود.",
                Some((
                    Indirect,
                    Some("دکتر عباسی"),
                    Some("ابراز امیدواری کرد"),
                    "خط هوایی فعال شود",
                )),
            ),
            (
                "وی با بیان اینکه تیم آماده است، گفت: بازی سختی است.",
                Some((Indirect, Some("وی"), Some("با بیان اینکه"), "تیم آماده است")),
            ),
            (
                "کارشناس روسی می گوید، اگر این درست باشد بحران بزرگ است.",
                Some((
                    Indirect,
                    Some("کارشناس روسی"),
                    Some("می گوید"),
                    "اگر این درست باشد بحران بزرگ است",
                )),
            ),
            (
                "پس از انتخابات، پرویز مشرف گفت: دموکراسی آغاز شد.",
                Some((Colon, Some("پرویز مشرف"), Some("گفت"), "دموکراسی آغاز شد.")),
            ),
            (
                "به گفته این منبع، قرارداد امضا شد.",
                Some((
                    Indirect,
                    Some("این منبع"),
                    Some("به گفته"),
                    "قرارداد امضا شد",
                )),
            ),
            (
                "*استاندار آستراخان: حجم گردش کالا ۱۶ میلیون تن است.",
                Some((
                    Headline,
                    Some("استاندار آستراخان"),
                    Some(":"),
                    "حجم گردش کالا ۱۶ میلیون تن است.",
                )),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(one(text), want, "{text}");
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "گفت‌وگو با استاندار ادامه دارد.",
            "بابوشکین از استاندار گیلان دعوت کرد تا به آستراخان سفر کند.",
            "دکتر عباسی خواستار برطرف شدن مشکلات شد.",
            "برچسب ها: روسیه ، روابط",
            "گفته می‌شود قیمت‌ها بالا می‌رود.",
            "وزیر نگفت: چرا.",
        ] {
            assert!(quotes(text).is_empty(), "{text}");
        }
        assert!(
            QuoteDetector::new()
                .unit("برچسب ها: روسیه", true)
                .is_empty()
        );
        assert!(
            QuoteDetector::new()
                .unit("خبرگزاری فارس: خبر", true)
                .is_empty()
        );
    }

    #[test]
    fn pronouns_resolve_to_the_last_named_speaker() {
        let units = [
            "دکتر اسدالله عباسی گفت: سلام.",
            "وی افزود: خوب است.",
            "ایگور بابوشکین اظهار کرد: روابط خوب است.",
            "وی افزود: سپاس.",
            "ادامه داد: پایان.",
        ];
        let found = QuoteDetector::new().article(&units);
        let resolved: Vec<Option<&str>> = found
            .iter()
            .map(|q| q[0].resolved.map(|(_, s)| s.text))
            .collect();
        assert_eq!(
            resolved,
            [
                None,
                Some("دکتر اسدالله عباسی"),
                None,
                Some("ایگور بابوشکین"),
                Some("ایگور بابوشکین")
            ]
        );
    }
}
