//! Who is speaking: the noun phrase before a cue, bounded by adjuncts, time words and
//! particles, with the word lists that bound it.

use super::{PRONOUNS, Span, span};
use crate::{Token, TokenKind};

/// Words that end the speaker's noun phrase: prepositions opening adjuncts, time words,
/// adverbs and particles between the subject and the verb.
pub(super) const ADJUNCT_STARTS: [&str; 34] = [
    "با",
    "به",
    "از",
    "طی",
    "ضمن",
    "پس",
    "پیش",
    "بعد",
    "قبل",
    "هنگام",
    "برای",
    "درباره",
    "دربارهٔ",
    "هم",
    "نیز",
    "همچنین",
    "امروز",
    "دیروز",
    "شامگاه",
    "صبح",
    "عصر",
    "ظهر",
    "شب",
    "بامداد",
    "روز",
    "که",
    "را",
    "سپس",
    "اخیرا",
    "اخیراً",
    "همچنان",
    "البته",
    "امشب",
    "درمورد",
];

/// Nouns of events: `در` before one opens an adjunct (`در دیدار با …`); before a place it is
/// part of a role (`نماینده عالی دولت در گیلان`).
pub(super) const EVENTS: [&str; 20] = [
    "دیدار",
    "گفتوگو",
    "گفتگو",
    "نشست",
    "جلسه",
    "مراسم",
    "همایش",
    "حاشیه",
    "پایان",
    "ابتدای",
    "ادامه",
    "پاسخ",
    "مصاحبه",
    "جمع",
    "این",
    "آن",
    "جریان",
    "مورد",
    "خصوص",
    "صحبت",
];

/// Words that may open a clause before its subject (`همچنین مهران سررشته گفت`): skipped.
pub(super) const LEADING: [&str; 8] =
    ["همچنین", "اما", "ولی", "البته", "سپس", "همچنان", "و", "نیز"];

/// Words for the kind of outlet before a media name: the speaker is the name.
pub(super) const MEDIA: [&str; 11] = [
    "روزنامه",
    "خبرگزاری",
    "سایت",
    "پایگاه",
    "شبکه",
    "اینترنتی",
    "خبری",
    "تلویزیون",
    "نشریه",
    "هفتهنامه",
    "رسانه",
];

/// Role nouns: after a name (`منصور حقیقت‌پور نائب رئیس کمیسیون …`) they start an
/// apposition, and the speaker is the name.
pub(super) const ROLES: [&str; 27] = [
    "رئیس",
    "رییس",
    "نائب",
    "نایب",
    "وزیر",
    "سخنگوی",
    "مدیر",
    "دبیر",
    "دبیرکل",
    "استاندار",
    "نماینده",
    "سرمربی",
    "مربی",
    "کاپیتان",
    "عضو",
    "معاون",
    "فرمانده",
    "مدیرعامل",
    "سفیر",
    "کارشناس",
    "بازیکن",
    "هافبک",
    "مهاجم",
    "سرپرست",
    "مدافع",
    "دروازهبان",
    "ستاره",
];

/// The speaker of a cue at token `cue`: the noun phrase that opens its clause.
pub(super) fn speaker<'a>(
    text: &'a str,
    toks: &[Token<'a>],
    keys: &[&str],
    cue: usize,
) -> Option<Span<'a>> {
    // The clause starts after the last sentence mark or colon before the cue.
    let mut start = (0..cue)
        .rev()
        .find(|&k| matches!(toks[k].text, "." | "!" | "؟" | "?" | ":" | "؛" | "…"))
        .map_or(0, |k| k + 1);
    // `به گزارش …، وی گفت`: the dateline adverbial is not the subject.
    if keys.get(start) == Some(&"به") && keys.get(start + 1) == Some(&"گزارش") {
        start = (start..cue)
            .find(|&k| toks[k].text == "،")
            .map_or(cue, |k| k + 1);
    }
    while start < cue && (LEADING.contains(&keys[start]) || MEDIA.contains(&keys[start])) {
        start += 1;
    }
    // A clause that opens with an adjunct (`پس از انتخابات …، پرویز مشرف گفت`) has its
    // subject after the adjunct's comma; with no comma, none here (resolved from context).
    let opens_with_adjunct = |k: usize| {
        keys.get(k)
            .is_some_and(|k| ADJUNCT_STARTS.contains(k) || matches!(*k, "در" | "بنا"))
    };
    if opens_with_adjunct(start) {
        match (start..cue).rev().find(|&k| toks[k].text == "،") {
            Some(comma) if comma + 1 < cue && !opens_with_adjunct(comma + 1) => start = comma + 1,
            _ => return None,
        }
    }
    let mut end = start;
    while end < cue {
        let t = &toks[end];
        let key = keys[end];
        let stop = t.kind != TokenKind::Word
            || (end > start && ADJUNCT_STARTS.contains(&key))
            || (end > start && key == "در" && keys.get(end + 1).is_none_or(|n| EVENTS.contains(n)));
        if stop {
            break;
        }
        // A pronoun subject is the whole speaker.
        if end == start && PRONOUNS.contains(&t.text) {
            end += 1;
            break;
        }
        // A role after a name of two words or more starts an apposition.
        if end >= start + 2 && ROLES.contains(&key) && !ROLES.contains(&keys[start]) {
            break;
        }
        end += 1;
    }
    // `رئیس کمیته …، عیسی قراقع، گفت`: a role, then the name in commas; the name is the
    // shortest span that identifies the speaker.
    if end > start
        && ROLES.contains(&keys[start])
        && toks.get(end).is_some_and(|t| t.text == "،")
        && let Some(stop) = (end + 1..cue).find(|&k| toks[k].kind != TokenKind::Word)
        && toks[stop].text == "،"
        && (2..=5).contains(&(stop - end))
    {
        return Some(span(text, toks[end + 1].start, toks[stop - 1].end()));
    }
    (end > start).then(|| span(text, toks[start].start, toks[end - 1].end()))
}
