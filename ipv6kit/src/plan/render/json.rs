//! The report as JSON, for tools: every entry with its tree position, size and utilisation,
//! and every finding.
//!
//! ```
//! use ipv6kit::plan::{check, parse, render, Plan};
//! let plan = Plan::new(parse::text::parse("2001:db8::/48 [site] hq\n2001:db8::/64 [lan]\n").unwrap()).unwrap();
//! let json = render::json::report(&plan, &check::check_with_registry(&plan, &[]));
//! let v: serde_json::Value = serde_json::from_str(&json).unwrap();
//! assert_eq!(v["prefixes"][1]["parent"], 0);
//! assert_eq!(v["prefixes"][0]["role"], "site");
//! assert_eq!(v["summary"]["errors"], 0);
//! assert_eq!(v["prefixes"][1]["reverse_zones"][0], "0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
//! ```

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::Serialize;

use crate::plan::check::{Finding, Summary};
use crate::plan::model::{Location, Plan, Role};
use crate::plan::space::utilisation;

#[derive(Serialize)]
struct Prefix<'a> {
    prefix: String,
    network: String,
    name: Option<&'a str>,
    role: Option<Role>,
    description: &'a str,
    tags: &'a [String],
    location: Location,
    parent: Option<usize>,
    depth: usize,
    utilisation: Option<f64>,
    reverse_zones: Vec<String>,
}

#[derive(Serialize)]
struct Report<'a> {
    summary: Summary,
    prefixes: Vec<Prefix<'a>>,
    findings: &'a [Finding],
}

/// The plan and its findings as a JSON document (pretty-printed).
///
/// `prefixes[i]` is tree entry `i` ([`Plan::entry`]); each finding's `entry` indexes it.
pub fn report(plan: &Plan, findings: &[Finding]) -> String {
    let mut depth: Vec<usize> = Vec::with_capacity(plan.len());
    let prefixes = plan
        .iter()
        .map(|(i, e)| {
            let parent = plan.parent(i);
            let d = parent.and_then(|p| depth.get(p)).map_or(0, |d| d + 1);
            depth.push(d);
            Prefix {
                prefix: e.prefix.to_string(),
                network: e.network().to_string(),
                name: e.name.as_deref(),
                role: e.role,
                description: &e.description,
                tags: &e.tags,
                location: e.location,
                parent,
                depth: d,
                utilisation: plan.children(i).next().map(|_| utilisation(plan, i)),
                reverse_zones: crate::dns::covering_zones(e.prefix)
                    .map(|(_, name)| name.as_str().to_string())
                    .collect(),
            }
        })
        .collect();
    let r = Report {
        summary: Summary::of(findings),
        prefixes,
        findings,
    };
    // Serializing plain structs of strings and numbers to a String cannot fail.
    serde_json::to_string_pretty(&r).unwrap_or_default()
}
