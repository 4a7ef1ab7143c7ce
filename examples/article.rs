//! The main example: normalizes a real scraped news article and shows what changed.
//!
//! ```text
//! cargo run --release --example article            # the seed article embedded in the crate
//! cargo run --release --example article -- FILE    # any UTF-8 file
//! cargo run --release --example article -- -      # standard input
//! ```

use std::collections::BTreeMap;
use std::io::Read;
use std::process::ExitCode;

use persian_text::{Rule, normalize_with_offsets};

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

    let n = normalize_with_offsets(text);
    println!("{}", n.as_str());
    println!();
    println!("── edits by rule ──");
    let mut by_rule: BTreeMap<Rule, Vec<String>> = BTreeMap::new();
    for e in n.edits() {
        let before = &text[e.range.clone()];
        by_rule
            .entry(e.rule)
            .or_default()
            .push(format!("{before:?} → {:?}", e.replacement));
    }
    if by_rule.is_empty() {
        println!("(none: the text is already normal)");
    }
    for (rule, examples) in &by_rule {
        let shown: Vec<&str> = examples.iter().take(3).map(String::as_str).collect();
        println!(
            "{:<20} {:>5}   e.g. {}",
            format!("{rule:?}"),
            examples.len(),
            shown.join(", ")
        );
    }
    ExitCode::SUCCESS
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
