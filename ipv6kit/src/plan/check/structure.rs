//! P001–P004: host bits, duplicates, delegation, declared nesting.

use alloc::format;
use alloc::vec::Vec;

use super::{finding, Code, Finding, Severity};
use crate::plan::model::{contains, Plan, Role};

pub(super) fn check(plan: &Plan, out: &mut Vec<Finding>) {
    let entries = plan.entries();
    let delegations: Vec<usize> = plan.delegations().collect();
    // inside[i]: i is a delegation or lies inside one; holds[i]: i contains a delegation.
    let mut inside = alloc::vec![false; entries.len()];
    let mut holds = alloc::vec![false; entries.len()];
    for (i, e) in entries.iter().enumerate() {
        inside[i] = e.role == Some(Role::Delegation) || plan.parent(i).is_some_and(|p| inside[p]);
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
    for (i, e) in entries.iter().enumerate() {
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
        if i > 0 && entries[i - 1].network() == e.network() {
            // Equal networks are adjacent in tree order; report every one after the first.
            let first = (0..i)
                .rev()
                .take_while(|&j| entries[j].network() == e.network())
                .last()
                .unwrap_or(i - 1);
            let mut f = finding(
                plan,
                i,
                Code::P002,
                Severity::Error,
                format!(
                    "{} is in the plan twice (first at {})",
                    e.network(),
                    entries[first].location
                ),
            );
            f.related = Some(entries[first].location);
            f.fix = Some("remove one, or give it a free prefix".into());
            out.push(f);
        }
        if !delegations.is_empty()
            && !inside[i]
            && !holds[i]
            && !delegations.iter().any(|&d| {
                let dp = entries[d].prefix;
                contains(dp, e.prefix) || contains(e.prefix, dp)
            })
        {
            let list: Vec<_> = delegations
                .iter()
                .map(|&d| format!("{}", entries[d].network()))
                .collect();
            out.push(finding(
                plan,
                i,
                Code::P003,
                Severity::Error,
                format!(
                    "{} is outside the declared delegation ({})",
                    e.network(),
                    list.join(", ")
                ),
            ));
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
        assert_eq!(p.entries()[1].prefix.to_string(), "2001:db8::1/48");
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
        let t = "::/0\n2001:db8:ebbd::/48 [delegation]\n2001:db8:ebbd:1::/64\n2001:db8:ebbe::/64\n2001:db8:ebbd::/48 same\n";
        // Line 5 repeats the delegation: a duplicate, but not outside it.
        assert_eq!(codes(t), [(P003, 4), (P002, 5)]);
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
