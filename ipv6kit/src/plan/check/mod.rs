//! The checks: each finding has a stable code (`P104`), a severity, a message, the location of
//! the prefix it is about, and a fix when one is obvious.
//!
//! | code | severity | what |
//! |------|----------|------|
//! | P001 | error    | host bits set (reported, never cleared) |
//! | P002 | error    | the same prefix twice |
//! | P003 | error    | outside every declared delegation |
//! | P004 | error    | written inside a prefix (TOML/JSON nesting) that does not contain it |
//! | P101 | warning  | a LAN that is not a /64 (SLAAC needs /64: RFC 4862 §5.5.3, RFC 7421) |
//! | P102 | warning  | a point-to-point link that is neither a /127 (RFC 6164) nor a /64 |
//! | P103 | warning  | a loopback that is not a /128 |
//! | P104 | warning  | a boundary not on a nibble (reverse DNS delegates per nibble; hard to read) |
//! | P105 | warning / note | a site smaller than a /56, or neither /48 nor /56 (RFC 6177, RIPE-690 §4.2) |
//! | P201 | from the registry | inside IANA special-purpose space (documentation, ULA, 6to4, ...) |
//! | P202 | error    | multicast space (ff00::/8, RFC 4291 §2.7) |
//! | P203 | warning  | a ULA whose global ID is not random (RFC 4193 §3.2) |
//! | P204 | warning  | a ULA in fc00::/8 (L = 0: not defined, RFC 4193 §3.1) |
//! | P301 | warning  | a static address whose IID is a modified EUI-64 (leaks a MAC: RFC 7721 §3) |
//! | P302 | warning  | a static address whose IID is reserved (RFC 5453) |
//! | P401 | note     | free space left in fragments too small for anything beside them |

mod hosts;
mod sizes;
mod special;
mod structure;

pub use special::{is_low_entropy_ula, ula_prefix, ula_prefix_rfc4193};

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use ipnet::Ipv6Net;

use super::model::{Location, Plan};
use crate::registry;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Severity {
    /// Wrong: the plan cannot be deployed as written.
    Error,
    /// Against guidance: probably a mistake.
    Warning,
    /// Worth knowing.
    Note,
}

impl Severity {
    /// `error`, `warning` or `note`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The stable identifier of a check. Codes are never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)] // each code is documented in the module table and by `Code::summary`.
pub enum Code {
    P001,
    P002,
    P003,
    P004,
    P101,
    P102,
    P103,
    P104,
    P105,
    P201,
    P202,
    P203,
    P204,
    P301,
    P302,
    P401,
}

impl Code {
    /// The code as text (`P104`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::P001 => "P001",
            Code::P002 => "P002",
            Code::P003 => "P003",
            Code::P004 => "P004",
            Code::P101 => "P101",
            Code::P102 => "P102",
            Code::P103 => "P103",
            Code::P104 => "P104",
            Code::P105 => "P105",
            Code::P201 => "P201",
            Code::P202 => "P202",
            Code::P203 => "P203",
            Code::P204 => "P204",
            Code::P301 => "P301",
            Code::P302 => "P302",
            Code::P401 => "P401",
        }
    }

    /// One line on what the check is about.
    pub const fn summary(self) -> &'static str {
        match self {
            Code::P001 => "host bits set",
            Code::P002 => "duplicate prefix",
            Code::P003 => "outside the declared delegation",
            Code::P004 => "not inside the prefix it is written under",
            Code::P101 => "LAN not a /64",
            Code::P102 => "point-to-point link neither /127 nor /64",
            Code::P103 => "loopback not a /128",
            Code::P104 => "boundary not on a nibble",
            Code::P105 => "site size against RFC 6177 and RIPE-690",
            Code::P201 => "special-purpose address space",
            Code::P202 => "multicast address space",
            Code::P203 => "ULA global ID not random",
            Code::P204 => "ULA with L = 0",
            Code::P301 => "static address with an EUI-64 IID",
            Code::P302 => "static address with a reserved IID",
            Code::P401 => "fragments too small to use",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding about one entry of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    /// Which check.
    pub code: Code,
    /// How bad.
    pub severity: Severity,
    /// The entry it is about: a tree index ([`Plan::entry`]).
    pub entry: usize,
    /// The entry's prefix as written.
    pub prefix: Ipv6Net,
    /// Where the entry was written.
    pub location: Location,
    /// What is wrong, in a sentence.
    pub message: String,
    /// What to write instead, when it is obvious.
    pub fix: Option<String>,
    /// Another place that matters (the first of two duplicates).
    pub related: Option<Location>,
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Summary {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
}

impl Summary {
    /// Counts `findings`.
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Note => s.notes += 1,
            }
        }
        s
    }
}

/// Runs every check against the IANA special-purpose registry ([`registry::ENTRIES`]).
///
/// Findings come sorted by location, then code. O(n log n) in the number of entries.
///
/// ```
/// use ipv6kit::plan::{check, parse, Code, Plan};
/// let plan = Plan::new(parse::text::parse("2001:db8:1::/48 [site]\n2001:db8:1:1::/60 [lan]\n").unwrap()).unwrap();
/// let codes: Vec<Code> = check::check(&plan).iter().map(|f| f.code).collect();
/// assert!(codes.contains(&Code::P101)); // a LAN that is a /60
/// ```
pub fn check(plan: &Plan) -> Vec<Finding> {
    check_with_registry(plan, registry::ENTRIES)
}

/// Runs every check against the given special-purpose table.
pub fn check_with_registry(plan: &Plan, special: &[registry::Entry]) -> Vec<Finding> {
    let mut out = Vec::new();
    structure::check(plan, &mut out);
    sizes::check(plan, &mut out);
    special::check(plan, special, &mut out);
    hosts::check(plan, &mut out);
    sizes::fragments(plan, &mut out);
    out.sort_by_key(|f| (f.location, f.entry, f.code));
    out
}

pub(crate) fn finding(plan: &Plan, entry: usize, code: Code, severity: Severity, message: String) -> Finding {
    let e = &plan[entry];
    Finding {
        code,
        severity,
        entry,
        prefix: e.prefix,
        location: e.location,
        message,
        fix: None,
        related: None,
    }
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;
    use crate::plan::parse::text;

    pub fn plan(t: &str) -> Plan {
        Plan::new(text::parse(t).unwrap()).unwrap()
    }

    /// (code, line) of every finding, with no registry.
    pub fn codes(t: &str) -> Vec<(Code, u32)> {
        check_with_registry(&plan(t), &[])
            .iter()
            .map(|f| (f.code, f.location.line))
            .collect()
    }
}
