//! Corpora shared by the benches and `examples/throughput.rs`: real article text.
#![allow(dead_code)] // each user takes a subset

/// The raw seed article: scraped news, every ZWNJ lost (ours, see `tests/data`).
pub const SEED: &str = include_str!("../../tests/data/seed-article.txt");
/// Treebank news and prose, already clean (UD Persian, CC BY-SA 4.0: `benches/data/README.md`).
pub const UD: &str = include_str!("../data/ud-dev-articles.txt");

const MB: usize = 1 << 20;

/// ~1 MB of raw article text as scraped: the seed article and the treebank text with every
/// ZWNJ deleted, repeated.
pub fn article_raw() -> String {
    repeat_to(&format!("{SEED}\n\n{}", UD.replace('\u{200C}', "")), MB)
}

/// ~1 MB of already-normalized article text: the path that allocates nothing.
pub fn article_clean() -> String {
    let text = persian_text::normalize(&repeat_to(&format!("{SEED}\n\n{UD}"), MB)).into_owned();
    assert_eq!(
        persian_text::normalize(&text),
        text.as_str(),
        "the clean corpus is normal"
    );
    text
}

/// ~1 MB of the dirtiest common case: news typed with Arabic `ي ك` throughout, spaces before
/// commas and colons (as in much of the Fars News archive).
pub fn news_arabic_letters() -> String {
    let dirty = UD
        .replace('\u{200C}', "")
        .replace('ی', "ي")
        .replace('ک', "ك")
        .replace('،', " ،")
        .replace(':', " :");
    repeat_to(&dirty, MB)
}

/// `text` repeated, line-aligned, to at least `size` bytes.
pub fn repeat_to(text: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + text.len());
    while out.len() < size {
        out.push_str(text);
        out.push('\n');
    }
    out
}

/// The corpora every bench group runs on: (name, text).
pub fn corpora() -> Vec<(&'static str, String)> {
    vec![
        ("seed-article", SEED.to_owned()),
        ("article-raw-1mb", article_raw()),
        ("article-clean-1mb", article_clean()),
        ("news-arabic-letters-1mb", news_arabic_letters()),
    ]
}
