//! Reporting verbs (cues) and their forms, matched on folded token keys so that raw scraped
//! text (`ي ك`, `تأکید`/`تاکید`, half-spaces lost or typed as spaces) matches too.

use crate::Token;
use crate::halfspace::lexicon::FxMap;
use crate::shapes::ShapeSet;

/// Every prefix (at a character boundary) of every cue form, with the cue if the prefix is a
/// whole form: a token or a concatenation of tokens that is not one cannot start or continue
/// a cue. One lookup answers both questions.
static PREFIXES: LazyLock<FxMap<String, Option<Cue>>> = LazyLock::new(|| {
    let mut map = FxMap::default();
    for (form, &cue) in FORMS.iter() {
        for (k, c) in form.char_indices() {
            map.entry(form[..k + c.len_utf8()].to_owned())
                .or_insert(None);
        }
        map.insert(form.clone(), Some(cue));
    }
    map
});

/// [`PREFIXES`], approximately: most tokens are rejected without hashing.
static PREFIX_SHAPES: LazyLock<ShapeSet> =
    LazyLock::new(|| PREFIXES.keys().map(String::as_str).collect());

/// `None` if the folded tokens concatenated so far begin no cue form; else whether they are
/// one (`Some(Some(cue))`) or only begin one (`Some(None)`).
#[inline(always)]
pub(crate) fn prefix(folded: &str) -> Option<Option<Cue>> {
    if !PREFIX_SHAPES.may_contain(folded) {
        return None;
    }
    prefix_exact(folded)
}

/// [`prefix`] after the shape filter: the hash lookup, out of line.
#[inline(never)]
fn prefix_exact(folded: &str) -> Option<Option<Cue>> {
    PREFIXES.get(folded).copied()
}
use std::sync::LazyLock;

/// Simple reporting verbs: (past stem, present stem with its glide).
const SIMPLE: [(&str, &str); 3] = [("گفت", "گوی"), ("افزود", "افزای"), ("نوشت", "نویس")];

/// Light verbs: (past stem, present stem).
const LIGHT: [(&str, &str); 6] = [
    ("کرد", "کن"),
    ("داشت", "دار"),
    ("نمود", "نمای"),
    ("ساخت", "ساز"),
    ("شد", "شو"),
    ("داد", "ده"),
];

/// Compound reporting verbs: (preverb, the light verbs it takes, indirect without `که`?).
/// The last flag marks verbs that introduce a clause directly (`ابراز امیدواری کرد خط …`).
const COMPOUND: [(&str, &[&str], bool); 20] = [
    ("اظهار", &["کرد", "داشت", "نمود"], false),
    ("بیان", &["کرد", "داشت", "نمود"], false),
    ("اضافه", &["کرد", "نمود"], false),
    ("خاطرنشان", &["کرد", "ساخت", "نمود", "شد"], true),
    ("تصریح", &["کرد", "نمود"], true),
    ("تاکید", &["کرد", "نمود", "داشت"], true),
    ("اعلام", &["کرد", "داشت", "نمود"], true),
    ("تشریح", &["کرد"], false),
    ("اذعان", &["کرد", "داشت"], true),
    ("ابرازامیدواری", &["کرد", "نمود"], true),
    ("اظهارامیدواری", &["کرد", "نمود"], true),
    ("یادآور", &["شد"], true),
    ("یادآوری", &["کرد"], false),
    ("متذکر", &["شد"], true),
    ("مدعی", &["شد"], true),
    ("ادامه", &["داد"], false),
    ("توضیح", &["داد"], false),
    ("پاسخ", &["داد"], false),
    ("هشدار", &["داد"], true),
    ("گزارش", &["داد", "کرد"], false),
];

/// What a cue form is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    /// Introduces a clause without `که` (indirect speech): `اعلام کرد …`.
    pub direct_clause: bool,
}

/// Every form of every cue, folded (no spaces or ZWNJs), to whether it introduces a clause
/// directly.
static FORMS: LazyLock<FxMap<String, Cue>> = LazyLock::new(|| {
    let mut forms = FxMap::default();
    let mut add = |preverb: &str, past: &str, present: &str, direct_clause: bool| {
        let cue = Cue { direct_clause };
        for ending in ["", "ند"] {
            forms.insert(format!("{preverb}{past}{ending}"), cue); // گفت، گفتند
        }
        for aux in ["است", "اند", "بود", "بودند"] {
            forms.insert(format!("{preverb}{past}ه{aux}"), cue); // گفته است
        }
        for ending in ["د", "ند"] {
            forms.insert(format!("{preverb}می{present}{ending}"), cue); // می‌گوید
        }
    };
    for (past, present) in SIMPLE {
        add("", past, present, true); // `گفت مقامات اشتباه کردند`
    }
    for (preverb, lights, direct) in COMPOUND {
        for light in lights {
            let present = LIGHT
                .iter()
                .find(|(p, _)| p == light)
                .map_or("", |(_, pr)| pr);
            add(preverb, light, present, direct);
        }
    }
    // Statements: `در این بیانیه آمده است: «…»` (the perfect only; `آمد` is "came").
    for form in ["آمدهاست", "آمدهبود", "آمدهاند"] {
        forms.insert(
            form.to_owned(),
            Cue {
                direct_clause: false,
            },
        );
    }
    // Claims in the present: `مدعی است`.
    for form in ["مدعیاست", "مدعیاند", "مدعیهستند"] {
        forms.insert(
            form.to_owned(),
            Cue {
                direct_clause: true,
            },
        );
    }
    forms
});

/// The buffers that make the folded keys of a unit's tokens, reused from unit to unit.
#[derive(Default)]
pub(crate) struct Folding {
    /// [`may_fold_at`] of the unit's bytes, as a [`crate::blocks::text_mask`].
    mask: Vec<u64>,
    /// The keys that folding changes, one after another.
    folded: String,
    /// Where each token's key is in `folded`, if folding changes it.
    places: Vec<Option<std::ops::Range<usize>>>,
}

impl Folding {
    /// The folded key of each of `toks`, the tokens of `text`. Most tokens are their own key,
    /// which a mask of the bytes folding may change (for the whole unit at once) tells; the
    /// others are folded one after another into one buffer, not one allocation each.
    pub(crate) fn keys<'k>(&'k mut self, text: &'k str, toks: &[Token<'k>]) -> Vec<&'k str> {
        crate::blocks::text_mask(text.as_bytes(), may_fold_at, &mut self.mask);
        self.folded.clear();
        self.places.clear();
        let (mask, folded) = (&self.mask, &mut self.folded);
        self.places.extend(toks.iter().map(|t| {
            crate::blocks::any_in(mask, t.start, t.end()).then(|| {
                let at = folded.len();
                fold_into(t.text, folded);
                at..folded.len()
            })
        }));
        let folded: &'k String = &self.folded;
        toks.iter()
            .zip(&self.places)
            .map(|(t, place)| place.clone().map_or(t.text, |r| &folded[r]))
            .collect()
    }
}

/// Appends `token`, folded for cue matching, to `out`: Arabic letter forms to Persian, hamza
/// and madda forms of alef to alef, marks, kashida and ZWNJ removed.
pub(crate) fn fold_into(token: &str, out: &mut String) {
    out.extend(token.chars().filter_map(fold_char));
}

/// [`fold_into`] a new string.
#[cfg(test)]
pub(crate) fn fold(token: &str) -> String {
    let mut out = String::new();
    fold_into(token, &mut out);
    out
}

/// May the character starting with byte `b` (followed by `next`) be one [`fold_into`] changes? A
/// superset, by the first two bytes: ZWNJ starts with E2 80; the others are D8 A3, D8 A5,
/// D9 80, D9 83, D9 89..9F and D9 B0.
#[inline(always)]
pub(crate) fn may_fold_at(b: u8, next: u8) -> bool {
    ((b == 0xE2) & (next == 0x80))
        | ((b == 0xD8) & ((next == 0xA3) | (next == 0xA5)))
        | ((b == 0xD9)
            & ((next == 0x80)
                | (next == 0x83)
                | (next.wrapping_sub(0x89) <= 0x9F - 0x89)
                | (next == 0xB0)))
}

/// `c` as cue matching sees it, or `None` for what it drops.
fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{064A}' | '\u{0649}' => Some('\u{06CC}'),
        '\u{0643}' => Some('\u{06A9}'),
        '\u{0623}' | '\u{0625}' => Some('\u{0627}'),
        '\u{200C}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => None,
        c => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_misses_no_folded_character() {
        let folded = [
            '\u{064A}', '\u{0649}', '\u{0643}', '\u{0623}', '\u{0625}', '\u{200C}',
        ];
        for c in ('\u{0600}'..='\u{06FF}')
            .chain(folded)
            .chain('\u{2000}'..='\u{20FF}')
        {
            let word = format!("ب{c}ب");
            let changes = folded.contains(&c)
                || c == '\u{0640}'
                || ('\u{064B}'..='\u{065F}').contains(&c)
                || c == '\u{0670}';
            assert_eq!(fold(&word) != word, changes, "{c:?}");
            let mut bytes = [0u8; 4];
            let b = c.encode_utf8(&mut bytes).as_bytes();
            if changes {
                assert!(may_fold_at(b[0], b[1]), "{c:?}");
            }
        }
    }

    #[test]
    fn unit_keys_are_the_folded_tokens() {
        let arabic = "خاطرنشان كرد: «تأكيد بر مي‌گويد» و با مبنی به گفته‌ی او ـ ۱۲ بـا";
        let mut folding = Folding::default();
        for text in [
            include_str!("../../tests/data/seed-article.normalized.txt"),
            arabic,
        ] {
            let toks: Vec<Token<'_>> = crate::tokens(text).collect();
            let keys = folding.keys(text, &toks);
            assert_eq!(keys.len(), toks.len());
            for (t, key) in toks.iter().zip(&keys) {
                assert_eq!(*key, fold(t.text), "{t:?}");
            }
        }
    }

    #[test]
    fn forms() {
        for form in [
            "گفت",
            "گفتند",
            "گفتهاست",
            "میگوید",
            "افزود",
            "خاطرنشانکرد",
            "ابرازامیدواریکرد",
            "اظهارداشت",
            "یادآورشد",
            "ادامهداد",
        ] {
            assert!(prefix(form).flatten().is_some(), "{form}");
        }
        for not in ["گفتوگو", "نگفت", "دعوتکرد", "خواستارشد", "گفتهمیشود"]
        {
            assert!(prefix(not).flatten().is_none(), "{not}");
        }
        assert_eq!(fold("تأكيد"), "تاکید");
    }
}
