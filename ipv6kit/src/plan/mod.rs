//! Address plans: read them, check them against the RFCs and RIPE guidance, find free space,
//! size and renumber them, and show them as text, JSON or an SVG map. Feature `plan`.
//!
//! A plan is a set of prefixes with an optional [`Role`], a name, a description and tags.
//! The tree comes from containment alone: the flat list of the issue
//!
//! ```text
//! ::/0  the Internet
//! 2001:db8:ebbd::/48  my house network
//! 2001:db8:ebbd:9900::/56  my DMZ network
//! 2001:db8:ebbd:9908::/62  the LAN ports of R2 (unused; DHCPv6-PD allocates them)
//! 2001:db8:ebbd:990a::/64  the LAN ports of R1, out in NAT-land
//! ```
//!
//! nests the /64 in the /62 in the /56 in the /48 under `::/0`.
//!
//! - [`parse`]: plain text ([`parse::text`]), TOML ([`parse::toml`]) and JSON
//!   ([`parse::json`]); errors are located (line and column).
//! - [`check`]: the checks, each with a stable code (`P001`…`P401`), a severity, a message,
//!   the location and a fix when one is obvious.
//! - [`space`]: free space, next free prefix, utilisation, the smallest delegation that holds
//!   a node's contents, renumbering, reverse-DNS zones (through [`crate::dns`]).
//! - [`render`]: text report, JSON, SVG map.
//!
//! ```
//! use ipv6kit::plan::{check, parse, render, Plan};
//!
//! let plan = Plan::new(parse::text::parse("2001:db8:ebbd::/48 [delegation]\n2001:db8:ebbd:1::/60 [lan] guests\n")?)?;
//! let findings = check::check(&plan);
//! assert!(findings.iter().any(|f| f.code == check::Code::P101)); // a LAN is a /64
//! let report = render::text::report(&plan, &findings, &render::ReportOptions::default());
//! assert!(report.contains("warning[P101]"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod check;
pub mod model;
pub mod parse;
pub mod render;
pub mod space;

pub use check::{Code, Finding, Severity};
pub use model::{Entry, Location, Plan, Role};
pub use parse::ParseError;

use alloc::vec::Vec;

/// The format of a plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text ([`parse::text`]).
    Text,
    /// TOML ([`parse::toml`]).
    Toml,
    /// JSON ([`parse::json`]).
    Json,
}

impl Format {
    /// The format a file name's extension says (`.toml`, `.json`; anything else is text).
    pub fn from_file_name(name: &str) -> Format {
        let lower = name.rsplit('.').next().unwrap_or("");
        if lower.eq_ignore_ascii_case("toml") {
            Format::Toml
        } else if lower.eq_ignore_ascii_case("json") {
            Format::Json
        } else {
            Format::Text
        }
    }
}

/// Parses `input` in whichever format it is written in, and says which.
///
/// JSON when the first non-blank character is `{`; otherwise plain text, and TOML when the
/// text reader refuses it. When no format reads it, the error is the one of the format the
/// input looks most like (JSON for `{`, else text), so its location points at the problem.
///
/// ```
/// use ipv6kit::plan::{read_auto, Format};
/// let (_, f) = read_auto("2001:db8:ebbd::/48 my house network\n").unwrap();
/// assert_eq!(f, Format::Text);
/// let (_, f) = read_auto("[[prefix]]\nprefix = \"2001:db8::/48\"\n").unwrap();
/// assert_eq!(f, Format::Toml);
/// ```
pub fn read_auto(input: &str) -> Result<(Plan, Format), ParseError> {
    if input.trim_start().starts_with('{') {
        return read(input, Format::Json).map(|p| (p, Format::Json));
    }
    match read(input, Format::Text) {
        Ok(p) => Ok((p, Format::Text)),
        Err(text_error) => read(input, Format::Toml)
            .map(|p| (p, Format::Toml))
            .map_err(|_| text_error),
    }
}

/// Parses `input` in `format` and builds the plan.
pub fn read(input: &str, format: Format) -> Result<Plan, ParseError> {
    let entries: Vec<Entry> = match format {
        Format::Text => parse::text::parse(input)?,
        Format::Toml => parse::toml::parse(input)?,
        Format::Json => parse::json::parse(input)?,
    };
    let last = entries.last().map(|e| e.location).unwrap_or_default();
    Plan::new(entries).map_err(|_| ParseError::TooMany { location: last })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_auto_tells_the_formats_apart() {
        let house = include_str!("../../../examples/plans/house.txt");
        let campus = include_str!("../../../examples/plans/campus.toml");
        assert_eq!(read_auto(house).map(|(_, f)| f), Ok(Format::Text));
        assert_eq!(read_auto(campus).map(|(_, f)| f), Ok(Format::Toml));
        let json = r#"{"prefix": [{"prefix": "2001:db8::/48", "description": "site"}]}"#;
        assert_eq!(read_auto(json).map(|(p, f)| (p.len(), f)), Ok((1, Format::Json)));
        // Nothing reads it: the text reader's error, located on line 2.
        let bad = "2001:db8::/48 fine\nnot a prefix at all\n";
        let err = read_auto(bad).map(|_| ()).unwrap_err();
        assert_eq!(Some(&err), read(bad, Format::Text).err().as_ref());
        assert_eq!(err.location().line, 2);
    }
}
