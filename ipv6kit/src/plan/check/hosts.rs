//! P301–P302: static addresses (the /128s of a plan) whose IIDs leak a MAC or are reserved.

use alloc::format;
use alloc::vec::Vec;

use super::{finding, Code, Finding, Severity};
use crate::iid::Iid;
use crate::plan::model::Plan;

pub(super) fn check(plan: &Plan, out: &mut Vec<Finding>) {
    for (w, e) in plan.written().iter().enumerate() {
        if e.prefix.prefix_len() != 128 {
            continue;
        }
        let Some(i) = plan.tree_index(w) else { continue };
        let addr = e.prefix.addr();
        let iid = Iid::of(addr);
        if let Some(r) = iid.reserved() {
            let mut f = finding(
                plan,
                i,
                Code::P302,
                Severity::Warning,
                format!(
                    "{addr} has the IID {iid}, reserved as {} ({}, RFC 5453)",
                    r.name, r.reference
                ),
            );
            f.fix = Some("choose another interface identifier".into());
            out.push(f);
        } else if let Some(mac) = iid.to_mac() {
            let mut f = finding(
                plan,
                i,
                Code::P301,
                Severity::Warning,
                format!(
                    "{addr} has a modified EUI-64 IID: it carries the MAC {mac} and follows the hardware \
                     (RFC 7721 §3, RFC 8064)"
                ),
            );
            f.fix = Some("number static addresses by hand or from RFC 7217, not from the MAC".into());
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::check::test_util::{codes, plan};
    use crate::plan::check::{check_with_registry, Code::*};

    #[test]
    fn eui64_and_reserved() {
        let t = "2001:db8:ebbd:2080:ba27:ebff:fe6c:288 [host]\n2001:db8::/128\n2001:db8::53\n\
                 2001:db8::200:5eff:fe00:5213\n2001:db8::fdff:ffff:ffff:ff80\n2001:db8::ba27:ebff:fe6c:288/64\n";
        // Line 6 is a /64 with host bits: P001, and no IID check (not a static address).
        assert_eq!(codes(t), [(P301, 1), (P302, 2), (P302, 4), (P302, 5), (P001, 6)]);
        let f = check_with_registry(&plan(t), &[]);
        // MAC from the seed's host-discovery listing (ipv6calc agrees: see the referee test).
        assert!(f[0].message.contains("B8:27:EB:6C:02:88"), "{}", f[0].message);
        assert!(f[1].message.contains("Subnet-Router Anycast"), "{}", f[1].message);
        assert!(f[2].message.contains("Proxy Mobile IPv6"), "{}", f[2].message);
    }
}
