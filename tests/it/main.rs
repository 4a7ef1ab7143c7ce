//! Integration tests: one binary, one module per concern.

mod golden;
mod normalize_cases;
mod numbers;
mod properties;
mod quotes;
mod segmentation;
