//! The forms a quotation takes around its cue: content after the cue (colon, `«…»`, `که`, a
//! clause), a marked quotation without a speaker, a `Speaker: content` headline, clause
//! adverbials (`با بیان اینکه`) and `به گفته X`.

use super::speaker::speaker;
use super::{Quote, QuoteKind, cue_at, cues, span};
use crate::chars::utf8_u32;
use crate::{Token, TokenKind};

/// The quotation introduced by the cue at tokens `cue..end`, if any.
pub(super) fn quote_after<'a>(
    text: &'a str,
    toks: &[Token<'a>],
    keys: &[&str],
    cue: usize,
    end: usize,
    kind: cues::Cue,
) -> Option<Quote<'a>> {
    let cue_span = span(text, toks[cue].start, toks[end - 1].end());
    let next = toks.get(end)?;
    let speaker = speaker(text, toks, keys, cue);
    let make = |kind, start: usize, stop: usize| {
        let content = text[start..stop].trim_end();
        (!content.trim().is_empty()).then(|| {
            Quote::found(
                kind,
                span(text, start, start + content.len()),
                Some(cue_span),
                speaker,
            )
        })
    };
    match next.text {
        ":" => {
            let after = toks.get(end + 1)?;
            if let Some((open, close)) = marked(text, after) {
                // `گفت: «…»` at the end of the unit: direct speech inside the marks.
                let rest = text[close..].trim_start_matches(['»', '"', '”']);
                if rest
                    .trim()
                    .chars()
                    .all(|c| matches!(c, '.' | '!' | '؟' | '?' | '…'))
                {
                    return make(QuoteKind::Direct, open, close);
                }
            } else if matches!(after.text, "«" | "\"" | "“") {
                // Opened and not closed in this unit: it goes on in the next.
                return make(QuoteKind::Direct, after.end(), text.len());
            }
            make(QuoteKind::Colon, after.start, text.len())
        }
        "«" | "\"" | "“" => {
            let (open, close) = marked(text, next)?;
            make(QuoteKind::Direct, open, close)
        }
        // `می گوید، اگر …`, `گزارش کرد، وزارت …`: the reported clause after a comma.
        "،" if toks.get(end + 1).is_some_and(|t| t.kind == TokenKind::Word) => {
            let start = toks[end + 1].start;
            make(
                QuoteKind::Indirect,
                start,
                sentence_end(toks, end + 1, text.len()),
            )
        }
        _ if keys[end] == "که" => {
            let start = toks.get(end + 1)?.start;
            make(
                QuoteKind::Indirect,
                start,
                sentence_end(toks, end + 1, text.len()),
            )
        }
        _ if kind.direct_clause && next.kind == TokenKind::Word && keys[end] != "و" => make(
            QuoteKind::Indirect,
            next.start,
            sentence_end(toks, end, text.len()),
        ),
        _ => None,
    }
}

/// A direct quotation with no cue or speaker in its unit, from the quotation mark `open` to
/// its close (or to the end of the unit), if it has at least `min_words` words.
pub(super) fn speakerless_marked<'a>(
    text: &'a str,
    open: &Token<'a>,
    min_words: usize,
) -> Option<Quote<'a>> {
    let close = marked(text, open).map_or(text.trim_end().len(), |(_, close)| close);
    let content = text[open.end()..close].trim_end();
    (content.split_whitespace().count() >= min_words).then(|| {
        Quote::found(
            QuoteKind::Direct,
            span(text, open.end(), open.end() + content.len()),
            None,
            None,
        )
    })
}

/// If `open` is an opening quotation mark, the content range inside it and its close.
pub(super) fn marked(text: &str, open: &Token<'_>) -> Option<(usize, usize)> {
    let close = match open.text {
        "«" => '»',
        "\"" => '"',
        "“" => '”',
        _ => return None,
    };
    let start = open.end();
    let rel = text[start..].find(close)?;
    Some((start, start + rel))
}

/// Where the sentence containing token `from` ends (before its final mark), or `limit`.
pub(super) fn sentence_end(toks: &[Token<'_>], from: usize, limit: usize) -> usize {
    toks[from..]
        .iter()
        .find(|t| matches!(t.text, "." | "!" | "؟" | "?"))
        .map_or(limit, |t| t.start)
}

/// Labels, datelines and interviewer lines: a colon after them is not a headline quote.
const LABELS: [&str; 14] = [
    "برچسبها",
    "برچسب",
    "سوال",
    "سؤال",
    "پرسش",
    "پاسخ",
    "موضوع",
    "منبع",
    "خبرگزاری",
    "عکس",
    "تصاویر",
    "دقیقه",
    "کلیدواژه",
    "کلمات",
];

/// `Speaker: content` in a title or a `*` sub-heading; `colon` is the unit's first colon token.
pub(super) fn headline<'a>(
    text: &'a str,
    toks: &[Token<'a>],
    keys: &[&str],
    title: bool,
    colon: Option<usize>,
) -> Option<Quote<'a>> {
    let colon = colon?;
    let starred = text.trim_start().starts_with('*');
    // In a paragraph, only an interview line: a short name opening it (`حدادی: …`).
    if !(title || starred || (colon <= 3 && toks.len() > colon + 4)) {
        return None;
    }
    let first = usize::from(starred && toks.first().is_some_and(|t| t.text == "*"));
    let words = &toks[first..colon];
    if words.is_empty()
        || words.len() > 5
        || words.iter().any(|t| t.kind != TokenKind::Word)
        || LABELS.contains(&keys[first])
        || (first..colon).any(|k| cue_at(toks, keys, k).is_some())
    {
        return None;
    }
    let content = toks.get(colon + 1)?;
    if !title && matches!(content.text, "«" | "\"" | "“") {
        return None; // `topic: «…»` in a paragraph: the topic is not a speaker
    }
    let body = text[content.start..].trim_end();
    Some(Quote::found(
        QuoteKind::Headline,
        span(text, content.start, content.start + body.len()),
        Some(span(text, toks[colon].start, toks[colon].end())),
        Some(span(text, words[0].start, words[words.len() - 1].end())),
    ))
}

/// The heads of clause adverbials that report speech: `با بیان اینکه …`, `با تاکید بر
/// اینکه …`, `با اشاره به اینکه …`, `با ابراز امیدواری از اینکه …`, `مبنی بر اینکه …`.
const ADVERBIAL_HEADS: [&[&str]; 6] = [
    &["با", "بیان"],
    &["با", "تاکید", "بر"],
    &["با", "اشاره", "به"],
    &["با", "ابراز", "امیدواری", "از"],
    &["با", "اظهار", "امیدواری", "از"],
    &["مبنی", "بر"],
];

/// Where a clause adverbial or `به گفته` may start: the tokens whose key is `با`, `به` or
/// `مبنی` (or, rarely, another eight-byte key starting `مب`), into `out`. Two-letter words are
/// so common that a branch on the key's length would be mispredicted, so the test has none.
pub(super) fn markers(keys: &[&str], out: &mut Vec<usize>) {
    const BA: u32 = utf8_u32("با");
    const BE: u32 = utf8_u32("به");
    const MB: u32 = utf8_u32("مب");
    out.clear();
    for (k, key) in keys.iter().enumerate() {
        let b = key.as_bytes();
        let head = b.first_chunk::<4>().map_or(0, |h| u32::from_le_bytes(*h));
        let two = (b.len() == 4) & ((head == BA) | (head == BE));
        if two | ((b.len() == 8) & (head == MB)) {
            out.push(k);
        }
    }
}

/// Indirect speech in a clause adverbial; the content runs to the comma that closes it, and
/// the speaker is the subject before it. `markers` are the unit's [`markers`].
pub(super) fn clause_adverbials<'a>(
    text: &'a str,
    toks: &[Token<'a>],
    keys: &[&str],
    markers: &[usize],
) -> Vec<Quote<'a>> {
    let mut out = Vec::new();
    for &k in markers {
        if !matches!(keys[k], "با" | "مبنی") {
            continue;
        }
        for head in ADVERBIAL_HEADS {
            let n = head.len();
            if k + n >= toks.len() || (0..n).any(|j| keys[k + j] != head[j]) {
                continue;
            }
            // `اینکه` or `این که`.
            let content_at = match (keys.get(k + n).copied(), keys.get(k + n + 1).copied()) {
                (Some("اینکه"), _) => k + n + 1,
                (Some("این"), Some("که")) => k + n + 2,
                _ => continue,
            };
            let Some(first) = toks.get(content_at) else {
                continue;
            };
            let stop = (content_at..toks.len())
                .find(|&j| matches!(toks[j].text, "،" | "." | "!" | "؟" | "?" | ":"))
                .map_or(text.len(), |j| toks[j].start);
            let content = text[first.start..stop].trim_end();
            if content.split_whitespace().count() < 2 {
                continue;
            }
            let cue_end = toks[content_at - 1].end();
            out.push(Quote::found(
                QuoteKind::Indirect,
                span(text, first.start, first.start + content.len()),
                Some(span(text, toks[k].start, cue_end)),
                speaker(text, toks, keys, k),
            ));
        }
    }
    out
}

/// `به گفته X، …` / `به نوشته X، …`: indirect speech with the speaker in the cue phrase.
pub(super) fn according_to<'a>(
    text: &'a str,
    toks: &[Token<'a>],
    keys: &[&str],
    markers: &[usize],
) -> Option<Quote<'a>> {
    let at = markers.iter().copied().find(|&k| {
        k + 2 < toks.len() && keys[k] == "به" && matches!(keys[k + 1], "گفته" | "نوشته")
    })?;
    let comma = (at + 2..toks.len()).find(|&k| toks[k].text == "،")?;
    if comma == at + 2 || comma - at > 8 {
        return None;
    }
    let start = toks.get(comma + 1)?.start;
    let stop = sentence_end(toks, comma + 1, text.len());
    let content = text[start..stop].trim_end();
    Some(Quote::found(
        QuoteKind::Indirect,
        span(text, start, start + content.len()),
        Some(span(text, toks[at].start, toks[at + 1].end())),
        Some(span(text, toks[at + 2].start, toks[comma - 1].end())),
    ))
}
