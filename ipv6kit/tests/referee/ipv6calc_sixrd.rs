//! Referee: ipv6calc (Debian 1.0.0) for 6rd and 6to4, started as one subprocess per case
//! (`ipv6calc -q -A 6rd_local_prefix …`, `-A 6rd_extract_ipv4 …`, `--ipv4_to_6to4addr …`),
//! or fed many lines on stdin where that works (`-A conv6to4`).
//!
//! Where ipv6calc and ipv6kit differ, the difference is documented here and tested as such:
//!
//! 1. **Host bits in the 6rd prefix**: ipv6calc clears them silently (`2a01:e30::ffff:ffff/28`
//!    works like `2a01:e30::/28`). ipv6kit refuses them, as Linux's sit driver does
//!    (`-EINVAL`), unless [`SixrdDomain::new_normalized`] is used; normalised, the results agree.
//! 2. **The relay prefix** (`--6rd_relay_prefix a.b.c.d/m`): ipv6calc uses only its length. It
//!    accepts host bits in it (`192.1.0.0/8`) and a CE address outside it, where ipv6kit refuses
//!    both (`RelayPrefixHostBits`, `CeOutsideRelayPrefix`). For the delegated prefix the value
//!    is irrelevant, so ipv6calc's result equals ipv6kit's for the CE's own relay prefix.
//! 3. **`6rd_extract_ipv4` ignores the relay prefix**: it always reads the 32 bits after the
//!    6rd prefix, so for m > 0 its answer is not the CE's address: the CE's low `32 − m` bits
//!    shifted up by `m`, followed by the next `m` bits of the IPv6 address (2001:db8:2:2100::1
//!    with 2001:db8::/32 and relay 192.0.0.0/8 gives 0.2.33.0, not 192.0.2.33). The sit driver
//!    (`check_6rd`) ORs the relay prefix in, as ipv6kit does. Its `--6rd_prefixlength` also
//!    only accepts 1..=32.
//! 4. **stdin batches of `6rd_local_prefix` are broken**: the prefix length grows by `32 − m` on
//!    every line (the second line fails with "Length of local prefix > 64: 96"), so those
//!    cases run one process each.
//! 5. `--ipv4_to_6to4addr 0.0.0.0` prints `2002::0.0.0.0`: odd text, right value.
//! 6. A delegated prefix longer than /64 is refused by both ("Length of local prefix > 64").

use crate::netlab::{self, Rng};
use ipv6kit::sixrd::{six_to_four_ipv4, six_to_four_prefix, SixrdDomain, SixrdError};
use ipv6kit::{Ipv4Net, Ipv6Net};
use std::io::Write;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::process::{Command, Stdio};

/// Runs ipv6calc with `args`; returns (success, stdout trimmed, stderr).
fn ipv6calc(args: &[&str]) -> (bool, String, String) {
    let mut argv = vec!["ipv6calc", "-q"];
    argv.extend_from_slice(args);
    let out = netlab::output(&argv);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).trim().to_string(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs ipv6calc with `args`, one input per line on stdin; returns stdout lines.
fn ipv6calc_batch(args: &[&str], lines: &[String]) -> Vec<String> {
    let mut child = Command::new("ipv6calc")
        .arg("-q")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start ipv6calc");
    {
        let mut stdin = child.stdin.take().unwrap();
        for l in lines {
            writeln!(stdin, "{l}").unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "ipv6calc {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn mask4(len: u32) -> u32 {
    if len == 0 {
        0
    } else {
        u32::MAX << (32 - len)
    }
}

fn mask6(len: u32) -> u128 {
    if len == 0 {
        0
    } else {
        u128::MAX << (128 - len)
    }
}

fn rand_u128(rng: &mut Rng) -> u128 {
    (u128::from(rng.next_u64()) << 64) | u128::from(rng.next_u64())
}

/// The relay-prefix variants the local-prefix test draws.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Relay {
    /// The CE's own first m bits.
    Own,
    /// The CE's own first m bits, plus a bit set after /m.
    HostBits,
    /// A prefix of length m that does not contain the CE.
    Elsewhere,
}

#[test]
fn ipv6calc_6rd_local_prefix_random() {
    if !netlab::require("ipv6calc_6rd_local_prefix_random", false, &["ipv6calc"]) {
        return;
    }
    let mut rng = Rng::for_test("ipv6calc_6rd_local_prefix_random");
    let (mut agree, mut refused, mut host_bits, mut relay_host_bits, mut elsewhere) = (0, 0, 0, 0, 0);
    for case in 0..400 {
        let n = 8 + rng.below(57) as u8; // 8..=64
        let m = rng.below(25) as u8; // 0..=24
        let ce = Ipv4Addr::from(rng.next_u64() as u32);
        let bits = rand_u128(&mut rng);
        let with_host_bits = rng.below(6) == 0 && bits & !mask6(n.into()) != 0;
        let prefix_addr = Ipv6Addr::from(if with_host_bits { bits } else { bits & mask6(n.into()) });
        let prefix = Ipv6Net::new(prefix_addr, n).unwrap();
        let kind = match (m, rng.below(8)) {
            (0, _) => Relay::Own,
            (_, 0) => Relay::HostBits,
            (_, 1) => Relay::Elsewhere,
            _ => Relay::Own,
        };
        let own = u32::from(ce) & mask4(m.into());
        let relay_bits = match kind {
            Relay::Own => own,
            Relay::HostBits => own | (1 << rng.below(32 - u64::from(m))),
            Relay::Elsewhere => own ^ (1 << (32 - u32::from(m) + rng.below(m.into()) as u32)),
        };
        let relay = Ipv4Net::new(Ipv4Addr::from(relay_bits), m).unwrap();
        let prefix_arg = format!("{prefix_addr}/{n}");
        let relay_arg = relay.to_string();
        let mut args = vec!["-A", "6rd_local_prefix", "--6rd_prefix", &prefix_arg];
        if m > 0 || rng.below(2) == 0 {
            args.extend_from_slice(&["--6rd_relay_prefix", &relay_arg]);
        }
        let ce_arg = ce.to_string();
        args.extend_from_slice(&["-I", "ipv4addr", "-O", "ipv6addr", &ce_arg]);
        let (ok, stdout, stderr) = ipv6calc(&args);
        let ctx = format!("case {case}: ipv6calc {args:?} -> ok={ok} {stdout:?} {stderr:?}");

        let strict = SixrdDomain::new(prefix, relay).and_then(|d| d.delegated_prefix(ce));
        let delegated_len = u16::from(n) + 32 - u16::from(m);
        if !ok {
            // Difference 6: both refuse a delegation longer than /64.
            assert!(stderr.contains("Length of local prefix > 64"), "{ctx}");
            assert!(delegated_len > 64, "ipv6calc refused a valid case: {ctx}");
            assert_eq!(
                strict,
                Err(SixrdError::DelegatedPrefixTooLong {
                    prefix_len: n,
                    ipv4_mask_len: m,
                    delegated_len
                }),
                "{ctx}"
            );
            refused += 1;
            continue;
        }
        assert!(delegated_len <= 64, "ipv6calc accepted a /{delegated_len}: {ctx}");
        let theirs: Ipv6Net = stdout.parse().unwrap_or_else(|_| panic!("unparsable output: {ctx}"));
        if with_host_bits {
            // Difference 1.
            assert_eq!(strict, Err(SixrdError::PrefixHostBits(prefix)), "{ctx}");
            let own_relay = Ipv4Net::new(Ipv4Addr::from(own), m).unwrap();
            let normalized = SixrdDomain::new_normalized(prefix, own_relay).unwrap();
            assert_eq!(normalized.delegated_prefix(ce).unwrap(), theirs, "{ctx}");
            host_bits += 1;
        } else if kind == Relay::HostBits {
            // Difference 2: host bits in the relay prefix.
            assert_eq!(strict, Err(SixrdError::RelayPrefixHostBits(relay)), "{ctx}");
            let normalized = SixrdDomain::new_normalized(prefix, relay).unwrap();
            assert_eq!(normalized.delegated_prefix(ce).unwrap(), theirs, "{ctx}");
            relay_host_bits += 1;
        } else if kind == Relay::Elsewhere {
            // Difference 2: a CE outside the relay prefix.
            assert_eq!(
                strict,
                Err(SixrdError::CeOutsideRelayPrefix {
                    ce,
                    relay_prefix: relay
                }),
                "{ctx}"
            );
            let own_domain = SixrdDomain::for_ce(prefix, m, ce).unwrap();
            assert_eq!(own_domain.delegated_prefix(ce).unwrap(), theirs, "{ctx}");
            elsewhere += 1;
        } else {
            assert_eq!(strict, Ok(theirs), "{ctx}");
            agree += 1;
        }
    }
    eprintln!(
        "6rd_local_prefix: {agree} agree, {refused} refused by both, {host_bits} prefix host bits, \
         {relay_host_bits} relay host bits, {elsewhere} CE outside relay prefix"
    );
    assert!(agree >= 100 && refused >= 30, "too few cases of a kind");
    assert!(
        host_bits > 0 && relay_host_bits > 0 && elsewhere > 0,
        "a documented difference was not exercised"
    );
}

#[test]
fn ipv6calc_6rd_extract_ipv4_random() {
    if !netlab::require("ipv6calc_6rd_extract_ipv4_random", false, &["ipv6calc"]) {
        return;
    }
    let mut rng = Rng::for_test("ipv6calc_6rd_extract_ipv4_random");
    let (mut exact, mut relation, mut refused) = (0, 0, 0);
    for case in 0..320 {
        let m = if rng.below(2) == 0 { 0 } else { 1 + rng.below(24) as u8 };
        // ipv6calc takes 1..=32; draw a few beyond to see both refuse when m = 0.
        let n = if m == 0 && rng.below(6) == 0 {
            33 + rng.below(32) as u8
        } else {
            8 + rng.below(25) as u8
        };
        let addr_bits = rand_u128(&mut rng);
        let addr = Ipv6Addr::from(addr_bits);
        let relay_bits = rng.next_u64() as u32 & mask4(m.into());
        let relay = Ipv4Net::new(Ipv4Addr::from(relay_bits), m).unwrap();
        let prefix = Ipv6Net::new(addr, n).unwrap().trunc();
        let n_arg = n.to_string();
        let relay_arg = relay.to_string();
        let addr_arg = addr.to_string();
        let mut args = vec!["-A", "6rd_extract_ipv4", "--6rd_prefixlength", &n_arg];
        if m > 0 {
            args.extend_from_slice(&["--6rd_relay_prefix", &relay_arg]);
        }
        args.extend_from_slice(&["-I", "ipv6addr", "-O", "ipv4addr", &addr_arg]);
        let (ok, stdout, stderr) = ipv6calc(&args);
        let ctx = format!("case {case}: ipv6calc {args:?} -> ok={ok} {stdout:?} {stderr:?}");
        let ours = SixrdDomain::new(prefix, relay).and_then(|d| d.extract_ipv4(addr));
        if n > 32 {
            assert!(!ok && stderr.contains("out or range"), "{ctx}");
            assert!(matches!(ours, Err(SixrdError::DelegatedPrefixTooLong { .. })), "{ctx}");
            refused += 1;
            continue;
        }
        assert!(ok, "{ctx}");
        let theirs: Ipv4Addr = stdout.parse().unwrap_or_else(|_| panic!("unparsable output: {ctx}"));
        let ours = ours.unwrap_or_else(|e| panic!("{e}: {ctx}"));
        if m == 0 {
            assert_eq!(ours, theirs, "{ctx}");
            exact += 1;
        } else {
            // Difference 3: ipv6calc's answer is the 32 bits after the prefix; ours is the relay
            // prefix followed by the first 32 − m of them.
            let embedded = u32::from(theirs) >> m;
            assert_eq!(u32::from(ours) & !mask4(m.into()), embedded, "{ctx}");
            assert_eq!(u32::from(ours) & mask4(m.into()), relay_bits, "{ctx}");
            relation += 1;
        }
    }
    eprintln!("6rd_extract_ipv4: {exact} exact (m = 0), {relation} by relation (m > 0), {refused} refused by both");
    assert!(exact >= 100 && relation >= 100 && refused > 0);
}

#[test]
fn ipv6calc_extract_ignores_relay_prefix() {
    if !netlab::require("ipv6calc_extract_ignores_relay_prefix", false, &["ipv6calc"]) {
        return;
    }
    // The worked example of netlab.md: 192.0.2.33 in 2001:db8::/32 with relay 192.0.0.0/8.
    let (ok, local, _) = ipv6calc(&[
        "-A",
        "6rd_local_prefix",
        "--6rd_prefix",
        "2001:db8::/32",
        "--6rd_relay_prefix",
        "192.0.0.0/8",
        "-I",
        "ipv4addr",
        "-O",
        "ipv6addr",
        "192.0.2.33",
    ]);
    assert!(ok);
    let local: Ipv6Net = local.parse().unwrap();
    let d = SixrdDomain::new("2001:db8::/32".parse().unwrap(), "192.0.0.0/8".parse().unwrap()).unwrap();
    assert_eq!(d.delegated_prefix(Ipv4Addr::new(192, 0, 2, 33)).unwrap(), local);
    let inside = Ipv6Addr::from(u128::from(local.network()) | 1);
    let (ok, theirs, _) = ipv6calc(&[
        "-A",
        "6rd_extract_ipv4",
        "--6rd_prefixlength",
        "32",
        "--6rd_relay_prefix",
        "192.0.0.0/8",
        "-I",
        "ipv6addr",
        "-O",
        "ipv4addr",
        &inside.to_string(),
    ]);
    assert!(ok);
    // ipv6calc does not round-trip its own delegation; the sit driver's rule (and ours) does.
    assert_eq!(theirs, "0.2.33.0");
    assert_eq!(d.extract_ipv4(inside).unwrap(), Ipv4Addr::new(192, 0, 2, 33));
}

#[test]
fn ipv6calc_normalises_prefix_host_bits_we_refuse() {
    if !netlab::require("ipv6calc_normalises_prefix_host_bits_we_refuse", false, &["ipv6calc"]) {
        return;
    }
    // The example: 2a01:e30::ffff:ffff/28 for Free's 82.10.11.12.
    let run = |p: &str| {
        let (ok, out, _) = ipv6calc(&[
            "-A",
            "6rd_local_prefix",
            "--6rd_prefix",
            p,
            "-I",
            "ipv4addr",
            "-O",
            "ipv6addr",
            "82.10.11.12",
        ]);
        assert!(ok);
        out.parse::<Ipv6Net>().unwrap()
    };
    let clean = run("2a01:e30::/28");
    assert_eq!(run("2a01:e30::ffff:ffff/28"), clean);
    let dirty: Ipv6Net = "2a01:e30::ffff:ffff/28".parse().unwrap();
    let any: Ipv4Net = "0.0.0.0/0".parse().unwrap();
    assert_eq!(
        SixrdDomain::new(dirty, any).unwrap_err(),
        SixrdError::PrefixHostBits(dirty)
    );
    let d = SixrdDomain::new_normalized(dirty, any).unwrap();
    assert_eq!(d.delegated_prefix(Ipv4Addr::new(82, 10, 11, 12)).unwrap(), clean);
}

#[test]
fn ipv6calc_6to4_random() {
    if !netlab::require("ipv6calc_6to4_random", false, &["ipv6calc"]) {
        return;
    }
    let mut rng = Rng::for_test("ipv6calc_6to4_random");
    let mut v4s: Vec<Ipv4Addr> = (0..300).map(|_| Ipv4Addr::from(rng.next_u64() as u32)).collect();
    v4s.push(Ipv4Addr::UNSPECIFIED); // printed as 2002::0.0.0.0 (difference 5)
    v4s.push(Ipv4Addr::BROADCAST);
    // IPv4 -> 6to4, one process each (`--ipv4_to_6to4addr` prints the /48's first address).
    for v4 in &v4s {
        let (ok, out, err) = ipv6calc(&["--ipv4_to_6to4addr", &v4.to_string()]);
        assert!(ok, "{v4}: {err}");
        let theirs: Ipv6Addr = out.parse().unwrap_or_else(|_| panic!("{v4}: unparsable {out:?}"));
        let ours = six_to_four_prefix(*v4);
        assert_eq!(ours.network(), theirs, "{v4}");
        assert_eq!(ours.prefix_len(), 48); // RFC 3056 §2
    }
    // IPv4 -> 6to4 again through conv6to4, in one batch.
    let lines: Vec<String> = v4s.iter().map(|v| v.to_string()).collect();
    let out = ipv6calc_batch(&["-A", "conv6to4", "-I", "ipv4addr", "-O", "ipv6addr"], &lines);
    assert_eq!(out.len(), v4s.len());
    for (v4, line) in v4s.iter().zip(&out) {
        assert_eq!(
            six_to_four_prefix(*v4).network(),
            line.parse::<Ipv6Addr>().unwrap(),
            "{v4}"
        );
    }
    // 6to4 -> IPv4 on addresses with random SLA and interface ID, in one batch.
    let addrs: Vec<Ipv6Addr> = v4s
        .iter()
        .map(|v4| {
            let low = rand_u128(&mut rng) & !mask6(48);
            Ipv6Addr::from(0x2002u128 << 112 | u128::from(u32::from(*v4)) << 80 | low)
        })
        .collect();
    let lines: Vec<String> = addrs.iter().map(|a| a.to_string()).collect();
    let out = ipv6calc_batch(&["-A", "conv6to4", "-I", "ipv6addr", "-O", "ipv4addr"], &lines);
    assert_eq!(out.len(), addrs.len());
    for (a, line) in addrs.iter().zip(&out) {
        assert_eq!(six_to_four_ipv4(*a).unwrap(), line.parse::<Ipv4Addr>().unwrap(), "{a}");
    }
    // Not 6to4: both refuse (one process each: a refusal ends a batch).
    for _ in 0..30 {
        let mut bits = rand_u128(&mut rng);
        if bits >> 112 == 0x2002 {
            bits ^= 1 << 127;
        }
        let a = Ipv6Addr::from(bits);
        let (ok, _, err) = ipv6calc(&["-A", "conv6to4", "-I", "ipv6addr", "-O", "ipv4addr", &a.to_string()]);
        assert!(!ok && err.contains("not a 6to4"), "{a}: {err}");
        assert_eq!(six_to_four_ipv4(a), Err(SixrdError::NotSixToFour(a)));
    }
}
