//! Referee: the Linux kernel's stable-privacy addresses (`addr_gen_mode` 2 and 3), against
//! `ipv6kit::iid::stable::linux`.
//!
//! How the kernel is consulted: two network namespaces, "host" and "router". The host has one
//! veth per case, each with its own random `stable_secret` (or `addr_gen_mode 3`); their peers
//! are ports of a bridge in the router namespace, where radvd advertises two /64 prefixes. The
//! kernel forms a stable-privacy link-local address on each veth and, from the RA, a SLAAC
//! address per prefix; we read them with `ip -6 -o addr`. For the DAD cases the router first
//! holds the predicted address (`nodad`), so the kernel's DAD fails and it generates the next
//! address; with `net.ipv6.idgen_retries` lowered to 1, two conflicts make it give up.
//! veth has no permanent hardware address: the kernel hashes 32 zero bytes whatever the MAC.
//!
//! The kernel stores the hash in its own byte order, which is this process's except under
//! user-mode emulation: the big-endian step of the test command runs this s390x binary under
//! qemu-user on an x86_64 kernel, and says so with `IPV6KIT_KERNEL_BYTE_ORDER=little`.

use crate::netlab::{self, run, wait_for, Netns, Rng};
use ipv6kit::iid::stable::linux::{self, ByteOrder};
use ipv6kit::iid::stable::StableError;
use ipv6kit::Ipv6Net;
use std::net::Ipv6Addr;
use std::time::{Duration, Instant};

/// Random secrets checked (each on both prefixes and the link-local prefix).
const SECRETS: usize = 20;

const PREFIXES: [&str; 2] = ["2001:db8:5ab1::/64", "2001:db8:5ab2::/64"];

/// Addresses of `dev` in `ns`: (address, prefix length, flags after the prefix length).
fn addrs(ns: &Netns, dev: &str) -> Vec<(Ipv6Addr, String)> {
    let out = ns.exec(&["ip", "-6", "-o", "addr", "show", "dev", dev]);
    out.lines()
        .filter_map(|line| {
            let mut it = line.split_whitespace().skip_while(|w| *w != "inet6").skip(1);
            let addr = it.next()?.split('/').next()?.parse().ok()?;
            Some((addr, it.collect::<Vec<_>>().join(" ")))
        })
        .collect()
}

/// True when `dev` holds `addr` and DAD on it has finished successfully.
fn has_ready(list: &[(Ipv6Addr, String)], addr: Ipv6Addr) -> bool {
    list.iter()
        .any(|(a, f)| *a == addr && !f.contains("tentative") && !f.contains("dadfailed"))
}

/// The byte order of the kernel under test: `IPV6KIT_KERNEL_BYTE_ORDER` (`little` or `big`) when
/// set, else this machine's.
fn kernel_byte_order() -> ByteOrder {
    match std::env::var("IPV6KIT_KERNEL_BYTE_ORDER").as_deref() {
        Ok("little") => ByteOrder::Little,
        Ok("big") => ByteOrder::Big,
        Ok(other) => panic!("IPV6KIT_KERNEL_BYTE_ORDER={other:?}: expected little or big"),
        Err(_) => ByteOrder::native(),
    }
}

fn secret_of(rng: &mut Rng) -> Ipv6Addr {
    Ipv6Addr::from(rng.bytes::<16>())
}

#[test]
fn kernel_stable_privacy_addresses() {
    if !netlab::require("kernel_stable_privacy_addresses", true, &["ip", "sysctl", "radvd"]) {
        return;
    }
    let start = Instant::now();
    let mut rng = Rng::for_test("kernel_stable_privacy_addresses");
    let host = Netns::new();
    let mut router = Netns::new();
    let order = kernel_byte_order();
    eprintln!("kernel_stable_privacy_addresses: kernel byte order {order:?}");
    let zeros = [0u8; 6]; // veth's perm_addr; the kernel pads it to 32 zero bytes either way.
    let nets: Vec<Ipv6Net> = PREFIXES.iter().map(|p| p.parse().unwrap()).collect();

    // Fast DAD retries, and a low retry limit so that exhaustion is cheap to provoke.
    host.sysctl("net.ipv6.idgen_retries", "1");
    let _ = host.output(&["sysctl", "-q", "-w", "net.ipv6.idgen_delay=0"]);
    let idgen_retries: u32 = host.sysctl_get("net.ipv6.idgen_retries").parse().unwrap();
    assert_eq!(idgen_retries, 1);
    router.sysctl("net.ipv6.conf.all.forwarding", "1");
    router.exec(&["ip", "link", "add", "br0", "type", "bridge"]);
    router.exec(&["ip", "link", "set", "br0", "up"]);

    // One veth per case: SECRETS random secrets, one addr_gen_mode 3, one DAD retry, one
    // exhaustion.
    let pid = std::process::id() % 100_000;
    let n = SECRETS + 3;
    let devs: Vec<String> = (0..n).map(|i| format!("va{i}")).collect();
    for (i, dev) in devs.iter().enumerate() {
        let (ta, tb) = (format!("ipks{pid}a{i}"), format!("ipks{pid}b{i}"));
        run(&["ip", "link", "add", &ta, "type", "veth", "peer", "name", &tb]);
        run(&["ip", "link", "set", &ta, "netns", &host.name]);
        run(&["ip", "link", "set", &tb, "netns", &router.name]);
        host.exec(&["ip", "link", "set", &ta, "name", dev]);
        router.exec(&[
            "ip",
            "link",
            "set",
            &tb,
            "name",
            &format!("vb{i}"),
            "master",
            "br0",
            "up",
        ]);
        host.sysctl(&format!("net.ipv6.neigh.{dev}.retrans_time_ms"), "200");
    }
    let secrets: Vec<Ipv6Addr> = (0..n).map(|_| secret_of(&mut rng)).collect();
    let (mode3, dad, exhaust) = (SECRETS, SECRETS + 1, SECRETS + 2);
    for (i, dev) in devs.iter().enumerate() {
        if i == mode3 {
            host.sysctl(&format!("net.ipv6.conf.{dev}.addr_gen_mode"), "3");
        } else {
            host.sysctl(&format!("net.ipv6.conf.{dev}.stable_secret"), &secrets[i].to_string());
            assert_eq!(host.sysctl_get(&format!("net.ipv6.conf.{dev}.addr_gen_mode")), "2");
        }
    }
    let dad_transmits: u32 = host
        .sysctl_get(&format!("net.ipv6.conf.{}.dad_transmits", devs[dad]))
        .parse()
        .unwrap();
    assert!(dad_transmits >= 1, "DAD must be on for the conflict cases");

    // The router holds the addresses the DAD cases will try first: on the first prefix, the
    // dad case's counter-0 address, and the exhaust case's counters 0 and 1.
    let predicted = |i: usize, dad_count: u8| linux::stable_address(secrets[i], nets[0], &zeros, dad_count, 1, order);
    let taken = [
        predicted(dad, 0).unwrap(),
        predicted(exhaust, 0).unwrap(),
        predicted(exhaust, 1).unwrap(),
    ];
    for a in taken {
        router.exec(&["ip", "-6", "addr", "add", &format!("{a}/64"), "dev", "br0", "nodad"]);
    }

    let dir = std::env::temp_dir().join(format!("ipk-kernel-stable-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prefixes: String = PREFIXES
        .iter()
        .map(|p| format!("  prefix {p} {{ AdvOnLink on; AdvAutonomous on; AdvValidLifetime 86400; AdvPreferredLifetime 14400; }};\n"))
        .collect();
    let radvd_config = format!(
        "interface br0 {{\n  AdvSendAdvert on;\n  MinRtrAdvInterval 3;\n  MaxRtrAdvInterval 4;\n{prefixes}}};\n"
    );
    for dev in &devs {
        host.exec(&["ip", "link", "set", dev, "up"]);
    }
    router.start_radvd(&dir, &radvd_config);

    // Expected addresses for every ordinary case: link-local and both prefixes.
    let mut expected: Vec<(usize, Ipv6Addr)> = Vec::new();
    for (i, &secret) in secrets.iter().enumerate().take(SECRETS) {
        expected.push((i, linux::link_local(secret, &zeros, 0, idgen_retries, order).unwrap()));
        for net in &nets {
            expected.push((
                i,
                linux::stable_address(secret, *net, &zeros, 0, idgen_retries, order).unwrap(),
            ));
        }
    }
    // The DAD case: counter 1 on the first prefix, counter 0 on the second.
    let dad_retry = linux::stable_address(secrets[dad], nets[0], &zeros, 1, idgen_retries, order).unwrap();
    assert_ne!(dad_retry, taken[0]);
    expected.push((dad, dad_retry));
    expected.push((
        dad,
        linux::stable_address(secrets[dad], nets[1], &zeros, 0, idgen_retries, order).unwrap(),
    ));
    // The exhaust case still gets its second-prefix address.
    expected.push((
        exhaust,
        linux::stable_address(secrets[exhaust], nets[1], &zeros, 0, idgen_retries, order).unwrap(),
    ));

    wait_for(
        "every predicted address to be configured",
        Duration::from_secs(40),
        || {
            let mut missing = 0;
            for (i, dev) in devs.iter().enumerate() {
                let list = addrs(&host, dev);
                missing += expected
                    .iter()
                    .filter(|(j, a)| *j == i && !has_ready(&list, *a))
                    .count();
            }
            (missing == 0).then_some(())
        },
    );

    // The kernel holds exactly our addresses: nothing global or link-local we did not predict
    // (apart from the failed DAD attempts).
    for (i, dev) in devs.iter().enumerate().take(SECRETS) {
        let got: Vec<Ipv6Addr> = addrs(&host, dev).into_iter().map(|(a, _)| a).collect();
        let want: Vec<Ipv6Addr> = expected.iter().filter(|(j, _)| *j == i).map(|(_, a)| *a).collect();
        assert_eq!(got.len(), 3, "{dev} (secret {}) holds {got:?}", secrets[i]);
        for a in &got {
            assert!(
                want.contains(a),
                "{dev}: kernel formed {a}, ipv6kit predicted {want:?} (secret {})",
                secrets[i]
            );
        }
    }

    // addr_gen_mode 3: the kernel picked a secret; read it back and predict from it.
    let dev = &devs[mode3];
    let random: Ipv6Addr = host
        .sysctl_get(&format!("net.ipv6.conf.{dev}.stable_secret"))
        .parse()
        .unwrap();
    let mut want = vec![linux::link_local(random, &zeros, 0, idgen_retries, order).unwrap()];
    for net in &nets {
        want.push(linux::stable_address(random, *net, &zeros, 0, idgen_retries, order).unwrap());
    }
    wait_for("addr_gen_mode 3 addresses", Duration::from_secs(20), || {
        let list = addrs(&host, dev);
        want.iter().all(|a| has_ready(&list, *a)).then_some(())
    });

    // DAD retry: the counter-0 address failed DAD and was replaced by the counter-1 address.
    let list = addrs(&host, &devs[dad]);
    eprintln!("DAD case ({}): {list:?}", devs[dad]);
    assert!(!has_ready(&list, taken[0]), "{list:?}");
    assert!(has_ready(&list, dad_retry), "{list:?}");

    // Exhaustion: counters 0 and 1 both conflicted; with idgen_retries = 1 the kernel gives up,
    // and so do we.
    assert_eq!(
        linux::stable_address(secrets[exhaust], nets[0], &zeros, 2, idgen_retries, order),
        Err(StableError::RetriesExhausted {
            dad_counter: 2,
            retries: 1
        })
    );
    let on_first = |list: &[(Ipv6Addr, String)]| list.iter().filter(|(a, _)| nets[0].contains(a)).count();
    // Give the kernel the time of one more attempt, then check nothing usable appeared.
    std::thread::sleep(Duration::from_millis(1500));
    let list = addrs(&host, &devs[exhaust]);
    eprintln!("exhaustion case ({}): {list:?}", devs[exhaust]);
    assert!(!has_ready(&list, taken[1]) && !has_ready(&list, taken[2]), "{list:?}");
    assert!(
        list.iter()
            .filter(|(a, _)| nets[0].contains(a))
            .all(|(a, _)| taken.contains(a)),
        "the kernel formed an address past idgen_retries: {list:?}"
    );
    assert!(on_first(&list) <= 2);

    drop(router);
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!(
        "kernel_stable_privacy_addresses: {} cases in {:?}",
        expected.len() + want.len() + 2,
        start.elapsed()
    );
}
