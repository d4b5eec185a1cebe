//! Showing a checked plan: a text report ([`text`]), JSON for tools ([`json`]), and an SVG
//! map of the address space ([`svg`]).

pub mod json;
pub mod svg;
pub mod text;

pub use text::ReportOptions;

/// A share as a percentage the way the report prints it: `25%`, `1.56%`, `<0.01%`, `0%`.
pub fn percent(share: f64) -> alloc::string::String {
    let p = share * 100.0;
    if p <= 0.0 {
        "0%".into()
    } else if p < 0.005 {
        "<0.01%".into()
    } else {
        let s = alloc::format!("{p:.2}");
        let s = s.strip_suffix(".00").unwrap_or(&s);
        alloc::format!("{s}%")
    }
}
