//! Quiet blocks: 56 bytes at a time, is this clean Persian prose that the steps leave alone?
//!
//! The fast path's letter loop pays a table load and a branch per letter and a mispredicted
//! branch per word. Most of clean text is the same few things over and over: common Persian
//! letters, one space between words, a ZWNJ between a joining letter and a letter, Persian
//! digits, `، . : ! )` with a space after them, line ends between words, hamza above or tanwin
//! after a letter. Whether a byte is one of them depends on at most four bytes either side, so
//! a whole window of 64 bytes is classified at once, and the engine skips the quiet prefix of
//! its middle 56 bytes without looking at its words. The one change a quiet run may hold is
//! the Arabic letter forms `ي ى ك`: they are letters of the same length that join like `ی ک`,
//! which replace them, so the run reports where they are and the engine writes the edits.
//!
//! The classifier looks each byte's nibbles up in 16-entry tables (`pshufb`), which is what
//! makes it cheap: with AVX2, two 32-byte halves and a `movemask` per class and half, 184
//! instructions for 64 bytes (241 with restoration's classes); with AVX-512BW, one register
//! and a mask compare per class, 70 (84). One of them is detected at run
//! time; without either the engine does not use quiet blocks (its letter loop is faster than a
//! classifier built from comparisons, measured). This is the crate's one `unsafe` module. The
//! tests check the two classifiers against each other, the kernel against a
//! character-at-a-time reference from every start position, and the engine with it against
//! the engine without it (property tests, several settings, restoration on and off).
//!
//! Restoration reads the same classes to go through the words of a line many at a time
//! ([`Kernel::words`]). On a line that already uses ZWNJs, with a few more letters
//! ([`suffix`]), the only spaces it must look at closely are those before a word that starts
//! like a suffix or after `می`; on a line without ZWNJs it reads every word between two
//! spaces (`ي ى ك` among its letters) and tests it and its pair with the word before. Both
//! go on across line ends into lines of their kind. The words they read are quiet too (but
//! for the `ي ى ك`, whose places the scan notes for the engine to replace them), and the
//! engine skips them without a second window.
//!
//! The letters here are a subset of what [`PLAIN`](super::tables::PLAIN) keeps in
//! [`Letters::Persian`](crate::Letters::Persian) mode (the tests check it): Arabic-script
//! letters outside it end a quiet run, and the engine's token machine takes them one at a time.
//! Each rule here is one the token machine or the slow path already applies; a quiet run only
//! gets there without a branch per word.

use std::sync::LazyLock;

/// Bytes read before the vouched lanes of a window (a ZWNJ's letter before it).
const CONTEXT: usize = 4;
/// Bytes in a window, the context included.
const WINDOW: usize = 64;
/// Bytes a window reads: its own and the two after them (a ZWNJ's second and third bytes).
const READ: usize = WINDOW + 2;
/// Bytes a window can vouch for: the rest are read only as context for these.
const LANES: usize = WINDOW - 2 * CONTEXT;

/// The letters, as a union of products `lead × high nibble × low nibble of the second byte`,
/// one bit each: a pair `lead cont` is a letter if the three entries share a bit. Lead bytes
/// are D8..DB, indexed by their low nibble. Bit 6 is the Arabic forms `ي ى ك`, letters the
/// letters step replaces; bit 7 is not a letter but the Persian digits.
mod letter {
    pub(super) const LEAD: [u8; 16] = table(&[
        (0xD8, 1 << 0),
        (0xD8, 1 << 1),
        (0xD9, 1 << 2),
        (0xD9, 1 << 3),
        (0xDA, 1 << 4),
        (0xDB, 1 << 4),
        (0xDA, 1 << 5),
        (0xD9, ARABIC),
        (0xDB, DIGIT),
    ]);
    /// The seventh bit: `ي ى ك`, D9 8A, 89, 83.
    pub(super) const ARABIC: u8 = 1 << 6;
    /// The eighth bit: not a letter but a Persian digit, DB B0..B9.
    pub(super) const DIGIT: u8 = 1 << 7;
    // ء..ظ ع غ (U+0621..U+063A), ف ق ل م ن ه و, پ, ڀ چ ڌ ۀ ۆ ی, ژ ڙ ڟ ڨ ک گ
    pub(super) const HIGH: [u8; 16] = table(&[
        (0xA, 1 << 0 | 1 << 5),
        (0xB, 1 << 1 | 1 << 3),
        (0x8, 1 << 2 | 1 << 4 | ARABIC),
        (0x9, 1 << 5),
        (0xB, DIGIT),
    ]);
    pub(super) const LOW: [u8; 16] = {
        let mut t = [0u8; 16];
        let mut k = 0;
        while k < 16 {
            let mut bits = 0;
            if k >= 1 {
                bits |= 1 << 0; // D8 A1..AF
            }
            if k <= 0xA {
                bits |= 1 << 1; // D8 B0..BA
            }
            if matches!(k, 1 | 2 | 4..=8) {
                bits |= 1 << 2; // D9 81 82 84..88 (not ك)
            }
            if k == 0xE {
                bits |= 1 << 3; // D9 BE
            }
            if matches!(k, 0 | 6 | 0xC) {
                bits |= 1 << 4; // DA/DB 80 86 8C
            }
            if matches!(k, 8 | 9 | 0xF) {
                bits |= 1 << 5; // DA 98 99 9F A8 A9 AF
            }
            if matches!(k, 3 | 9 | 0xA) {
                bits |= ARABIC; // D9 83 89 8A
            }
            if k <= 9 {
                bits |= DIGIT; // DB B0..B9
            }
            t[k] = bits;
            k += 1;
        }
        t
    };

    /// A 16-entry table from `(byte or nibble, bits)`: each entry's low nibble gets its bits.
    pub(super) const fn table(entries: &[(u8, u8)]) -> [u8; 16] {
        let mut t = [0u8; 16];
        let mut k = 0;
        while k < entries.len() {
            t[(entries[k].0 & 0xF) as usize] |= entries[k].1;
            k += 1;
        }
        t
    }
}

/// The letters of [`letter`] that join the letter after them, as products the same way. The
/// eighth bit is the Arabic comma.
mod joiner {
    /// The eighth bit: not a letter but `،`, D8 8C.
    pub(super) const COMMA: u8 = 1 << 7;
    pub(super) const LEAD: [u8; 16] = super::letter::table(&[
        (0x8, 1 << 0 | 1 << 1 | COMMA),
        (0x9, 1 << 2 | 1 << 3),
        (0xA, 1 << 4 | 1 << 6),
        (0xB, 1 << 5),
    ]);
    pub(super) const HIGH: [u8; 16] = super::letter::table(&[
        (0x8, 1 << 2 | 1 << 4 | 1 << 5 | COMMA),
        (0xA, 1 << 0 | 1 << 6),
        (0xB, 1 << 1 | 1 << 3),
    ]);
    pub(super) const LOW: [u8; 16] = {
        let mut t = [0u8; 16];
        let mut k = 0;
        while k < 16 {
            let mut bits = 0;
            if matches!(k, 6 | 8 | 0xA..=0xE) {
                bits |= 1 << 0; // D8: ئ ب ت ث ج ح خ
            }
            if matches!(k, 3..=0xA) {
                bits |= 1 << 1; // D8: س .. غ
            }
            if matches!(k, 1..=7 | 9 | 0xA) {
                bits |= 1 << 2; // D9: ف ق ل م ن ه, and ك ى ي (written ک ی)
            }
            if k == 0xE {
                bits |= 1 << 3; // D9: پ
            }
            if k == 6 {
                bits |= 1 << 4; // DA: چ
            }
            if k == 0xC {
                bits |= 1 << 5 | COMMA; // DB: ی, and D8 8C: ،
            }
            if matches!(k, 9 | 0xF) {
                bits |= 1 << 6; // DA: ک گ
            }
            t[k] = bits;
            k += 1;
        }
        t
    };
}

/// For restoration's scan: the letters that start the words it looks at after a space, as
/// products the same way. A suffix or clitic starts with one of `ه ت ا م ش`
/// ([`FIRST`](suffix::FIRST)) followed by one of `ا ر ی م ت ش ن`
/// ([`SECOND`](suffix::SECOND)): `ها تر ای ام ات اش اند مان تان شان`. And `م`, `ی` for
/// the verbal prefix `می` before a space.
mod suffix {
    /// `ه م` (D9 87, 85), `ا ت` (D8 A7, AA), `ش` (D8 B4).
    pub(super) const FIRST: u8 = 1 << 0 | 1 << 1 | 1 << 2;
    /// `ا ت`, `ر ش` (D8 B1, B4), `ی` (DB 8C), `م ن` (D9 85, 86).
    pub(super) const SECOND: u8 = 1 << 1 | 1 << 3 | 1 << 4 | 1 << 5;
    /// `ی`.
    pub(super) const YE: u8 = 1 << 4;
    /// `م`.
    pub(super) const MIM: u8 = 1 << 6;
    pub(super) const LEAD: [u8; 16] = super::letter::table(&[
        (0x8, 1 << 1 | 1 << 2 | 1 << 3),
        (0x9, 1 << 0 | 1 << 5 | MIM),
        (0xB, YE),
    ]);
    pub(super) const HIGH: [u8; 16] = super::letter::table(&[
        (0x8, 1 << 0 | YE | 1 << 5 | MIM),
        (0xA, 1 << 1),
        (0xB, 1 << 2 | 1 << 3),
    ]);
    pub(super) const LOW: [u8; 16] = super::letter::table(&[
        (0x5, 1 << 0 | 1 << 5 | MIM),
        (0x7, 1 << 0 | 1 << 1),
        (0xA, 1 << 1),
        (0x4, 1 << 2 | 1 << 3),
        (0x1, 1 << 3),
        (0xC, YE),
        (0x6, 1 << 5),
    ]);
}

/// What the normalizer's options let a quiet run hold besides letters, spaces, ZWNJs and
/// punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Allow {
    /// Persian digits (the digits step keeps them).
    pub digits: bool,
    /// Tanwin `ً` after a letter (the diacritics step keeps it).
    pub tanwin: bool,
}

/// What a quiet run reports besides its end.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Report {
    /// Where the line after the last line end the run went through starts, if it did.
    pub line: Option<usize>,
    /// Where the Arabic letter forms in the run start (`ي ى ك`, which the letters step
    /// replaces), in order; the caller clears it.
    pub arabic: Vec<usize>,
}

/// What [`Kernel::words`] found in a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::normalize) struct Words {
    /// How many bytes from the window's start are plain words and what may stand between
    /// them (a character boundary).
    pub len: usize,
    /// Bit `k`: the byte `k` after the start is a space before a word or a number.
    pub spaces: u64,
    /// Bit `k`: the byte `k` after the start is a line end after a word (or its closing
    /// punctuation or mark) or another line end, before a word, a number or a line end.
    pub lines: u64,
    /// The spaces of `spaces` between two letters: between two words.
    pub pairs: u64,
    /// The spaces of `pairs` before a word that starts like a suffix or a clitic, or after
    /// one that ends in `می` (a superset of where [`space_may_join`] holds) or in a mark.
    ///
    /// [`space_may_join`]: crate::halfspace::space_may_join
    pub suffix: u64,
    /// The bytes of the words' letters (not `ي ى ك`) and of the ZWNJs between them.
    pub letters: u64,
    /// Where `ي ى ك` start (with `RAW` only).
    pub arabic: u64,
    /// Did the words fill the window, so that they may go on in the next one?
    pub more: bool,
}

impl Words {
    /// The run cut to its first `len` bytes (a character boundary), which end it.
    pub fn cut(&mut self, len: usize) {
        let keep = (1u64 << len) - 1;
        *self = Words {
            len,
            spaces: self.spaces & keep,
            lines: self.lines & keep,
            pairs: self.pairs & keep,
            suffix: self.suffix & keep,
            letters: self.letters & keep,
            arabic: self.arabic & keep,
            more: false,
        };
    }
}

/// Per-byte classes of a window, bit `k` for byte `k`.
#[derive(Clone, Copy, Default)]
struct Classes {
    /// A quiet letter starts here (the Arabic forms included).
    letter: u64,
    /// A quiet letter that joins the next starts here (the Arabic forms included).
    joiner: u64,
    /// A Persian digit starts here.
    digit: u64,
    /// Hamza above `ٔ` starts here (a mark no step removes), or tanwin `ً` where the
    /// diacritics step keeps it.
    mark: u64,
    /// A space.
    space: u64,
    /// A line feed.
    newline: u64,
    /// One of `. : ! )`, which take a space after them.
    closer: u64,
    /// `،` starts here.
    comma: u64,
    /// A ZWNJ starts here.
    zwnj: u64,
    /// `ي ى ك` start here: letters the letters step replaces, by letters of the same length
    /// that join the next letter (`ی ک`).
    arabic: u64,
    /// For restoration's scan only ([`suffix`]): a letter of `FIRST` starts here, of
    /// `SECOND`, `م`, `ی`.
    first: u64,
    second: u64,
    mim: u64,
    ye: u64,
}

impl Classes {
    /// The classes with the context before the window's first vouched byte cleared.
    #[cold]
    fn after_context(self) -> Classes {
        let keep = |m: u64| m & !((1u64 << CONTEXT) - 1);
        Classes {
            letter: keep(self.letter),
            joiner: keep(self.joiner),
            digit: keep(self.digit),
            mark: keep(self.mark),
            space: keep(self.space),
            newline: keep(self.newline),
            closer: keep(self.closer),
            comma: keep(self.comma),
            zwnj: keep(self.zwnj),
            arabic: keep(self.arabic),
            ..self
        }
    }
}

/// The vector instructions a kernel classifies windows with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Simd {
    /// Two 32-byte halves, each class's bits gathered with `movemask`.
    Avx2,
    /// One 64-byte register, each class's bits compared straight into a mask register.
    Avx512,
}

/// The best of [`Simd`] this processor has, if any. Detected once.
static SIMD: LazyLock<Option<Simd>> = LazyLock::new(|| {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512bw") {
            Some(Simd::Avx512)
        } else if std::arch::is_x86_feature_detected!("avx2") {
            Some(Simd::Avx2)
        } else {
            None
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        None
    }
});

/// The quiet-block kernel, for one setting of the normalizer's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::normalize) struct Kernel {
    allow: Allow,
    simd: Simd,
}

impl Kernel {
    /// The kernel for what `allow` lets a quiet run hold, if this processor can run it.
    pub(super) fn new(allow: Allow) -> Option<Kernel> {
        SIMD.map(|simd| Kernel { allow, simd })
    }

    /// The end of the quiet run from `i` (a character boundary), a character boundary too and
    /// not past `limit` (another one), with what the run found written to `report`.
    /// With `lookback`, the bytes before `i` are context (the caller vouches that they were
    /// written unchanged); without it, the run must start with a letter or digit.
    pub(super) fn quiet_end(
        self,
        bytes: &[u8],
        mut i: usize,
        limit: usize,
        mut lookback: bool,
        report: &mut Report,
    ) -> usize {
        loop {
            let c = match i.checked_sub(CONTEXT).and_then(|w| bytes.get(w..w + READ)) {
                Some(w) => self.classes::<false>(w.try_into().expect("a window")),
                None => self.classes::<false>(&padded(bytes, i)),
            };
            // Without lookback, the context before `i` reads as nothing (the first window).
            let c = if lookback { c } else { c.after_context() };
            let digit = if self.allow.digits { c.digit } else { 0 };
            // Bit `k` of `x << n` is bit `k - n` of `x`: what lies `n` bytes before.
            let word_char = c.letter | digit; // two bytes each
            // A letter, not glued after a digit.
            let letter = c.letter & !(digit << 2);
            // What a space or line end may follow: a letter, a digit, a mark, a closer.
            let word_end = (word_char | c.comma | c.mark) << 2 | c.closer << 1;
            let gap = c.space | c.newline;
            // One mark after a letter, before a space or line end.
            let mark = c.mark & (c.letter << 2) & (gap >> 2);
            // A space between a word and a letter or digit.
            let space = c.space & word_end & (word_char >> 1);
            // A line end after a word or line end, before a letter, digit or line end (no
            // spaces to trim on either side).
            let newline = c.newline & (word_end | c.newline << 1) & ((word_char | c.newline) >> 1);
            // A closer after a letter or digit, before a space or line end.
            let comma = c.comma & (word_char << 2) & (gap >> 2);
            let closer = c.closer & (word_char << 2) & (gap >> 1);
            // A ZWNJ after a joining letter, before a letter.
            let zwnj = c.zwnj & (c.joiner << 2) & (c.letter >> 3);
            let two = letter | digit | comma | mark;
            let quiet =
                two | (two << 1) | space | newline | closer | zwnj | (zwnj << 1) | (zwnj << 2);
            let n = ((!(quiet >> CONTEXT)).trailing_zeros() as usize)
                .min(LANES)
                .min(limit.saturating_sub(i));
            let mut end = i + n;
            // Back to a character boundary (quiet characters are one to three bytes).
            while bytes.get(end).is_some_and(|&b| b & 0xC0 == 0x80) {
                end -= 1;
            }
            let kept = (1u64 << (end - i)) - 1;
            let lines = (newline >> CONTEXT) & kept;
            if lines != 0 {
                report.line = Some(i + 64 - lines.leading_zeros() as usize);
            }
            let mut arabic = (c.arabic >> CONTEXT) & kept;
            while arabic != 0 {
                report.arabic.push(i + arabic.trailing_zeros() as usize);
                arabic &= arabic - 1;
            }
            if n < LANES || end == i {
                return end;
            }
            i = end;
            lookback = true;
        }
    }

    /// The plain words from `i` in one window, for restoration's scan of lines that already
    /// use ZWNJs: common Persian letters the letters step keeps as they are (not `ي ى ك`,
    /// and not glued after a digit), ZWNJs between a joining letter and a letter, Persian
    /// digits where they stay, `، . : ! )` after a word before a space or line end, hamza
    /// above or tanwin (where it stays) after a word before a space or line end, single
    /// spaces before a letter or digit, and line ends between them (as [`Kernel::quiet_end`]
    /// takes them). The bytes before `i` are read as context.
    ///
    /// With `RAW`, for the scan of a line without ZWNJs: the words may hold `ي ى ك` too
    /// (reported in [`Words::arabic`]: the letters step replaces them, so the engine does not
    /// skip them), and [`Words::suffix`] is not found.
    #[inline(always)]
    pub(in crate::normalize) fn words<const RAW: bool>(self, bytes: &[u8], i: usize) -> Words {
        let classes = |w: &[u8; READ]| match RAW {
            true => self.classes::<false>(w),
            false => self.classes::<true>(w),
        };
        let c = match i.checked_sub(CONTEXT).and_then(|w| bytes.get(w..w + READ)) {
            Some(w) => classes(w.try_into().expect("a window")),
            None => classes(&padded(bytes, i)),
        };
        let digit = if self.allow.digits { c.digit } else { 0 };
        let quiet_letter = if RAW { c.letter } else { c.letter & !c.arabic };
        let letter = quiet_letter & !(digit << 2);
        let word_char = letter | digit; // two bytes each
        let zwnj = c.zwnj & ((c.joiner & letter) << 2) & (letter >> 3);
        let gap = c.space | c.newline;
        let closer = c.closer & (word_char << 2) & (gap >> 1);
        let comma = c.comma & (word_char << 2) & (gap >> 2);
        // Hamza above or tanwin after a word's last letter, before a space or line end
        // (خیمهٔ, اصلاً).
        let mark = c.mark & (letter << 2) & (gap >> 2);
        let word_end = word_char << 2 | closer << 1 | comma << 2 | mark << 2;
        let space = c.space & word_end & (word_char >> 1);
        let newline = c.newline & (word_end | c.newline << 1) & ((word_char | c.newline) >> 1);
        let plain = word_char
            | mark
            | mark << 1
            | word_char << 1
            | zwnj
            | zwnj << 1
            | zwnj << 2
            | closer
            | comma
            | comma << 1
            | space
            | newline;
        let n = (!(plain >> CONTEXT)).trailing_zeros() as usize;
        let mut len = n.min(LANES);
        // Back to a character boundary (a window can end inside a letter or a ZWNJ).
        while bytes.get(i + len).is_some_and(|&b| b & 0xC0 == 0x80) {
            len -= 1;
        }
        let kept = |m: u64| (m >> CONTEXT) & ((1u64 << len) - 1);
        let pairs = space & (quiet_letter << 2 | mark << 2) & letter >> 1;
        // Before a word that starts like a suffix, or after `می`.
        let suffix = c.first >> 1 & c.second >> 3;
        let mi = c.mim << 4 & c.ye << 2;
        Words {
            len,
            spaces: kept(space),
            lines: kept(newline),
            pairs: kept(pairs),
            suffix: kept(pairs & (suffix | mi | mark << 2)),
            letters: kept(letter | letter << 1 | zwnj | zwnj << 1 | zwnj << 2),
            arabic: if RAW { kept(c.arabic) } else { 0 },
            more: n >= LANES,
        }
    }

    /// The classes of a window; with `SUFFIX`, [`suffix`]'s too.
    fn classes<const SUFFIX: bool>(self, window: &[u8; READ]) -> Classes {
        #[cfg(target_arch = "x86_64")]
        #[allow(unsafe_code)]
        {
            // SAFETY: a `Kernel` is made with the `simd` that `SIMD` found the processor has
            // (the tests that compare the two make an AVX2 one where AVX2 is found too).
            match self.simd {
                Simd::Avx512 => unsafe { avx512::classes::<SUFFIX>(window, self.allow.tanwin) },
                Simd::Avx2 => unsafe { avx2::classes::<SUFFIX>(window, self.allow.tanwin) },
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let _ = window;
            unreachable!("no kernel is made on this architecture")
        }
    }
}

/// The window of `i` near either end of the text: the bytes that exist, zeros elsewhere.
#[cold]
#[inline(never)]
fn padded(bytes: &[u8], i: usize) -> [u8; READ] {
    let mut window = [0u8; READ];
    // window[k] is bytes[i - CONTEXT + k].
    let from = i.saturating_sub(CONTEXT);
    let to = bytes.len().min(i + READ - CONTEXT);
    if from < to {
        let at = from + CONTEXT - i;
        window[at..at + (to - from)].copy_from_slice(&bytes[from..to]);
    }
    window
}

#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod avx2 {
    use super::{Classes, READ, joiner, letter, suffix};
    use std::arch::x86_64::*;

    /// `. : ! )` at the places of their low nibbles; 0xFF (never an ASCII byte) elsewhere.
    pub(super) const CLOSERS: [u8; 16] = {
        let mut t = [0xFF; 16];
        let mut k = 0;
        let bytes = b".:!)";
        while k < bytes.len() {
            t[(bytes[k] & 0xF) as usize] = bytes[k];
            k += 1;
        }
        t
    };

    /// Classifies the 64 bytes of `window` (its last two bytes are read only as the bytes
    /// after them).
    ///
    /// # Safety
    ///
    /// The processor must support AVX2.
    #[target_feature(enable = "avx2")]
    #[inline(never)] // inlined, LLVM turns the masks' bit arithmetic back into byte shuffles
    pub(super) unsafe fn classes<const SUFFIX: bool>(window: &[u8; READ], tanwin: bool) -> Classes {
        // SAFETY (for the whole body): the table loads read 16-byte arrays, the window loads 32
        // bytes at offsets 0, 1, 2, 32, 33 and 34 of a 66-byte array; the rest are register
        // operations that AVX2 provides.
        unsafe {
            macro_rules! table {
                ($t:expr) => {
                    _mm256_broadcastsi128_si256(_mm_loadu_si128($t.as_ptr().cast::<__m128i>()))
                };
            }
            macro_rules! splat {
                ($b:expr) => {
                    _mm256_set1_epi8($b as i8)
                };
            }
            let (l_lead, l_high, l_low) = (
                table!(letter::LEAD),
                table!(letter::HIGH),
                table!(letter::LOW),
            );
            let (j_lead, j_high, j_low) = (
                table!(joiner::LEAD),
                table!(joiner::HIGH),
                table!(joiner::LOW),
            );
            let nibble = splat!(0x0F);
            let tanwin = splat!(if tanwin { 0xFFu8 } else { 0 });
            let zero = _mm256_setzero_si256();
            let mut out = Classes::default();
            let closers = table!(CLOSERS);
            for half in 0..2 {
                let p = window.as_ptr().add(32 * half);
                let byte = _mm256_loadu_si256(p.cast::<__m256i>());
                let next = _mm256_loadu_si256(p.add(1).cast::<__m256i>());
                // Lead bytes D8..DB: the top six bits are 110110.
                let is_lead =
                    _mm256_cmpeq_epi8(_mm256_and_si256(byte, splat!(0xFCu8)), splat!(0xD8u8));
                let lead = _mm256_and_si256(byte, nibble);
                let high = _mm256_and_si256(_mm256_srli_epi16(next, 4), nibble);
                let low = _mm256_and_si256(next, nibble);
                let products = |t_lead, t_high, t_low| {
                    _mm256_and_si256(
                        _mm256_and_si256(
                            _mm256_and_si256(
                                _mm256_shuffle_epi8(t_lead, lead),
                                _mm256_shuffle_epi8(t_high, high),
                            ),
                            _mm256_shuffle_epi8(t_low, low),
                        ),
                        is_lead,
                    )
                };
                macro_rules! bits {
                    ($v:expr) => {
                        u64::from(_mm256_movemask_epi8($v) as u32) << (32 * half)
                    };
                    (not $v:expr) => {
                        u64::from(!(_mm256_movemask_epi8($v) as u32)) << (32 * half)
                    };
                }
                // None of the seven low bits: not a letter (the eighth is read by `movemask`
                // itself).
                let none = |v| _mm256_cmpeq_epi8(_mm256_and_si256(v, splat!(0x7F)), zero);
                let l = products(l_lead, l_high, l_low);
                let j = products(j_lead, j_high, j_low);
                out.digit |= bits!(l);
                out.comma |= bits!(j);
                out.space |= bits!(_mm256_cmpeq_epi8(byte, splat!(b' ')));
                out.newline |= bits!(_mm256_cmpeq_epi8(byte, splat!(b'\n')));
                // D9 94, and D9 8B if tanwin stays
                let d9 = _mm256_cmpeq_epi8(byte, splat!(0xD9u8));
                let mark = _mm256_and_si256(
                    d9,
                    _mm256_or_si256(
                        _mm256_cmpeq_epi8(next, splat!(0x94u8)),
                        _mm256_and_si256(_mm256_cmpeq_epi8(next, splat!(0x8Bu8)), tanwin),
                    ),
                );
                // ي ى ك: the seventh bit of the letter products, moved to the eighth.
                let arabic = _mm256_slli_epi16(l, 1);
                out.mark |= bits!(mark);
                // The Arabic forms are letters that join, as what replaces them is: they are
                // in both tables.
                out.arabic |= bits!(arabic);
                out.letter |= bits!(not none(l));
                out.joiner |= bits!(not none(j));
                // `. : ! )`: the byte the table has for its low nibble (bytes from 80 read 0).
                let closer = _mm256_cmpeq_epi8(_mm256_shuffle_epi8(closers, byte), byte);
                out.closer |= bits!(closer);
                // E2 80 8C
                let after = _mm256_loadu_si256(p.add(2).cast::<__m256i>());
                let zwnj = _mm256_and_si256(
                    _mm256_and_si256(
                        _mm256_cmpeq_epi8(byte, splat!(0xE2u8)),
                        _mm256_cmpeq_epi8(next, splat!(0x80u8)),
                    ),
                    _mm256_cmpeq_epi8(after, splat!(0x8Cu8)),
                );
                out.zwnj |= bits!(zwnj);
                if SUFFIX {
                    let s = products(
                        table!(suffix::LEAD),
                        table!(suffix::HIGH),
                        table!(suffix::LOW),
                    );
                    let any = |bits: u8| _mm256_cmpeq_epi8(_mm256_and_si256(s, splat!(bits)), zero);
                    out.first |= bits!(not any(suffix::FIRST));
                    out.second |= bits!(not any(suffix::SECOND));
                    out.mim |= bits!(not any(suffix::MIM));
                    out.ye |= bits!(not any(suffix::YE));
                }
            }
            out
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod avx512 {
    use super::avx2::CLOSERS;
    use super::{Classes, READ, joiner, letter, suffix};
    use std::arch::x86_64::*;

    /// Classifies the 64 bytes of `window` as [`avx2::classes`](super::avx2::classes) does,
    /// in one register: each class is compared into a mask register, whose 64 bits are the
    /// class's bits.
    ///
    /// # Safety
    ///
    /// The processor must support AVX-512BW.
    #[target_feature(enable = "avx512bw")]
    #[inline(never)] // as the AVX2 version
    pub(super) unsafe fn classes<const SUFFIX: bool>(window: &[u8; READ], tanwin: bool) -> Classes {
        // SAFETY (for the whole body): the table loads read 16-byte arrays, the window loads 64
        // bytes at offsets 0, 1 and 2 of a 66-byte array; the rest are register operations
        // that AVX-512BW provides.
        unsafe {
            macro_rules! table {
                ($t:expr) => {
                    _mm512_broadcast_i32x4(_mm_loadu_si128($t.as_ptr().cast::<__m128i>()))
                };
            }
            macro_rules! splat {
                ($b:expr) => {
                    _mm512_set1_epi8($b as i8)
                };
            }
            let p = window.as_ptr();
            let byte = _mm512_loadu_si512(p.cast::<__m512i>());
            let next = _mm512_loadu_si512(p.add(1).cast::<__m512i>());
            let after = _mm512_loadu_si512(p.add(2).cast::<__m512i>());
            let nibble = splat!(0x0F);
            // Lead bytes D8..DB: the top six bits are 110110.
            let is_lead: u64 =
                _mm512_cmpeq_epi8_mask(_mm512_and_si512(byte, splat!(0xFCu8)), splat!(0xD8u8));
            let lead = _mm512_and_si512(byte, nibble);
            let high = _mm512_and_si512(_mm512_srli_epi16(next, 4), nibble);
            let low = _mm512_and_si512(next, nibble);
            // The bits the three tables share, for any byte (only lead bytes' count).
            let products = |t_lead, t_high, t_low| {
                _mm512_ternarylogic_epi32::<0x80>(
                    _mm512_shuffle_epi8(t_lead, lead),
                    _mm512_shuffle_epi8(t_high, high),
                    _mm512_shuffle_epi8(t_low, low),
                )
            };
            // The lead bytes whose products have one of `bits`.
            let any = |v, bits: u8| _mm512_mask_test_epi8_mask(is_lead, v, splat!(bits));
            let l = products(
                table!(letter::LEAD),
                table!(letter::HIGH),
                table!(letter::LOW),
            );
            let j = products(
                table!(joiner::LEAD),
                table!(joiner::HIGH),
                table!(joiner::LOW),
            );
            let eq = |v, b: u8| _mm512_cmpeq_epi8_mask(v, splat!(b));
            // D9 94, and D9 8B if tanwin stays
            let mark = eq(byte, 0xD9) & (eq(next, 0x94) | if tanwin { eq(next, 0x8B) } else { 0 });
            let mut out = Classes {
                letter: any(l, 0x7F),
                joiner: any(j, 0x7F),
                digit: any(l, letter::DIGIT),
                mark,
                space: eq(byte, b' '),
                newline: eq(byte, b'\n'),
                // `. : ! )`: the byte the table has for its low nibble (bytes from 80 read 0).
                closer: _mm512_cmpeq_epi8_mask(_mm512_shuffle_epi8(table!(CLOSERS), byte), byte),
                comma: any(j, joiner::COMMA),
                // E2 80 8C
                zwnj: eq(byte, 0xE2) & eq(next, 0x80) & eq(after, 0x8C),
                arabic: any(l, letter::ARABIC),
                ..Classes::default()
            };
            if SUFFIX {
                let s = products(
                    table!(suffix::LEAD),
                    table!(suffix::HIGH),
                    table!(suffix::LOW),
                );
                out.first = any(s, suffix::FIRST);
                out.second = any(s, suffix::SECOND);
                out.mim = any(s, suffix::MIM);
                out.ye = any(s, suffix::YE);
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Letters;
    use crate::normalize::engine::tables::{PLAIN, PLAIN_JOINER, PLAIN_LETTER};
    use proptest::strategy::Strategy;

    /// The bits `lead cont` has in the tables `(lead, high, low)`.
    fn bits(tables: (&[u8; 16], &[u8; 16], &[u8; 16]), lead: u8, cont: u8) -> u8 {
        if lead & 0xFC != 0xD8 {
            return 0;
        }
        tables.0[usize::from(lead & 0xF)]
            & tables.1[usize::from(cont >> 4)]
            & tables.2[usize::from(cont & 0xF)]
    }

    fn letter_bits(lead: u8, cont: u8) -> u8 {
        bits((&letter::LEAD, &letter::HIGH, &letter::LOW), lead, cont)
    }

    fn joiner_bits(lead: u8, cont: u8) -> u8 {
        bits((&joiner::LEAD, &joiner::HIGH, &joiner::LOW), lead, cont)
    }

    /// Is `lead cont` one of the quiet letters (the Arabic forms included)?
    fn is_letter(lead: u8, cont: u8) -> bool {
        letter_bits(lead, cont) & !letter::DIGIT != 0
    }

    /// Is `lead cont` one of the Arabic forms `ي ى ك`?
    fn is_arabic(lead: u8, cont: u8) -> bool {
        letter_bits(lead, cont) & letter::ARABIC != 0
    }

    /// Is `lead cont` one of the quiet letters that join the letter after them?
    fn is_joiner(lead: u8, cont: u8) -> bool {
        joiner_bits(lead, cont) & !joiner::COMMA != 0
    }

    /// Is `lead cont` a Persian digit?
    fn is_digit(lead: u8, cont: u8) -> bool {
        letter_bits(lead, cont) & letter::DIGIT != 0
    }

    /// Is `lead cont` the Arabic comma?
    fn is_comma(lead: u8, cont: u8) -> bool {
        joiner_bits(lead, cont) & joiner::COMMA != 0
    }

    /// The suffix tables hold exactly the letters they name.
    #[test]
    fn suffix_letters_are_the_letters_named() {
        let tables = (&suffix::LEAD, &suffix::HIGH, &suffix::LOW);
        for lead in 0..=255u8 {
            for cont in 0..=255u8 {
                let pair = [lead, cont];
                let c = std::str::from_utf8(&pair)
                    .ok()
                    .and_then(|s| s.chars().next());
                let is = |set: &str| c.is_some_and(|c| set.contains(c));
                let b = bits(tables, lead, cont);
                assert_eq!(b & suffix::FIRST != 0, is("هتامش"), "{lead:X} {cont:X}");
                assert_eq!(b & suffix::SECOND != 0, is("اریمتشن"), "{lead:X} {cont:X}");
                assert_eq!(b & suffix::MIM != 0, is("م"), "{lead:X} {cont:X}");
                assert_eq!(b & suffix::YE != 0, is("ی"), "{lead:X} {cont:X}");
            }
        }
    }

    #[test]
    fn quiet_letters_are_letters_the_letters_step_keeps() {
        let plain = &PLAIN[Letters::Persian as usize];
        for lead in 0..=255u8 {
            for cont in 0..=255u8 {
                let class = match (lead, cont) {
                    (0xD8..=0xDB, 0x80..=0xBF) => {
                        plain[(usize::from(lead - 0xD8) << 8) | usize::from(cont)]
                    }
                    _ => 0,
                };
                let pair = [lead, cont];
                let c = std::str::from_utf8(&pair)
                    .ok()
                    .and_then(|s| s.chars().next());
                let arabic = matches!(c, Some('ي' | 'ى' | 'ك'));
                assert_eq!(is_arabic(lead, cont), arabic, "{lead:X} {cont:X}");
                if is_letter(lead, cont) {
                    assert!(arabic || class & PLAIN_LETTER != 0, "{lead:X} {cont:X}");
                }
                if is_joiner(lead, cont) {
                    assert!(
                        is_letter(lead, cont) && (arabic || class == PLAIN_JOINER),
                        "{lead:X} {cont:X}"
                    );
                }
                assert_eq!(
                    is_digit(lead, cont),
                    c.is_some_and(|c| ('۰'..='۹').contains(&c)),
                    "{lead:X} {cont:X}"
                );
                assert_eq!(is_comma(lead, cont), c == Some('،'), "{lead:X} {cont:X}");
            }
        }
        // The common letters are all in, and the joiners among them.
        for c in "ءآأؤئابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهۀی".chars()
        {
            let mut b = [0; 4];
            let b = c.encode_utf8(&mut b).as_bytes();
            assert!(is_letter(b[0], b[1]), "{c}");
            let joins = !"ءآأؤادذرزژوۀ".contains(c);
            assert_eq!(is_joiner(b[0], b[1]), joins, "{c}");
        }
    }

    /// The kernels this processor can run: the best, and AVX2 beside AVX-512 where it has
    /// both.
    fn available() -> Vec<Simd> {
        let mut all: Vec<Simd> = SIMD.iter().copied().collect();
        #[cfg(target_arch = "x86_64")]
        if *SIMD == Some(Simd::Avx512) && std::arch::is_x86_feature_detected!("avx2") {
            all.push(Simd::Avx2);
        }
        all
    }

    /// Every class of a window, to compare.
    fn all(c: Classes) -> [u64; 14] {
        [
            c.letter, c.joiner, c.digit, c.mark, c.space, c.newline, c.closer, c.comma, c.zwnj,
            c.arabic, c.first, c.second, c.mim, c.ye,
        ]
    }

    /// The two kernels find the same classes in every window, suffix letters or not, tanwin
    /// or not.
    fn same_classes(window: &[u8; READ]) {
        if available().len() < 2 {
            return;
        }
        for tanwin in [false, true] {
            let allow = Allow {
                digits: true,
                tanwin,
            };
            let (wide, narrow) = (
                Kernel {
                    allow,
                    simd: Simd::Avx512,
                },
                Kernel {
                    allow,
                    simd: Simd::Avx2,
                },
            );
            assert_eq!(
                all(wide.classes::<true>(window)),
                all(narrow.classes::<true>(window)),
                "{window:X?}"
            );
            assert_eq!(
                all(wide.classes::<false>(window)),
                all(narrow.classes::<false>(window)),
                "{window:X?}"
            );
        }
    }

    #[test]
    fn both_kernels_classify_the_seed_article_alike() {
        let text = include_str!("../../../tests/data/seed-article.txt");
        let normalized = include_str!("../../../tests/data/seed-article.normalized.txt");
        for text in [text, normalized] {
            for w in text.as_bytes().windows(READ) {
                same_classes(w.try_into().expect("a window"));
            }
        }
    }

    proptest::proptest! {
        /// Any bytes, and bytes drawn from what the classes tell apart.
        #[test]
        fn both_kernels_classify_any_window_alike(
            any in proptest::collection::vec(proptest::arbitrary::any::<u8>(), READ),
            near in proptest::collection::vec(proptest::sample::select(&[
                0xD8, 0xD9, 0xDA, 0xDB, 0xE2, 0x80, 0x8C, 0x8B, 0x94, 0x83, 0x89, 0x8A, 0xA7,
                0xB0, 0xB9, 0xBE, 0xAF, 0x85, 0x87, b' ', b'\n', b'.', b':', b'!', b')', b'a',
            ][..]), READ),
        ) {
            same_classes(any.as_slice().try_into().expect("a window"));
            same_classes(near.as_slice().try_into().expect("a window"));
        }
    }

    /// The obvious version of [`Kernel::quiet_end`]: a character at a time, each with its
    /// neighbours.
    fn reference(text: &str, start: usize, lookback: bool, allow: Allow) -> usize {
        let class = |c: Option<char>, f: fn(u8, u8) -> bool| {
            // The Arabic forms the letters step replaces are joining letters here (the tables
            // say so for them too, but the reference reads them as what they become).
            let c = c.map(|c| {
                crate::normalize::letters::persian_letter(c, Letters::Persian)
                    .filter(|_| matches!(c, 'ي' | 'ى' | 'ك'))
                    .unwrap_or(c)
            });
            c.is_some_and(|c| {
                let mut b = [0; 4];
                let b = c.encode_utf8(&mut b).as_bytes();
                b.len() == 2 && f(b[0], b[1])
            })
        };
        let mut before = if lookback {
            text[..start].chars().next_back()
        } else {
            None
        };
        let digits = allow.digits;
        let word_char = |c: Option<char>| class(c, is_letter) || (digits && class(c, is_digit));
        let mark =
            |c: Option<char>| c == Some('\u{0654}') || (allow.tanwin && c == Some('\u{064B}'));
        let closer = |c: Option<char>| matches!(c, Some('.' | ':' | '!' | ')' | '،'));
        let mut end = start;
        let mut chars = text[start..].chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            let quiet = match c {
                ' ' => (word_char(before) || closer(before) || mark(before)) && word_char(next),
                '\n' => {
                    (word_char(before) || closer(before) || mark(before) || before == Some('\n'))
                        && (word_char(next) || next == Some('\n'))
                }
                _ if mark(Some(c)) => class(before, is_letter) && matches!(next, Some(' ' | '\n')),
                crate::ZWNJ => class(before, is_joiner) && class(next, is_letter),
                _ if closer(Some(c)) => word_char(before) && matches!(next, Some(' ' | '\n')),
                _ if digits && class(Some(c), is_digit) => true,
                _ => class(Some(c), is_letter) && !(digits && class(before, is_digit)),
            };
            if !quiet {
                break;
            }
            end += c.len_utf8();
            before = Some(c);
        }
        end
    }

    /// What a run over `text[start..end]` reports: where the last line in it starts, and
    /// where the Arabic letter forms are.
    fn reference_report(text: &str, start: usize, end: usize) -> Report {
        let line = text[start..end].rfind('\n').map(|at| start + at + 1);
        let arabic = text[start..end]
            .char_indices()
            .filter(|&(_, c)| matches!(c, 'ي' | 'ى' | 'ك'))
            .map(|(k, _)| start + k)
            .collect();
        Report { line, arabic }
    }

    #[test]
    fn quiet_end_agrees_with_the_reference_from_every_start() {
        if SIMD.is_none() {
            eprintln!("no quiet-block kernel on this processor: nothing to test");
            return;
        }
        let long = "کتاب\u{200C}ها را ".repeat(30);
        let texts = [
            include_str!("../../../tests/data/seed-article.txt"),
            "می\u{200C}شود كتاب\u{200C}\u{200C}ها، ۱۲ abc\u{200C}د  ها \u{200C}ب ر\u{200C}ب ڀ ڌ ۆ",
            long.as_str(),
            "یک\u{200C}",
            "ب ",
            " ب",
            "در ۱۲ ماه. سال ۱۴۰۲، و ۳ب: گفت! (ب) یک ،ب . ب ۱. ۲ ۱ ۲، ب ۱:۲ ب  .",
            "خط یک.\nخط دو، و\n\nسه ۱۲\n ب \nب\n\n",
            "خانهٔ او اصلاً نه. هٔٔ هًٔ ٔب ه ٔ ی‌ٔ هٔ\nهٔ،",
            "كتاب يك ي ى\u{200C}ها ك\u{200C} ب\u{200C}ي مي\u{200C}شود يكي، ۱ي ي۱ كٔ",
        ];
        for text in texts {
            for start in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                for (lookback, digits, tanwin) in [
                    (false, true, true),
                    (true, true, true),
                    (true, false, false),
                ] {
                    let allow = Allow { digits, tanwin };
                    for simd in available() {
                        let kernel = Kernel { allow, simd };
                        let mut report = Report::default();
                        let bytes = text.as_bytes();
                        let end = kernel.quiet_end(bytes, start, usize::MAX, lookback, &mut report);
                        assert_eq!(
                            end,
                            reference(text, start, lookback, allow),
                            "{start} {allow:?} {lookback} {simd:?} in {text}"
                        );
                        assert_eq!(report, reference_report(text, start, end), "{start}");
                    }
                }
            }
        }
    }

    /// The normalizer's output and edit log on `text` with `n`, with the kernel or without it.
    fn run(text: &str, n: crate::Normalizer, kernel: bool) -> (String, String) {
        let mut sink = crate::offsets::OffsetSink::default();
        super::super::run_with(&n, text, &mut sink, kernel);
        let out = sink.finish(text);
        let edits = format!("{:?}", out.edits().collect::<Vec<_>>());
        (out.as_str().to_string(), edits)
    }

    /// The normalizer without restoration (where the kernel is used).
    fn off(text: &str, kernel: bool) -> (String, String) {
        let n = crate::Normalizer::builder()
            .spacing(crate::Spacing::Off)
            .build();
        run(text, n, kernel)
    }

    /// Settings of the other steps that change what is quiet, and restoration on.
    fn settings() -> Vec<crate::Normalizer> {
        use crate::{Diacritics, DigitPolicy, Digits, Normalizer, Spacing};
        let off = Normalizer::builder().spacing(Spacing::Off);
        vec![
            off.build(),
            off.diacritics(Diacritics::RemoveAll).build(),
            off.diacritics(Diacritics::Keep).build(),
            off.digits(DigitPolicy::To(Digits::Latin)).build(),
            off.digits(DigitPolicy::Keep).build(),
            off.punctuation_spacing(false)
                .whitespace(false)
                .zwnj(false)
                .build(),
            // Restoration on: the kernel stops where restoration has not planned yet.
            Normalizer::new(),
            Normalizer::builder().spacing(Spacing::Conservative).build(),
        ]
    }

    #[test]
    fn the_kernel_changes_no_output_on_the_seed_article() {
        if SIMD.is_none() {
            return;
        }
        let text = include_str!("../../../tests/data/seed-article.txt");
        // And the same text already normalized, where nearly everything is quiet, and typed
        // with Arabic letter forms.
        let clean = off(text, false).0;
        let arabic = clean.replace('ی', "ي").replace('ک', "ك");
        // With its ZWNJs restored: lines that use ZWNJs, which restoration scans many words
        // at a time.
        let normalized = include_str!("../../../tests/data/seed-article.normalized.txt");
        for text in [text, clean.as_str(), arabic.as_str(), normalized] {
            for n in settings() {
                assert_eq!(run(text, n, true), run(text, n, false));
            }
        }
    }

    /// Restoration's scan of lines that use ZWNJs, where it stops: each line joins a spaced
    /// suffix that the scan must leave to the per-word tests.
    #[test]
    fn the_scan_of_words_leaves_every_join_to_the_tests() {
        if SIMD.is_none() {
            return;
        }
        let long = "و ".repeat(40);
        let cases = [
            // A gap of two spaces, a no-break space, a ZWNJ beside the space.
            "کتاب‌ها و کتاب  ها.",
            "کتاب‌ها و کتاب\u{A0}ها.",
            "کتاب‌ها و کتاب\u{200C} ها.",
            // A suffix word that is not plain (Arabic ye): the word before it is planned.
            "کتاب‌ها و کتاب هاي",
            // One whose kashida the scan does not read past (it goes): the same.
            "کتاب‌ها و کتاب هـا",
            // Spaced suffixes and prefixes between plain words, after punctuation and
            // numbers, and past a window.
            "کتاب‌ها، علمی ها و برمی دارم",
            "کتاب‌ها و احتمالاً کتاب ها ۱۲ کتاب ها",
            &format!("کتاب‌ها {long}کتاب ها {long}می شود"),
            "خانه‌ها. رسانه ای، دانشگاه هایمان و کرده اند",
            // Marks after a word's last letter: read past, and read without.
            "کتاب‌ها و خیمهٔ کتاب ها.",
            "کتاب‌ها و میٔ شود",
            "کتاب‌ها و خانهٔ  ها",
            "کتاب‌ها اصلاً رسانه ای",
        ];
        for text in cases {
            let with = restored_alike(text);
            assert!(!with.contains(" ها") && !with.contains(" ای"), "{with}");
        }
    }

    /// The raw scan plans a word whose split the memo holds and goes on, unless the word
    /// after it may join it (then the full path plans it): after enough words for the memo,
    /// each ending follows such a word.
    #[test]
    fn the_scan_plans_the_splits_the_memo_holds() {
        if SIMD.is_none() {
            return;
        }
        let warm = warm_memo();
        let endings = [
            // Joined to the word after it, by the full path.
            "سرمایهگذاری ها و",
            "هیاتهای شان را",
            "سرمایهگذاری ها",
            "کتابها ها",
            "کتابها ۱۲ میشود",
            "کتابها «میشود»",
            "کتابها. میشود، کتابها",
            "کتابها هاي",
            "میشود سرمایه گذاری",
            "کتابها كتابها",
            "میشود",
            // A mark after a fused word (planned without it, as the full path plans it:
            // hamza above, tanwin, which the diacritics step keeps), or after a word before
            // a suffix, or between a word and a compound's part.
            "کتابهأ میشودٔ و اصلاً میشودً",
            "میشود خانهٔ ها کتابها",
            "کتابها سرمایهٔ گذاری میشود",
            // The last word of a run, planned by the scan (no word after it to join), also
            // before a full stop or a mark that ends the run.
            "کتابها و میشود.\nکتابها",
            "سرمایه میشود؟ کتابها",
            "کتابها میشود. «کتابها»",
            "کتابها میشودٔ «کتابها»",
        ];
        for ending in endings {
            let with = restored_alike(&format!("{warm}{ending}"));
            assert!(
                !with.contains("کتابها") && !with.contains("میشود"),
                "{ending}"
            );
        }
    }

    /// The scan skips a pair the memo holds apart, and only a pair decided apart by its two
    /// words: `سرنوشت ساز` stays apart on a line whose ZWNJs were deleted (the line's evidence
    /// is asked), and joins on a line whose ZWNJs became spaces.
    #[test]
    fn the_scan_skips_only_pairs_held_apart_by_their_words() {
        if SIMD.is_none() {
            return;
        }
        let warm = warm_memo();
        let fused = "کتابهای سرنوشت ساز را میخواند و";
        let spaced = "کتاب های سرنوشت ساز را می خواند و";
        for _ in 0..3 {
            let (with, _) = the_same_without_the_kernel(&format!("{warm}{fused}\n{spaced}"));
            assert!(
                with.ends_with("سرنوشت\u{200C}ساز را می\u{200C}خواند و"),
                "{with}"
            );
            assert!(with.contains("سرنوشت ساز"), "{with}");
        }
    }

    /// Text that fills restoration's memo (past its warm-up) with the splits of a few fused
    /// words, for the tests of what the scan does with what the memo holds.
    fn warm_memo() -> String {
        "کتابها و میشود که سرمایهگذاری و هیاتهای بهعنوان رسانهای ".repeat(120)
    }

    /// The default normalizer's output and edit log on `text`, with the kernel; the test
    /// fails unless they are the same without it.
    fn the_same_without_the_kernel(text: &str) -> (String, String) {
        let n = crate::Normalizer::new();
        let with = run(text, n, true);
        assert_eq!(with, run(text, n, false), "{text}");
        with
    }

    /// [`the_same_without_the_kernel`]'s output, in which restoration made an edit.
    fn restored_alike(text: &str) -> String {
        let (with, edits) = the_same_without_the_kernel(text);
        assert!(edits.contains("HalfSpace"), "{with}");
        with
    }

    /// Restoration's scan of lines without ZWNJs, where it stops: each line splits a fused
    /// word or joins a spaced pair that the scan must leave to the per-word tests, among
    /// plain words, punctuation, numbers, marks and window edges.
    #[test]
    fn the_scan_of_raw_words_leaves_every_decision_to_the_tests() {
        if SIMD.is_none() {
            return;
        }
        let long = "و ".repeat(40);
        let cases = [
            "او میگوید که کتابها را خواند.",
            "سرمایه گذاران، بین المللی و تعیین کننده",
            "کتاب ها ۱۲ کتابها و ۱۲ میشود",
            &format!("{long}میشود {long}سرمایه گذاری {long}خصوصی سازی"),
            &format!("{long}رسانهای که گفت. {long}خاطرهای تلخ"),
            // A word and the mark after it, a word with Arabic forms, a kashida.
            "اصلاً رسانه ای و خیمهٔ کتابها",
            "کتاب و كتابها و مـیشود",
            "پیش از این بهعنوان نخست وزیر، علی زاده گفت:",
            // A pair whose second word ends at punctuation, or at the end of the text.
            "سرمایه گذاران.",
            "سرمایه گذاران",
            "بی کاری، کم رنگ و اصول گرایان",
            // A run that ends after a word, before what the per-word tests read past: a
            // vowel mark the diacritics step removes, a gap of other whitespace.
            "سرمایه گذاری؟ کتاب َها",
            "سرمایه گذاری «او» کتاب\u{00A0}ها",
            "سرمایه گذاری (۱۲) کتاب\tها",
            // … or a word the kernel does not read (presentation forms).
            "سرمایه گذاری، کتاب ﻫﺎ",
        ];
        for text in cases {
            restored_alike(text);
        }
    }

    /// Restoration's scans go on across line ends into lines of the same kind (that use
    /// ZWNJs, or not) and stop before a line of the other kind, which is planned afresh: each
    /// text ends with a line whose words the scan must leave to the tests or the full path.
    #[test]
    fn the_scans_go_across_line_ends_into_lines_of_their_kind() {
        if SIMD.is_none() {
            return;
        }
        let warm = warm_memo();
        let long = "و ".repeat(40);
        let cases = [
            // Paragraphs that use ZWNJs, the last with a spaced suffix.
            "کتاب‌ها را خواند.\n\nمی‌شود که او گفت\nکتاب ها",
            &format!("کتاب‌ها {long}\n\n{long}خانهٔ\nاصلاً، {long}کتاب ها"),
            // A line that uses ZWNJs, then lines that do not (fused words split), and back.
            "کتاب‌ها را خواند.\nاو گفت میشود",
            "کتاب‌ها را خواند\n\nسرمایه گذاری و کتابها.\nکتاب‌ها و کتاب ها",
            "میشود کتابها\nرا خواند.\n\nکتاب‌ها و کتاب ها",
            // Raw lines, the last word of one line before a word of the next that would join
            // it on one line.
            &format!("{warm}\nکتابها\nها و میشود"),
            &format!("{warm}\nسرمایه\nگذاری و میشود"),
            &format!("{warm}\nاو گفت.\n\nکتابها ها"),
        ];
        for text in cases {
            let with = restored_alike(text);
            assert!(
                !with.contains("کتاب ها") && !with.contains("میشود") && !with.contains("کتابها"),
                "{with}"
            );
            assert!(
                !with.contains("کتاب‌ها‌\nها") && !with.contains("سرمایه‌\n"),
                "{with}"
            );
        }
    }

    /// The raw scan notes where the Arabic forms `ي ى ك` in the words it read start, and the
    /// engine replaces them as it skips the words, also around the splits the scan planned
    /// and across line ends.
    #[test]
    fn the_engine_replaces_the_arabic_forms_the_raw_scan_read() {
        if SIMD.is_none() {
            return;
        }
        let warm = warm_memo();
        let cases = [
            "يك كتاب براي او و يكي از آنها كه ميشود",
            &format!("{warm}كتاب يكي كتابها و ميشود كه\nيك روز كتابها را ديد."),
            &format!("{warm}\nكتابها ي ى ك\n\nو كتابهاي او، يكي"),
        ];
        for text in cases {
            let with = restored_alike(text);
            assert!(!with.contains(['ي', 'ى', 'ك']), "{with}");
        }
    }

    proptest::proptest! {
        /// Lines without ZWNJs, after enough text for restoration's memo to hold its splits:
        /// fused words it splits, spaced parts it joins, and what the raw scan stops at.
        #[test]
        fn the_raw_scan_changes_no_restoration_decision(
            words in proptest::collection::vec(proptest::prop_oneof![
                4 => "[\u{0627}-\u{063A}\u{0641}-\u{0648}\u{067E}\u{06A9}\u{06AF}\u{06CC}]{2,6}",
                4 => proptest::sample::select(&[
                    "کتابها", "میشود", "سرمایهگذاری", "هیاتهای", "بهعنوان", "رسانهای", "خاطرهای",
                    "ها", "های", "شان", "ای", "تر", "ترین", "می", "بی", "کاری", "سرمایه", "گذاری",
                    "بین", "المللی", "زاده", "سازی", "ی", "و", "که", "را", "از", "در",
                ][..]).prop_map(String::from),
                1 => proptest::sample::select(&[
                    "۱۲", "،", ".", "«ب»", "ً", "اصلاً", "خانهٔ", "كتابها", "ي", "\n", "  ",
                ][..]).prop_map(String::from),
            ], 5..60)
        ) {
            if SIMD.is_none() {
                return Ok(());
            }
            let text = format!("{}{}", warm_memo(), words.join(" "));
            let n = crate::Normalizer::new();
            proptest::prop_assert_eq!(run(&text, n, true), run(&text, n, false));
        }
    }

    proptest::proptest! {
        /// Prose-like text: the kernel's blocks, their edges and everything that ends them.
        #[test]
        fn the_kernel_changes_no_output(
            pieces in proptest::collection::vec(proptest::prop_oneof![
                8 => "[\u{0621}-\u{063A}\u{0641}-\u{0648}\u{067E}\u{0686}\u{0698}\u{06A9}\u{06AF}\u{06CC}\u{06C0}]{1,7}",
                2 => "[\u{0627}-\u{063A}\u{0641}-\u{064A}]{1,6}", // with ك ى ي
                4 => proptest::strategy::Just(" ".to_string()),
                1 => proptest::strategy::Just("\u{200C}".to_string()),
                1 => "[ \n]{1,2}",
                1 => "[\u{06F0}-\u{06F9}0-9]{1,3}",
                2 => "[.!:,;?()\u{060C}\u{061B}\u{061F}\u{00AB}\u{00BB}] ?",
                2 => "[\u{0654}\u{064B}\u{064E}][ \n]?",
                // What restoration acts on, spaced and fused.
                3 => proptest::sample::select(&[
                    "می", "نمی", "ها", "های", "تر", "ترین", "میشود", "بهعنوان", "سرمایه",
                    "گذاری", "کتابها", "رسانهای", "ای", "ام", "بین", "المللی",
                ][..]).prop_map(String::from),
                1 => "[\u{0643}\u{064A}\u{0649}\u{064B}-\u{0655}\u{0640}\u{0680}-\u{06BF}\u{06C0}-\u{06D3}a-z]",
                1 => proptest::arbitrary::any::<char>().prop_map(String::from),
            ], 0..60)
        ) {
            if SIMD.is_none() {
                return Ok(());
            }
            let text = pieces.concat();
            for n in settings() {
                proptest::prop_assert_eq!(run(&text, n, true), run(&text, n, false));
            }
        }
    }

    proptest::proptest! {
        /// Runs of plain words long enough for windows, between what restoration acts on.
        #[test]
        fn the_kernel_changes_no_restoration_decision(
            words in proptest::collection::vec(proptest::prop_oneof![
                8 => "[\u{0627}-\u{063A}\u{0641}-\u{0648}\u{067E}\u{06A9}\u{06AF}\u{06CC}]{2,6}",
                2 => "[\u{0627}-\u{063A}\u{0641}-\u{064A}]{2,6}", // with ك ى ي
                1 => proptest::sample::select(&[
                    "می", "نمی", "ها", "های", "ترین", "میشود", "بهعنوان", "کتابها", "رسانهای",
                    "بین", "المللی", "سرمایه", "گذاری", "شده", "است", "اند", "\n",
                ][..]).prop_map(String::from),
                // Lines that use ZWNJs, and what the scan of their words stops at.
                2 => proptest::sample::select(&[
                    "می\u{200C}شود", "کتاب\u{200C}ها", "ای", "ام", "اش", "این", "اما", "تا",
                    "ما", "مان", "تان", "شان", "علمی", "برمی", "تر", "۱۲", "،", ".", "ً",
                    "احتمالاً", "دو\u{200C}مرحله", "  ", "ي", "«ب»", "خانهٔ", "میٔ",
                ][..]).prop_map(String::from),
                // Lines without ZWNJs: compounds, prefixes and bound parts spaced and fused.
                1 => proptest::sample::select(&[
                    "بی", "کاری", "زاده", "پور", "سازی", "ی", "کننده", "تعیین", "نخست", "وزیر",
                    "اصول", "گرایان", "بهره", "برداران", "رسانه", "خاطرهای", "برمیدارم", "بر",
                    "سرمایهگذاری", "هیاتهای", "شان",
                ][..]).prop_map(String::from),
            ], 5..80)
        ) {
            if SIMD.is_none() {
                return Ok(());
            }
            let text = words.join(" ");
            for n in settings() {
                proptest::prop_assert_eq!(run(&text, n, true), run(&text, n, false));
            }
        }
    }
}
