//! Integration tests: one binary, one module per concern.

mod golden;
mod normalize_cases;
mod properties;
mod quotes;
mod segmentation;
