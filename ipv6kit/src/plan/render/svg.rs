//! An SVG map of the address space: nested prefixes as nested boxes, free space as dashed
//! boxes, findings marked by the box's outline (red error, amber warning, blue note) with the
//! messages in a tooltip.
//!
//! Widths are on a log scale: inside its parent, a prefix of 2^k addresses gets a share
//! proportional to k + 1, and each free gap half of that. Linearly a /64 inside a /48 would be
//! 1/65536 of it, invisible; on this scale it is 65 against the /48's free gaps of 32 to
//! 40. The order along the box is address order. Boxes narrower than a pixel are not drawn
//! (nor their contents), so any plan gives a drawing of bounded size.
//!
//! ```
//! use ipv6kit::plan::{check, parse, render, Plan};
//! let plan = Plan::new(parse::text::parse("2001:db8::/48\n2001:db8::/64 [lan]\n").unwrap()).unwrap();
//! let svg = render::svg::map(&plan, &check::check_with_registry(&plan, &[]), &render::svg::SvgOptions::default());
//! assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>\n"));
//! assert!(svg.contains(">2001:db8::/64</text>"));
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use crate::plan::check::{Finding, Severity};
use crate::plan::model::{range, Plan, Role};
use crate::plan::space::gaps;

/// How to draw the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SvgOptions {
    /// Width of the drawing in pixels.
    pub width: f64,
}

impl Default for SvgOptions {
    fn default() -> SvgOptions {
        SvgOptions { width: 1000.0 }
    }
}

const HEADER: f64 = 18.0;
const PAD: f64 = 3.0;
const LEAF: f64 = 28.0;
const CHAR: f64 = 6.2;

fn fill(role: Option<Role>) -> &'static str {
    match role {
        Some(Role::Delegation) => "#e3ebf7",
        Some(Role::Site) => "#d6e6f5",
        Some(Role::Lan) => "#d8f0d8",
        Some(Role::Link) => "#f6e5c8",
        Some(Role::Loopback) => "#e8daf5",
        Some(Role::Pool) => "#f8f1c4",
        Some(Role::Reserved) => "#e6e6e6",
        Some(Role::Host) => "#f5d5d5",
        None => "#ffffff",
    }
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
}

/// `text` cut to what fits in `width` pixels.
fn fit(text: &str, width: f64) -> Option<String> {
    let room = ((width - 4.0) / CHAR) as usize;
    if room < 3 {
        return None;
    }
    let n = text.chars().count();
    Some(if n <= room {
        text.into()
    } else {
        text.chars().take(room - 1).chain(core::iter::once('…')).collect()
    })
}

/// log2 of a block's size + 1: the block's weight on the map.
fn weight_of_span(first: u128, last: u128) -> f64 {
    let span = last - first; // size − 1
    f64::from(128 - span.leading_zeros()) + 1.0
}

enum Item {
    Node(usize),
    Free(u128, u128),
}

/// The map of `plan` with its `findings` marked.
pub fn map(plan: &Plan, findings: &[Finding], options: &SvgOptions) -> String {
    let entries = plan;
    let mut worst: Vec<Option<Severity>> = alloc::vec![None; entries.len()];
    let mut notes: Vec<Vec<usize>> = alloc::vec![Vec::new(); entries.len()];
    for (k, f) in findings.iter().enumerate() {
        if let (Some(w), Some(n)) = (worst.get_mut(f.entry), notes.get_mut(f.entry)) {
            *w = Some(w.map_or(f.severity, |s| s.min(f.severity)));
            n.push(k);
        }
    }
    let mut max_depth = 0;
    let mut depth = alloc::vec![0usize; entries.len()];
    for i in 0..entries.len() {
        depth[i] = plan.parent(i).map_or(0, |p| depth[p] + 1);
        max_depth = max_depth.max(depth[i]);
    }
    let width = options.width.max(100.0);
    let height = 2.0 * PAD + (max_depth as f64 + 1.0) * (HEADER + PAD) + LEAF;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"monospace\" font-size=\"10\">"
    );
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"#fafafa\"/>");
    // (items, x, y, w, h) still to lay out.
    let roots: Vec<Item> = plan.roots().map(Item::Node).collect();
    let mut todo: Vec<(Vec<Item>, f64, f64, f64, f64)> =
        alloc::vec![(roots, PAD, PAD, width - 2.0 * PAD, height - 2.0 * PAD)];
    while let Some((items, x, y, w, h)) = todo.pop() {
        let weights: Vec<f64> = items
            .iter()
            .map(|it| match it {
                Item::Node(i) => {
                    let (a, b) = range(entries[*i].prefix);
                    weight_of_span(a, b)
                }
                // Free space counts half: the plan's own prefixes get the room.
                Item::Free(a, b) => weight_of_span(*a, *b) / 2.0,
            })
            .collect();
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            continue;
        }
        let mut cx = x;
        for (it, wt) in items.iter().zip(&weights) {
            let bw = w * wt / total;
            let bx = cx;
            cx += bw;
            let inner = bw - PAD;
            if inner < 1.0 {
                continue;
            }
            match it {
                Item::Free(a, b) => {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{bx:.1}\" y=\"{y:.1}\" width=\"{inner:.1}\" height=\"{h:.1}\" fill=\"none\" \
                         stroke=\"#bbbbbb\" stroke-dasharray=\"3 2\"><title>free: {} – {}</title></rect>",
                        crate::bits::from_u128(*a),
                        crate::bits::from_u128(*b)
                    );
                    if let Some(t) = fit("free", inner) {
                        let _ = writeln!(
                            out,
                            "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#999999\">{t}</text>",
                            bx + 2.0,
                            y + 12.0
                        );
                    }
                }
                Item::Node(i) => {
                    let e = &entries[*i];
                    let (stroke, sw) = match worst[*i] {
                        Some(Severity::Error) => ("#d62728", 2.5),
                        Some(Severity::Warning) => ("#e69500", 2.0),
                        Some(Severity::Note) => ("#1f77b4", 1.5),
                        None => ("#555555", 1.0),
                    };
                    let _ = write!(
                        out,
                        "<rect x=\"{bx:.1}\" y=\"{y:.1}\" width=\"{inner:.1}\" height=\"{h:.1}\" fill=\"{}\" \
                         stroke=\"{stroke}\" stroke-width=\"{sw}\"><title>",
                        fill(e.role)
                    );
                    escape(&alloc::format!("{}", e.prefix), &mut out);
                    if let Some(r) = e.role {
                        let _ = write!(out, " [{r}]");
                    }
                    if !e.description.is_empty() {
                        out.push(' ');
                        escape(&e.description, &mut out);
                    }
                    for &k in &notes[*i] {
                        let f = &findings[k];
                        let _ = write!(out, "\n{}[{}]: ", f.severity, f.code);
                        escape(&f.message, &mut out);
                    }
                    out.push_str("</title></rect>\n");
                    if let Some(t) = fit(&alloc::format!("{}", e.prefix), inner) {
                        let _ = write!(out, "<text x=\"{:.1}\" y=\"{:.1}\">", bx + 2.0, y + 12.0);
                        escape(&t, &mut out);
                        out.push_str("</text>\n");
                    }
                    let children: Vec<usize> = plan.children(*i).collect();
                    if children.is_empty() || h < HEADER + PAD + 1.0 {
                        continue;
                    }
                    // Children and the free gaps between them, in address order.
                    let mut inner_items = Vec::with_capacity(children.len() * 2 + 1);
                    let mut free = gaps(plan, *i).into_iter().peekable();
                    for c in children {
                        let (a, _) = range(entries[c].prefix);
                        while let Some(&(fa, fb)) = free.peek().filter(|&&(fa, _)| fa < a) {
                            inner_items.push(Item::Free(fa, fb));
                            free.next();
                        }
                        inner_items.push(Item::Node(c));
                    }
                    inner_items.extend(free.map(|(a, b)| Item::Free(a, b)));
                    todo.push((inner_items, bx + PAD, y + HEADER, inner - 2.0 * PAD, h - HEADER - PAD));
                }
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::check::check_with_registry;
    use crate::plan::parse::text::parse;

    #[test]
    fn the_64_inside_the_48_is_visible_and_findings_marked() {
        let plan =
            Plan::new(parse("2001:db8::/48 a<b>&\n2001:db8:0:1::/64 [lan]\n2001:db8:0:4::/62\n").unwrap()).unwrap();
        let f = check_with_registry(&plan, &[]);
        let svg = map(&plan, &f, &SvgOptions::default());
        assert!(svg.contains("a&lt;b&gt;&amp;"));
        assert!(svg.contains("stroke=\"#e69500\""), "the /62's P104 marks it");
        assert!(svg.contains(">2001:db8:0:1::/64</text>"), "{svg}");
        assert_eq!(svg.matches("<svg").count(), 1);
    }

    #[test]
    fn deep_and_wide_plans_stay_bounded() {
        let mut t = String::new();
        for l in 0..=128u8 {
            let _ = writeln!(t, "::/{l}");
        }
        for k in 0..5000u32 {
            let _ = writeln!(t, "2001:db8:{:x}::/48", k);
        }
        let plan = Plan::new(parse(&t).unwrap()).unwrap();
        let svg = map(&plan, &[], &SvgOptions::default());
        assert!(svg.len() < 5_000_000, "{}", svg.len());
    }
}
