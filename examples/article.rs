//! The main example: normalizes a real scraped news article, shows what changed, and prints
//! its sentences and its quotations.
//!
//! ```text
//! cargo run --release --example article            # the seed article embedded in the crate
//! cargo run --release --example article -- FILE    # any UTF-8 file
//! cargo run --release --example article -- -      # standard input
//! ```

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::process::ExitCode;

use persian_text::{QuoteDetector, Rule, dates, normalize_with_offsets, numbers, sentences};

/// A real article from Persian news, as scraped: every half-space (ZWNJ) lost.
const SEED_ARTICLE: &str = include_str!("../tests/data/seed-article.txt");

fn main() -> ExitCode {
    let arg = std::env::args().nth(1);
    let owned;
    let text = match arg.as_deref() {
        None => SEED_ARTICLE,
        Some(path) => match read_input(path) {
            Ok(t) => {
                owned = t;
                &owned
            }
            Err(e) => {
                eprintln!("article: {e}");
                return ExitCode::FAILURE;
            }
        },
    };

    match report(text, &mut std::io::stdout().lock()) {
        // A closed pipe (`article | head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("article: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Writes the normalized text, then the edits grouped by rule with a few examples each: the
/// input word the edit is in, what the edit wrote, and the lexicon evidence for a restored
/// half-space.
fn report(text: &str, out: &mut impl Write) -> std::io::Result<()> {
    let n = normalize_with_offsets(text);
    writeln!(out, "{}", n.as_str())?;
    writeln!(out)?;
    writeln!(out, "── edits by rule ──")?;
    let mut by_rule: BTreeMap<Rule, Vec<String>> = BTreeMap::new();
    for e in n.edits() {
        let start = text[..e.range.start]
            .rfind([' ', '\n'])
            .map_or(0, |k| k + 1);
        let end = text[e.range.end..]
            .find([' ', '\n'])
            .map_or(text.len(), |k| e.range.end + k);
        let mut shown = format!(
            "{:?}: {:?} → {:?}",
            &text[start..end],
            &text[e.range.clone()],
            e.replacement
        );
        if let Some(evidence) = e.evidence {
            shown.push_str(&format!(" [{evidence}]"));
        }
        by_rule.entry(e.rule).or_default().push(shown);
    }
    if by_rule.is_empty() {
        writeln!(out, "(none: the text is already normal)")?;
    }
    for (rule, examples) in &by_rule {
        let shown: Vec<&str> = examples.iter().take(2).map(String::as_str).collect();
        writeln!(
            out,
            "{:<26} {:>4}   e.g. {}",
            format!("{rule:?}"),
            examples.len(),
            shown.join(", ")
        )?;
    }
    writeln!(out)?;
    writeln!(out, "── sentences ──")?;
    for (k, sentence) in sentences(n.as_str()).enumerate() {
        writeln!(out, "{:>3}. {}", k + 1, sentence.text)?;
    }
    writeln!(out)?;
    writeln!(out, "── quotes (speaker — cue — quote) ──")?;
    let units: Vec<&str> = n
        .as_str()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    for found in QuoteDetector::new().article(&units) {
        for q in found {
            let speaker = match (q.speaker, q.resolved) {
                (Some(s), Some((_, r))) => format!("{} (= {})", s.text, r.text),
                (Some(s), None) => s.text.to_owned(),
                (None, Some((_, r))) => format!("(= {})", r.text),
                (None, None) => "?".to_owned(),
            };
            let cue = q.cue.map_or("", |c| c.text);
            writeln!(out, "{speaker} — {cue} — {}", q.content.text)?;
        }
    }
    writeln!(out)?;
    writeln!(out, "── numbers and dates ──")?;
    for number in numbers(n.as_str()) {
        writeln!(
            out,
            "{:<24} {:?} = {}",
            number.text, number.kind, number.value
        )?;
    }
    for d in dates(text) {
        let g = d.date.to_gregorian().map_or("?".to_owned(), |g| {
            format!("{}-{:02}-{:02}", g.year, g.month, g.day)
        });
        writeln!(
            out,
            "{:<24} Jalali {}/{}/{} = {g}",
            d.text, d.date.year, d.date.month, d.date.day
        )?;
    }
    Ok(())
}

fn read_input(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    result.map_err(|e| format!("cannot read {path}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path} is not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}
