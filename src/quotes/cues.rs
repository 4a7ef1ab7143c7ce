//! Reporting verbs (cues) and their forms, matched on folded token keys so that raw scraped
//! text (`ي ك`, `تأکید`/`تاکید`, half-spaces lost or typed as spaces) matches too.

use std::sync::LazyLock;

use crate::Token;
use crate::blocks::{BLOCK, set_bits, text_mask};
use crate::chars::ZWNJ_UTF8;
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
    /// [`may_fold_at`] of the unit's bytes, as a [`text_mask`], less the letters
    /// [`Folding::letters`] replaced in its copy: the bytes still to fold.
    mask: Vec<u64>,
    /// The keys that folding changes, one after another.
    folded: Vec<u8>,
    /// The unit with its Arabic letter forms replaced, if [`Folding::letters`] found any;
    /// else empty.
    unit: String,
    /// The tokens folding changes, with where their keys are in `folded`.
    places: Vec<(usize, std::ops::Range<usize>)>,
}

impl Folding {
    /// Readies the folding of `text`, a unit. If it has Arabic letter forms (`ي ك ى أ إ`),
    /// returns a copy with their Persian forms, to tokenize instead of `text`. Those
    /// replacements keep every character's length, so the copy's tokens have the offsets of
    /// `text`'s, and their keys need no more folding unless they hold a mark or a ZWNJ.
    pub(crate) fn letters(&mut self, text: &str) -> Option<&str> {
        let bytes = text.as_bytes();
        text_mask(bytes, may_fold_at, &mut self.mask);
        self.unit.clear();
        let mut copied = 0;
        for (block, mask) in self.mask.iter_mut().enumerate() {
            for bit in set_bits(&[*mask]) {
                let at = block * BLOCK + bit;
                if let Some(with) = substitute(bytes[at], bytes[at + 1]) {
                    // The copy has the Persian letter here: nothing left to fold.
                    *mask &= !(1 << bit);
                    self.unit.push_str(&text[copied..at]);
                    self.unit.push(with);
                    copied = at + 2;
                }
            }
        }
        if copied == 0 {
            return None;
        }
        self.unit.push_str(&text[copied..]);
        Some(&self.unit)
    }

    /// The folded key of each of `toks`, the tokens of `text` (or of the copy
    /// [`Folding::letters`] made, rebased onto `text`). Most tokens are their own key: the set
    /// bits of the mask of the bytes folding may change are walked, each with the token it
    /// falls in, and only those tokens are folded, one after another into one buffer.
    pub(crate) fn keys<'k>(&'k mut self, text: &'k str, toks: &[Token<'k>]) -> Vec<&'k str> {
        let copy = !self.unit.is_empty();
        let view: &str = if copy { &self.unit } else { text };
        self.folded.clear();
        self.places.clear();
        let mut next = 0; // the first token that may hold the next set bit
        for at in set_bits(&self.mask) {
            while toks.get(next).is_some_and(|t| t.end() <= at) {
                next += 1;
            }
            let Some(t) = toks.get(next) else {
                break;
            };
            if t.start > at {
                continue; // between tokens
            }
            let from = self.folded.len();
            fold_into(&view[t.range()], &mut self.folded);
            self.places.push((next, from..self.folded.len()));
            next += 1;
        }
        // A token's own text is its slice of `text`, already at hand; only the copy is sliced.
        let mut keys: Vec<&str> = if copy {
            toks.iter().map(|t| &view[t.range()]).collect()
        } else {
            toks.iter().map(|t| t.text).collect()
        };
        // Folding replaces and drops whole characters: the buffer is UTF-8.
        let folded = std::str::from_utf8(&self.folded).expect("folded keys are UTF-8");
        for (k, range) in &self.places {
            keys[*k] = &folded[range.clone()];
        }
        keys
    }
}

/// The Persian form of the two-byte character `lead second`, if [`PAIR_FOLD`] replaces it
/// by another letter (`ي ك ى أ إ`; marks and kashida are dropped, not replaced).
#[inline]
fn substitute(lead: u8, second: u8) -> Option<char> {
    if lead & 0xFC != 0xD8 {
        return None;
    }
    let e = PAIR_FOLD[usize::from(lead & 3) << 8 | usize::from(second)];
    let [lo, hi, len, _] = e.to_le_bytes();
    if len != 2 || (hi, lo) == (lead, second) {
        return None;
    }
    // A two-byte character: five bits from its lead byte, six from the other.
    char::from_u32(u32::from(hi & 0x1F) << 6 | u32::from(lo & 0x3F))
}

/// Appends `token`, folded for cue matching, to `out`: Arabic letter forms to Persian, hamza
/// and madda forms of alef to alef, marks, kashida and ZWNJ removed. Works on the bytes in
/// place: the token is copied, then each character is kept, rewritten (all replacements are
/// two-byte letters for two-byte letters) or dropped, two-byte Arabic-script characters by
/// [`PAIR_FOLD`] without a branch on which they are.
pub(crate) fn fold_into(token: &str, out: &mut Vec<u8>) {
    let start = out.len();
    out.extend_from_slice(token.as_bytes());
    let end = out.len();
    let (mut r, mut w) = (start, start);
    while r < end {
        let b = out[r];
        if b & 0xFC == 0xD8 {
            let e = PAIR_FOLD[usize::from(b & 3) << 8 | usize::from(out[r + 1])];
            out[w] = (e >> 8) as u8;
            out[w + 1] = e as u8;
            w += (e >> 16) as usize;
            r += 2;
            continue;
        }
        let len = match b {
            0..0x80 => 1,
            0xC0..0xE0 => 2,
            0xE0..0xF0 => 3,
            _ => 4,
        };
        if out[r..r + len] != ZWNJ_UTF8 {
            out.copy_within(r..r + len, w);
            w += len;
        }
        r += len;
    }
    out.truncate(w);
}

/// [`fold_char`] for the two-byte characters with lead byte D8..DB, indexed by
/// `(lead & 3) << 8 | second byte`: `2 << 16 | the two bytes` to write, or 0 to drop it.
static PAIR_FOLD: [u32; 1024] = {
    let mut table = [0; 1024];
    let mut i = 0;
    while i < 1024 {
        let (lead, second) = (0xD8 | (i >> 8) as u32, (i & 0xFF) as u32);
        table[i] = match (lead, second) {
            (0xD9, 0x8A | 0x89) => 2 << 16 | 0xDB8C, // ي ى -> ی
            (0xD9, 0x83) => 2 << 16 | 0xDAA9,        // ك -> ک
            (0xD8, 0xA3 | 0xA5) => 2 << 16 | 0xD8A7, // أ إ -> ا
            (0xD9, 0x80 | 0x8B..=0x9F | 0xB0) => 0,  // kashida and marks
            _ => 2 << 16 | lead << 8 | second,
        };
        i += 1;
    }
    table
};

/// [`fold_into`] a new string, character by character: the simple version it is tested against.
#[cfg(test)]
pub(crate) fn fold(token: &str) -> String {
    token.chars().filter_map(fold_char).collect()
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
#[cfg(test)]
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
    fn the_byte_fold_is_the_character_fold() {
        let chars = ('\u{0}'..='\u{07FF}').chain('\u{2000}'..='\u{20FF}');
        for c in chars.chain(['\u{FEFF}', '\u{1F600}']) {
            let word = format!("a{c}ب{c}");
            let mut out = b"x".to_vec();
            fold_into(&word, &mut out);
            assert_eq!(out, format!("x{}", fold(&word)).into_bytes(), "{c:?}");
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
            // The copy with Persian letters tokenizes the same way.
            let persian = folding.letters(text).unwrap_or(text).to_owned();
            let ranges = |t: &str| crate::tokens(t).map(|t| t.range()).collect::<Vec<_>>();
            assert_eq!(ranges(&persian), ranges(text));
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
