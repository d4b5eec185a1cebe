//! P001–P004: host bits, duplicates, delegation, declared nesting.

use alloc::format;
use alloc::vec::Vec;

use super::{finding, Code, Finding, Severity};
use crate::plan::model::{contains, Plan};

pub(super) fn check(plan: &Plan, out: &mut Vec<Finding>) {
    let n = plan.len();
    let delegations: Vec<usize> = plan.delegations().collect();
    // inside[i]: i is a delegation or lies inside one; holds[i]: i contains a delegation.
    let mut inside = alloc::vec![false; n];
    let mut holds = alloc::vec![false; n];
    for i in 0..n {
        inside[i] = plan.is_delegation(i) || plan.parent(i).is_some_and(|p| inside[p]);
    }
    for &d in &delegations {
        let mut at = plan.parent(d);
        while let Some(p) = at {
            if holds[p] {
                break;
            }
            holds[p] = true;
            at = plan.parent(p);
        }
    }
    // Entry by entry, in the order written: P001, P004.
    for (w, e) in plan.written().iter().enumerate() {
        let Some(i) = plan.tree_index(w) else { continue };
        if e.has_host_bits() {
            let mut f = finding(
                plan,
                i,
                Code::P001,
                Severity::Error,
                format!(
                    "{} has host bits set: the network of a /{} is {}",
                    e.prefix,
                    e.prefix.prefix_len(),
                    e.network()
                ),
            );
            f.fix = Some(format!("write {}", e.network()));
            out.push(f);
        }
        if let Some(dp) = e.declared_parent {
            if !contains(dp, e.prefix) || dp.prefix_len() >= e.prefix.prefix_len() {
                out.push(finding(
                    plan,
                    i,
                    Code::P004,
                    Severity::Error,
                    format!(
                        "{} is written inside {} but does not lie inside it",
                        e.network(),
                        dp.trunc()
                    ),
                ));
            }
        }
    }
    // In tree order, on the compact arrays: P002, P003.
    let key = |i: usize| (plan.range_of(i).0, plan.len_of(i));
    // The first delegation and the first other entry of the current run of equal networks
    // (tracked, never searched for: a prefix written k times costs O(k), not O(k²)).
    let mut first: [Option<usize>; 2] = [None, None];
    for i in 0..n {
        if i == 0 || key(i - 1) != key(i) {
            first = [None, None];
        }
        // Equal networks are adjacent in tree order; report every one after the first. A
        // delegation and the entry describing it are not duplicates of each other.
        let slot = usize::from(plan.is_delegation(i));
        match first[slot] {
            None => first[slot] = Some(i),
            Some(j) => {
                let at = plan[j].location;
                let mut f = finding(
                    plan,
                    i,
                    Code::P002,
                    Severity::Error,
                    format!("{} is in the plan twice (first at {at})", plan[i].network()),
                );
                f.related = Some(at);
                f.fix = Some("remove one, or give it a free prefix".into());
                out.push(f);
            }
        }
        if !delegations.is_empty() && !inside[i] && !holds[i] {
            let (a, b) = plan.range_of(i);
            let overlaps = delegations.iter().any(|&d| {
                let (da, db) = plan.range_of(d);
                (da <= a && b <= db) || (a <= da && db <= b)
            });
            if !overlaps {
                let list: Vec<_> = delegations.iter().map(|&d| format!("{}", plan[d].network())).collect();
                out.push(finding(
                    plan,
                    i,
                    Code::P003,
                    Severity::Error,
                    format!(
                        "{} is outside the declared delegation ({})",
                        plan[i].network(),
                        list.join(", ")
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::check::test_util::codes;
    use crate::plan::check::Code::*;
    use crate::plan::model::{Entry, Plan};

    #[test]
    fn host_bits_are_reported_never_cleared() {
        let p = crate::plan::check::test_util::plan("2001:db8::/32\n2001:db8::1/48\n");
        let f = crate::plan::check::check_with_registry(&p, &[]);
        assert_eq!(f[0].code, P001);
        assert_eq!(f[0].fix.as_deref(), Some("write 2001:db8::/48"));
        assert_eq!(p[1].prefix.to_string(), "2001:db8::1/48");
    }

    #[test]
    fn duplicates_point_at_the_first() {
        let p =
            crate::plan::check::test_util::plan("2001:db8::/48 a\n2001:db8::/32\n2001:db8::/48 b\n2001:db8::1/48 c\n");
        let f = crate::plan::check::check_with_registry(&p, &[]);
        let dups: Vec<_> = f
            .iter()
            .filter(|f| f.code == P002)
            .map(|f| (f.location.line, f.related.unwrap().line))
            .collect();
        assert_eq!(dups, [(3, 1), (4, 1)]);
        assert!(f.iter().any(|f| f.code == P001 && f.location.line == 4));
    }

    #[test]
    fn delegation() {
        let t = "::/0\n2001:db8:ebbd::/48 [delegation]\n2001:db8:ebbd:1::/64\n2001:db8:ebbe::/64\n2001:db8:ebbd::/48 same\n2001:db8:ebbd::/48 again\n";
        // Line 5 describes the delegation (no finding); line 6 repeats line 5: a duplicate.
        assert_eq!(codes(t), [(P003, 4), (P002, 6)]);
        // No delegation declared: no P003.
        assert_eq!(codes("2001:db8:ebbe::/64\n"), []);
    }

    #[test]
    fn declared_parent_must_contain() {
        let mut e = Entry::new("2001:db8:1::/48".parse().unwrap());
        e.declared_parent = Some("2001:db8:2::/48".parse().unwrap());
        let p = Plan::new(alloc::vec![e]).unwrap();
        let f = crate::plan::check::check_with_registry(&p, &[]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, P004);
    }
}
