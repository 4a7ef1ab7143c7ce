//! Integration tests: one binary, one module per concern.

mod golden;
mod normalize_cases;
mod numbers;
mod properties;
mod quotes;
mod segmentation;

/// The number of cases for a property test: `PROPTEST_CASES` if set (for long runs:
/// `PROPTEST_CASES=30000 cargo test --release properties`), else `default`.
pub(crate) fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
