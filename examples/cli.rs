//! Command-line adapter: reads UTF-8 from standard input, writes to standard output.
//!
//! ```text
//! cargo run --release --example cli -- normalize < in.txt > out.txt
//! cargo run --release --example cli -- digits_to_latin < in.txt
//! ```
//!
//! Tasks: `normalize` (one output line per input line), `sentences` (one document per input
//! line; its sentences one per line, then an empty line), `tokens` (one sentence per line;
//! its tokens joined by TAB), `quotes` (the units of each article one per line, an empty line
//! between articles; one JSON array per line, offsets in code points), `digits_to_latin`,
//! `digits_to_persian`, `digits_to_arabic` (every digit converted, separators as written),
//! and the number tasks, one input per line and one output per line, an empty line when the
//! input is rejected: `number_to_words`, `words_to_number` (ASCII digits, `-`, `.`),
//! `add_ordinal`, `remove_ordinal`, `add_commas`, `remove_commas`, `remove_diacritics`. Input is processed line by line, so memory stays
//! bounded by the longest line. Invalid UTF-8 exits with status 1 and names the byte offset.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use persian_text::{
    Diacritics, DigitPolicy, Digits, Letters, Normalizer, Quote, QuoteDetector, QuoteKind, Spacing,
    Span, add_commas, add_ordinal, convert_digits, decimal_to_words, normalize, remove_commas,
    remove_ordinal, sentences, tokens, words_to_number,
};

const USAGE: &str = "usage: cli TASK < input\n\
tasks: normalize, sentences, tokens, quotes, digits_to_latin, digits_to_persian,
digits_to_arabic, number_to_words, words_to_number, add_ordinal, remove_ordinal, add_commas,
remove_commas, remove_diacritics";

fn main() -> ExitCode {
    let Some(task) = std::env::args().nth(1) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match task.as_str() {
        "normalize" => each_line(|line, out| out.write_all(normalize(line).as_bytes())),
        "digits_to_latin" => {
            each_line(|l, out| out.write_all(convert_digits(l, Digits::Latin).as_bytes()))
        }
        "digits_to_persian" => {
            each_line(|l, out| out.write_all(convert_digits(l, Digits::Persian).as_bytes()))
        }
        "digits_to_arabic" => {
            each_line(|l, out| out.write_all(convert_digits(l, Digits::ArabicIndic).as_bytes()))
        }
        "sentences" => each_line(|line, out| {
            for s in sentences(line) {
                out.write_all(s.text.as_bytes())?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }),
        "tokens" => each_line(|line, out| {
            for (k, t) in tokens(line).enumerate() {
                if k > 0 {
                    out.write_all(b"\t")?;
                }
                out.write_all(t.text.as_bytes())?;
            }
            Ok(())
        }),
        "quotes" => quotes_task(),
        "number_to_words" => {
            each_line(|l, out| out.write_all(decimal_to_words(l).unwrap_or_default().as_bytes()))
        }
        "words_to_number" => each_line(|l, out| {
            let value = words_to_number(l)
                .map(|n| n.to_string())
                .unwrap_or_default();
            out.write_all(value.as_bytes())
        }),
        "add_ordinal" => {
            each_line(|l, out| out.write_all(add_ordinal(l).unwrap_or_default().as_bytes()))
        }
        "remove_ordinal" => {
            each_line(|l, out| out.write_all(remove_ordinal(l).unwrap_or_default().as_bytes()))
        }
        "add_commas" => each_line(|l, out| out.write_all(add_commas(l).as_bytes())),
        "remove_commas" => each_line(|l, out| out.write_all(remove_commas(l).as_bytes())),
        "remove_diacritics" => {
            let n = Normalizer::builder()
                .letters(Letters::Keep)
                .digits(DigitPolicy::Keep)
                .diacritics(Diacritics::RemoveAll)
                .controls(false)
                .kashida(false)
                .zwnj(false)
                .whitespace(false)
                .punctuation_spacing(false)
                .punctuation(false)
                .digit_spacing(false)
                .spacing(Spacing::Off)
                .build();
            each_line(move |l, out| out.write_all(n.normalize(l).as_bytes()))
        }
        other => {
            eprintln!("cli: unknown task {other:?}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::BadUtf8 { offset }) => {
            eprintln!("cli: input is not valid UTF-8 (first bad byte at offset {offset})");
            ExitCode::FAILURE
        }
        // A closed pipe (`cli normalize | head`) is not an error worth a message.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("cli: {e}");
            ExitCode::FAILURE
        }
    }
}

enum Failure {
    BadUtf8 { offset: u64 },
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

/// Standard input, line by line, checked as UTF-8 with the byte offset of any bad sequence.
struct Lines {
    input: io::StdinLock<'static>,
    buf: Vec<u8>,
    offset: u64,
}

impl Lines {
    fn stdin() -> Lines {
        Lines {
            input: io::stdin().lock(),
            buf: Vec::new(),
            offset: 0,
        }
    }

    /// The next line without its `\n`, and whether it had one; `None` at the end.
    fn next_line(&mut self) -> Result<Option<(&str, bool)>, Failure> {
        self.buf.clear();
        if self.input.read_until(b'\n', &mut self.buf)? == 0 {
            return Ok(None);
        }
        let start = self.offset;
        self.offset += self.buf.len() as u64;
        let newline = self.buf.last() == Some(&b'\n');
        let body = &self.buf[..self.buf.len() - usize::from(newline)];
        let line = std::str::from_utf8(body).map_err(|e| Failure::BadUtf8 {
            offset: start + e.valid_up_to() as u64,
        })?;
        Ok(Some((line, newline)))
    }
}

fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// Calls `f` on each line of standard input (without its `\n`) and writes what it writes,
/// followed by the `\n` the input line had.
fn each_line(mut f: impl FnMut(&str, &mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
    let mut lines = Lines::stdin();
    let mut out = stdout();
    while let Some((line, newline)) = lines.next_line()? {
        f(line, &mut out)?;
        if newline {
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The `quotes` task: articles are runs of non-empty lines, separated by an empty line; each
/// input line gets one JSON array. Memory is bounded by the longest article.
fn quotes_task() -> Result<(), Failure> {
    let mut lines = Lines::stdin();
    let mut out = stdout();
    let mut article: Vec<String> = Vec::new();
    let flush = |article: &mut Vec<String>, out: &mut dyn Write| -> io::Result<()> {
        let units: Vec<&str> = article.iter().map(String::as_str).collect();
        for (unit, found) in units.iter().zip(QuoteDetector::new().article(&units)) {
            writeln!(out, "{}", quotes_json(unit, &units, &found))?;
        }
        article.clear();
        Ok(())
    };
    while let Some((line, _)) = lines.next_line()? {
        if line.trim().is_empty() {
            flush(&mut article, &mut out)?;
            writeln!(out, "[]")?;
        } else {
            article.push(line.replace(['\r', '\n'], " "));
        }
    }
    flush(&mut article, &mut out)?;
    out.flush()?;
    Ok(())
}

/// One unit's quotes as the evaluation contract wants them: code-point offsets.
fn quotes_json(unit: &str, units: &[&str], found: &[Quote<'_>]) -> String {
    let cp = |byte: usize| unit[..byte].chars().count();
    let range = |s: Option<Span<'_>>| {
        s.map_or("null".to_owned(), |s| {
            format!("[{},{}]", cp(s.start), cp(s.end()))
        })
    };
    let items: Vec<String> = found
        .iter()
        .map(|q| {
            let kind = match q.kind {
                QuoteKind::Direct => "direct_guillemet",
                QuoteKind::Colon => "colon",
                QuoteKind::Headline => "headline",
                _ => "indirect",
            };
            let resolved = q.resolved.map(|(k, s)| &units[k][s.range()]).or(q.speaker.map(|s| s.text)).unwrap_or("");
            format!(
                "{{\"speaker\":{},\"cue\":{},\"quote\":{},\"type\":\"{kind}\",\"resolved\":\"{}\"}}",
                range(q.speaker),
                range(q.cue),
                range(Some(q.content)),
                json_escape(resolved)
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}

fn json_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}
