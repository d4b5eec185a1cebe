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
