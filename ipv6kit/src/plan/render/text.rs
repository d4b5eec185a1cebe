//! The text report: the tree with sizes, roles, utilisation and findings, then each finding
//! explained the way a compiler would.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use super::percent;
use crate::plan::check::{Finding, Severity, Summary};
use crate::plan::model::Plan;
use crate::plan::space::{size_text, smallest_delegation, utilisation};

/// How to write the report. The caller decides about colour (for example: colour when
/// standard output is a terminal and `NO_COLOR` is unset).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Use ANSI colours.
    pub color: bool,
    /// The file name to show before locations (`house.txt:4:5`); `plan` if `None`.
    pub source: Option<String>,
}

/// The report sizes at most this many nodes.
pub const MAX_SIZING: usize = 20;

const RESET: &str = "\x1b[0m";

fn colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Note => "\x1b[1;36m",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    alloc::format!("{n} {}", if n == 1 { one } else { many })
}

/// The report of `plan` and its `findings`: a summary line, the tree (size, utilisation and
/// finding codes on each line), what each node's contents need ([`smallest_delegation`]),
/// then each finding with its location and fix (as [`check`](crate::plan::check::check) returns
/// them).
///
/// ```
/// use ipv6kit::plan::{check, parse, render, Plan};
/// let plan = Plan::new(parse::text::parse("2001:db8:ebbd:9900::/56 DMZ\n2001:db8:ebbd:9908::/62 [pool] R2\n").unwrap()).unwrap();
/// let findings = check::check_with_registry(&plan, &[]);
/// let report = render::text::report(&plan, &findings, &render::ReportOptions::default());
/// assert_eq!(report, "\
/// plan: 2 prefixes, 0 errors, 1 warning, 0 notes
///
/// 2001:db8:ebbd:9900::/56  DMZ  · 256 /64s, 1.56% used
/// └─ 2001:db8:ebbd:9908::/62  [pool]  R2  · 4 /64s  · P104
///
/// sizing:
///   2001:db8:ebbd:9900::/56 holds 1 × /62: renumbered, it fits in a /62 (a /60 on a nibble boundary); as numbered, in 2001:db8:ebbd:9908::/62
///
/// warning[P104]: 2001:db8:ebbd:9908::/62 ends at bit 62, not on a nibble: its reverse DNS is 4 zones of /64 (or part of a /60), and its boundary does not show in the written address
///   --> plan:2:1
///   = fix: use a /60 or a /64
/// ");
/// ```
pub fn report(plan: &Plan, findings: &[Finding], options: &ReportOptions) -> String {
    let source = options.source.as_deref().unwrap_or("plan");
    let mut out = String::new();
    let s = Summary::of(findings);
    let _ = writeln!(
        out,
        "{source}: {}, {}, {}, {}\n",
        plural(plan.len(), "prefix", "prefixes"),
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.notes, "note", "notes"),
    );
    // Findings per entry (they come sorted by location, not by entry).
    let mut by_entry: Vec<(usize, usize)> = findings.iter().enumerate().map(|(k, f)| (f.entry, k)).collect();
    by_entry.sort_unstable();
    let mut next_finding = 0;
    // The branches of the open ancestors: true when that ancestor was its parent's last child.
    let mut open: Vec<(usize, bool)> = Vec::new();
    let n = plan.len();
    for (i, e) in plan.iter() {
        while open.last().is_some_and(|&(a, _)| plan.subtree_end(a) <= i) {
            open.pop();
        }
        let last = plan.subtree_end(i) >= open.last().map_or(n, |&(a, _)| plan.subtree_end(a));
        if let Some((_, rest)) = open.split_first() {
            for &(_, was_last) in rest {
                out.push_str(if was_last { "   " } else { "│  " });
            }
            out.push_str(if last { "└─ " } else { "├─ " });
        }
        let _ = write!(out, "{}", e.prefix);
        if let Some(r) = e.role {
            let _ = write!(out, "  [{r}]");
        }
        match (&e.name, e.description.is_empty()) {
            (Some(name), true) => {
                let _ = write!(out, "  {name}");
            }
            (Some(name), false) => {
                let _ = write!(out, "  {name} — {}", e.description);
            }
            (None, false) => {
                let _ = write!(out, "  {}", e.description);
            }
            (None, true) => {}
        }
        let _ = write!(out, "  · {}", size_text(e.prefix.prefix_len()));
        if plan.children(i).next().is_some() {
            let _ = write!(out, ", {} used", percent(utilisation(plan, i)));
        }
        while by_entry.get(next_finding).is_some_and(|&(entry, _)| entry < i) {
            next_finding += 1;
        }
        let mut first = true;
        while let Some(&(_, k)) = by_entry.get(next_finding).filter(|&&(entry, _)| entry == i) {
            let f = &findings[k];
            out.push_str(if first { "  · " } else { " " });
            first = false;
            if options.color {
                let _ = write!(out, "{}{}{RESET}", colour(f.severity), f.code);
            } else {
                let _ = write!(out, "{}", f.code);
            }
            next_finding += 1;
        }
        out.push('\n');
        open.push((i, last));
    }
    // What each node's contents need (the first MAX_SIZING nodes with children).
    let mut sized = 0;
    for i in 0..n {
        if let Some(s) = smallest_delegation(plan, i) {
            if sized == 0 {
                out.push_str("\nsizing:\n");
            }
            if sized < MAX_SIZING {
                let _ = writeln!(out, "  {s}");
            }
            sized += 1;
        }
    }
    if sized > MAX_SIZING {
        let _ = writeln!(out, "  … and {} more", sized - MAX_SIZING);
    }
    for f in findings {
        out.push('\n');
        if options.color {
            let _ = write!(out, "{}{}[{}]{RESET}", colour(f.severity), f.severity, f.code);
        } else {
            let _ = write!(out, "{}[{}]", f.severity, f.code);
        }
        let _ = writeln!(out, ": {}", f.message);
        let _ = writeln!(out, "  --> {source}:{}", f.location);
        if let Some(r) = f.related {
            let _ = writeln!(out, "  = first written at {source}:{r}");
        }
        if let Some(fix) = &f.fix {
            let _ = writeln!(out, "  = fix: {fix}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::check::check_with_registry;
    use crate::plan::parse::text::parse;

    #[test]
    fn branches_and_colour() {
        let plan = Plan::new(
            parse("2001:db8::/32\n2001:db8:1::/48 a\n2001:db8:1:1::/64 [lan]\n2001:db8:1:2::/64\n2001:db8:2::/48 b\nfd3c:9a41:2b77::/48\n").unwrap(),
        )
        .unwrap();
        let r = report(
            &plan,
            &[],
            &ReportOptions {
                color: false,
                source: Some("x.txt".into()),
            },
        );
        assert_eq!(
            r,
            "x.txt: 6 prefixes, 0 errors, 0 warnings, 0 notes\n\n\
             2001:db8::/32  · 2^32 /64s, <0.01% used\n\
             ├─ 2001:db8:1::/48  a  · 65536 /64s, <0.01% used\n\
             │  ├─ 2001:db8:1:1::/64  [lan]  · 1 /64\n\
             │  └─ 2001:db8:1:2::/64  · 1 /64\n\
             └─ 2001:db8:2::/48  b  · 65536 /64s\n\
             fd3c:9a41:2b77::/48  · 65536 /64s\n\n\
             sizing:\n  \
             2001:db8::/32 holds 2 × /48: renumbered, they fit in a /47 (a /44 on a nibble boundary); \
             as numbered, in 2001:db8::/46\n  \
             2001:db8:1::/48 holds 2 × /64: renumbered, they fit in a /63 (a /60 on a nibble boundary); \
             as numbered, in 2001:db8:1::/62\n"
        );
        let plan = Plan::new(parse("2001:db8::1/64 [lan]\n").unwrap()).unwrap();
        let f = check_with_registry(&plan, &[]);
        let r = report(
            &plan,
            &f,
            &ReportOptions {
                color: true,
                source: None,
            },
        );
        assert!(r.contains("· \x1b[1;31mP001\x1b[0m\n"), "{r}");
        assert!(r.contains("\x1b[1;31merror[P001]\x1b[0m: "), "{r}");
        assert!(!report(&plan, &f, &ReportOptions::default()).contains('\x1b'));
    }
}
