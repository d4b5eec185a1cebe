//! P101–P105 (sizes by role, nibbles, sites) and P401 (fragments).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use ipnet::Ipv6Net;

use super::{finding, Code, Finding, Severity};
use crate::bits::{from_u128, prefix_mask};
use crate::plan::model::{Plan, Role};
use crate::plan::space::{gaps, range_to_prefixes};

fn net(p: Ipv6Net, len: u8) -> Ipv6Net {
    Ipv6Net::new(p.network(), len).map(|n| n.trunc()).unwrap_or(p)
}

pub(super) fn check(plan: &Plan, out: &mut Vec<Finding>) {
    for (w, e) in plan.written().iter().enumerate() {
        let Some(i) = plan.tree_index(w) else { continue };
        let len = e.prefix.prefix_len();
        let n = e.network();
        match e.role {
            Some(Role::Lan) if len != 64 => {
                let mut f = finding(
                    plan,
                    i,
                    Code::P101,
                    Severity::Warning,
                    format!("the LAN {n} is a /{len}: SLAAC needs a /64 (RFC 4862 §5.5.3, RFC 7421)"),
                );
                f.fix = Some(format!("use {}", net(e.prefix, 64)));
                out.push(f);
            }
            Some(Role::Link) if len != 127 && len != 64 => {
                let mut f = finding(
                    plan,
                    i,
                    Code::P102,
                    Severity::Warning,
                    format!("the point-to-point link {n} is a /{len}: use a /127 (RFC 6164) or a /64"),
                );
                f.fix = Some(format!("use {}", net(e.prefix, 127)));
                out.push(f);
            }
            Some(Role::Loopback) if len != 128 => {
                let mut f = finding(
                    plan,
                    i,
                    Code::P103,
                    Severity::Warning,
                    format!("the loopback {n} is a /{len}: a loopback is one address, a /128"),
                );
                f.fix = Some(format!("use {}/128", e.prefix.addr()));
                out.push(f);
            }
            Some(Role::Site) if len > 56 => {
                let mut f = finding(
                    plan,
                    i,
                    Code::P105,
                    Severity::Warning,
                    format!(
                        "the site {n} is a /{len}, smaller than a /56: RFC 6177 and RIPE-690 §4.2 give a site a /48, \
                         or at least a /56"
                    ),
                );
                f.fix = Some(format!("use {} or {}", net(e.prefix, 56), net(e.prefix, 48)));
                out.push(f);
            }
            Some(Role::Site) if len != 48 && len != 56 && len > 32 => {
                out.push(finding(
                    plan,
                    i,
                    Code::P105,
                    Severity::Note,
                    format!("the site {n} is a /{len}: RIPE-690 §4.2 recommends a /48 or a /56 per site"),
                ));
            }
            _ => {}
        }
        // Reverse DNS is delegated per nibble; above /64 only links and hosts live, and RFC 6164's /127 is not
        // a nibble by design.
        if len % 4 != 0 && len <= 64 {
            let down = len - len % 4;
            let zones = 1u32 << (4 - len % 4);
            let mut f = finding(
                plan,
                i,
                Code::P104,
                Severity::Warning,
                format!(
                    "{n} ends at bit {len}, not on a nibble: its reverse DNS is {zones} zones of /{} (or part of a /{down}), \
                     and its boundary does not show in the written address",
                    down + 4
                ),
            );
            f.fix = Some(format!("use a /{down} or a /{}", down + 4));
            out.push(f);
        }
    }
}

/// P401: free space a node's children leave in pieces too small for anything like them.
///
/// A free block is a fragment when it is longer than every child (it cannot hold even the
/// smallest of them), or when it is longer than /64 in a node shorter than /64 (a /64 that
/// could have been a LAN was broken up). Only gaps whose ends are not aligned to that size can
/// hold such blocks, so most gaps are tested in O(1) and never decomposed.
/// How many blocks of the CIDR decomposition of `[a, b]` are longer than `limit` (< 128), in
/// O(1) unless the gap lies inside one /limit block: those blocks sit between `a` and the
/// first /limit boundary (one per set bit of the distance) and between the last boundary and
/// `b + 1`.
fn fragment_count(a: u128, b: u128, limit: u8) -> usize {
    let span = !prefix_mask(limit); // unit − 1
    let up = if a & span == 0 {
        Some(a)
    } else {
        (a | span).checked_add(1)
    };
    let end = b.checked_add(1); // None: 2^128, which is aligned
    match (up, end) {
        (Some(up), Some(end)) if up > end => range_to_prefixes(from_u128(a), from_u128(b))
            .filter(|p| p.prefix_len() > limit)
            .count(),
        (Some(up), end) => {
            let head = (up - a).count_ones() as usize;
            let tail = end.map_or(0, |e| (e & span).count_ones() as usize);
            head + tail
        }
        // `a` lies in the last /limit block of the space: nothing is aligned after it.
        (None, _) => range_to_prefixes(from_u128(a), from_u128(b))
            .filter(|p| p.prefix_len() > limit)
            .count(),
    }
}

pub(super) fn fragments(plan: &Plan, out: &mut Vec<Finding>) {
    for i in 0..plan.len() {
        let own = plan.len_of(i);
        let Some(longest) = plan.children(i).map(|c| plan.len_of(c)).max() else {
            continue;
        };
        let limit = if own < 64 { longest.min(64) } else { longest };
        if limit >= 128 {
            continue;
        }
        let align = !prefix_mask(limit);
        let mut small: Vec<Ipv6Net> = Vec::new();
        let mut count = 0usize;
        for (a, b) in gaps(plan, i) {
            if a & align == 0 && b & align == align {
                continue;
            }
            count += fragment_count(a, b, limit);
            if small.len() < 4 {
                let room = 4 - small.len();
                small.extend(
                    range_to_prefixes(from_u128(a), from_u128(b))
                        .filter(|p| p.prefix_len() > limit)
                        .take(room),
                );
            }
        }
        if count == 0 {
            continue;
        }
        let mut list = String::new();
        for (k, p) in small.iter().enumerate() {
            list.push_str(if k == 0 { "" } else { ", " });
            list.push_str(&format!("{p}"));
        }
        if count > small.len() {
            list.push_str(&format!(" and {} more", count - small.len()));
        }
        let why = if limit < longest {
            "smaller than a /64 in a node that hands out /64s".into()
        } else {
            format!("smaller than its smallest child (/{longest})")
        };
        out.push(finding(
            plan,
            i,
            Code::P401,
            Severity::Note,
            format!(
                "{} leaves {count} free fragment{} {why}: {list}",
                plan[i].network(),
                if count == 1 { "" } else { "s" }
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::bits::from_u128;
    use crate::plan::check::test_util::{codes, plan};
    use crate::plan::check::{check_with_registry, Code::*, Severity};
    use crate::plan::space::range_to_prefixes;

    #[test]
    fn sizes_by_role() {
        let t = "2001:db8::/48 [site]\n\
                 2001:db8:0:1::/64 [lan]\n2001:db8:0:200::/56 [lan]\n\
                 2001:db8:0:3::/127 [link]\n2001:db8:0:4::/64 [link]\n2001:db8:0:5::/126 [link]\n\
                 2001:db8:0:6::1 [loopback]\n2001:db8:0:7::/64 [loopback]\n\
                 2001:db8:1::/60 [site]\n2001:db8:2::/52 [site]\n2001:db8:3::/56 [site]\n";
        let c: Vec<_> = codes(t).into_iter().filter(|(c, _)| *c != P401).collect();
        assert_eq!(c, [(P101, 3), (P102, 6), (P103, 8), (P105, 9), (P105, 10)]);
        let f = check_with_registry(&plan(t), &[]);
        let lan = f.iter().find(|f| f.code == P101).unwrap();
        assert_eq!(lan.fix.as_deref(), Some("use 2001:db8:0:200::/64"));
        let site = f.iter().find(|f| f.code == P105 && f.location.line == 9).unwrap();
        assert_eq!(site.severity, Severity::Warning);
        assert_eq!(site.fix.as_deref(), Some("use 2001:db8:1::/56 or 2001:db8:1::/48"));
        assert_eq!(
            f.iter()
                .find(|f| f.code == P105 && f.location.line == 10)
                .unwrap()
                .severity,
            Severity::Note
        );
        assert_eq!(
            f.iter().find(|f| f.code == P103).unwrap().fix.as_deref(),
            Some("use 2001:db8:0:7::/128")
        );
    }

    #[test]
    fn nibbles() {
        // The /126 straight in the /32 breaks a /64 (P401); /127 and /126 are not nibble findings.
        assert_eq!(
            codes("2001:db8:ebbd:9908::/62\n2001:db8::/32\n2001:db8::/127\n2001:db8::/126\n"),
            [(P104, 1), (P401, 2)]
        );
        let f = check_with_registry(&plan("2001:db8:ebbd:9908::/62\n"), &[]);
        assert_eq!(f[0].fix.as_deref(), Some("use a /60 or a /64"));
        assert!(f[0].message.contains("4 zones of /64"), "{}", f[0].message);
    }

    #[test]
    fn fragment_count_matches_the_decomposition() {
        let mut s: u64 = 7;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for _ in 0..2000 {
            let limit = (next() % 127) as u8 + 1;
            let a = u128::from(next()) << (next() % 64) | u128::from(next());
            let b = a.saturating_add(u128::from(next()) << (next() % 64));
            let slow = range_to_prefixes(from_u128(a), from_u128(b))
                .filter(|p| p.prefix_len() > limit)
                .count();
            assert_eq!(super::fragment_count(a, b, limit), slow, "{a:x} {b:x} /{limit}");
        }
        assert_eq!(super::fragment_count(u128::MAX - 2, u128::MAX, 120), 2);
        assert_eq!(super::fragment_count(0, u128::MAX, 1), 0);
    }

    #[test]
    fn fragments() {
        // A /127 put straight into a /56 breaks a /64 into pieces only links can use.
        let t = "2001:db8:0:100::/56\n2001:db8:0:100::/127 [link]\n2001:db8:0:101::/64 [lan]\n";
        let f = check_with_registry(&plan(t), &[]);
        let frag: Vec<_> = f.iter().filter(|f| f.code == P401).collect();
        assert_eq!(frag.len(), 1);
        assert_eq!(
            frag[0].message,
            "2001:db8:0:100::/56 leaves 63 free fragments smaller than a /64 in a node that hands out /64s: \
             2001:db8:0:100::2/127, 2001:db8:0:100::4/126, 2001:db8:0:100::8/125, 2001:db8:0:100::10/124 and 59 more"
        );
        // /60s in a /48 with a /62 among them leave a /61 + /62 that no /60 fits.
        let t = "2001:db8::/48\n2001:db8:0:0::/60\n2001:db8:0:10::/62\n2001:db8:0:20::/60\n";
        assert_eq!(codes(t), [(P104, 3)]); // /62 longest: /61 and /62 pieces are fine for it
                                           // Aligned neighbours leave nothing: the house.
        assert_eq!(
            codes("2001:db8:ebbd:9900::/56\n2001:db8:ebbd:9908::/62\n2001:db8:ebbd:990a::/64\n"),
            [(P104, 2)]
        );
    }
}
