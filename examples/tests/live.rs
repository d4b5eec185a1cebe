//! The live tools (v6disc, rsprobe, board, tree) on real links: network namespaces joined by
//! veth pairs and a bridge, with the kernel, radvd and tshark as referees. All traffic stays
//! inside the namespaces these tests create, on 2001:db8::/32 prefixes.
//!
//! The tools are the example binaries. `cargo test` builds examples before it runs tests, but
//! `cargo test --test live` does not, so each test first runs `cargo build --examples` for
//! this crate with the same profile (a no-op when they are up to date) and takes the binaries
//! from `<target>/<profile>/examples/`, found from the test executable's own path.

#[path = "../../ipv6kit/tests/referee/netlab.rs"]
mod netlab;

use netlab::{require, wait_for, Netns};
use std::net::Ipv6Addr;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

/// The path of example binary `name`, built first (once per test run).
fn example(name: &str) -> PathBuf {
    static PROFILE_DIR: OnceLock<PathBuf> = OnceLock::new();
    let dir = PROFILE_DIR.get_or_init(|| {
        // <target>/<profile>/deps/live-<hash>
        let exe = std::env::current_exe().expect("test executable path");
        let profile_dir = exe
            .parent()
            .and_then(|deps| deps.parent())
            .expect("test executable under <target>/<profile>/deps")
            .to_path_buf();
        let target = profile_dir.parent().expect("target directory").to_path_buf();
        let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
            Some("debug") | None => "dev".to_string(),
            Some(p) => p.to_string(),
        };
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| env!("CARGO").to_string());
        let status = std::process::Command::new(cargo)
            .args([
                "build",
                "-q",
                "-p",
                "ipv6kit-examples",
                "--examples",
                "--profile",
                &profile,
            ])
            .env("CARGO_TARGET_DIR", &target)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("run cargo build --examples");
        assert!(status.success(), "cargo build --examples failed");
        profile_dir
    });
    let bin = dir.join("examples").join(name);
    assert!(bin.exists(), "example binary {} missing", bin.display());
    bin
}

fn s(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A unique interface name for the root namespace (moved away at once).
fn tmp_name(tag: &str) -> String {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    format!("lv{tag}{}x{n}", std::process::id() % 100000)
}

/// The interface's IPv6 addresses as the kernel lists them: (address, flags words), skipping
/// tentative ones.
fn kernel_addresses(ns: &Netns, dev: &str) -> Vec<(Ipv6Addr, String)> {
    ns.exec(&["ip", "-6", "-o", "addr", "show", "dev", dev])
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            w.find(|x| *x == "inet6")?;
            let addr = w.next()?.split('/').next()?.parse().ok()?;
            Some((addr, l.to_string()))
        })
        .filter(|(_, l)| !l.contains("tentative"))
        .collect()
}

fn mac_of(ns: &Netns, dev: &str) -> String {
    ns.exec(&["cat", &format!("/sys/class/net/{dev}/address")])
        .trim()
        .to_string()
}

/// A copy of example `name` that any user can run (the target directory may not be readable by
/// `nobody`), removed on drop.
struct WorldRunnable(PathBuf);

impl WorldRunnable {
    fn new(name: &str) -> WorldRunnable {
        use std::os::unix::fs::PermissionsExt;
        let to = std::env::temp_dir().join(format!("ipk-live-{}-{name}", std::process::id()));
        std::fs::copy(example(name), &to).expect("copy the example");
        std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o755)).expect("chmod 755");
        WorldRunnable(to)
    }
}

impl Drop for WorldRunnable {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn tools_say_why_they_cannot_run() {
    if !require("tools_say_why_they_cannot_run", true, &["setpriv"]) {
        return;
    }
    let ns = Netns::new();
    let as_nobody = |bin: &std::path::Path, args: &[&str]| {
        let mut argv = vec!["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", s(bin)];
        argv.extend_from_slice(args);
        ns.output(&argv)
    };
    for tool in ["v6disc", "rsprobe"] {
        let out = ns.output(&[s(&example(tool)), "-i", "nosuchif0"]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("no network interface named \"nosuchif0\""),
            "{tool}: {err}"
        );

        // Not root: drop to nobody.
        let copy = WorldRunnable::new(tool);
        let out = as_nobody(&copy.0, &["-i", "lo"]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("needs root or the CAP_NET_RAW capability"),
            "{tool}: {err}"
        );
    }
    let board = WorldRunnable::new("board");
    let out = as_nobody(&board.0, &["x", "--send"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs root or the CAP_NET_RAW capability"), "{err}");

    let out = ns.output(&[s(&board.0), "Awesome!!"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("9 bytes long"));
}

#[test]
fn board_and_tree_print_the_seed_addresses() {
    // No traffic: the default prefixes are only printed. Expected values: shared/vectors.
    let board = example("board");
    let tree = example("tree");
    let run = |argv: &[&str]| netlab::run(argv).trim().to_string();
    assert_eq!(run(&[s(&board), "Awesome!"]), "2001:6b0:1001:105:4177:6573:6f6d:6521");
    assert_eq!(run(&[s(&board), "IPv6 Bd"]), "2001:6b0:1001:105:4950:7636:2042:6420");
    assert_eq!(run(&[s(&tree), "#AABBCC"]), "2a05:9b81:2020::aa:bb:cc");
    assert_eq!(run(&[s(&tree), "ff0000"]), "2a05:9b81:2020::ff:0:0");
}

#[test]
fn board_and_tree_echo_requests_are_captured_by_the_peer() {
    if !require(
        "board_and_tree_echo_requests_are_captured_by_the_peer",
        true,
        &["tcpdump", "tshark"],
    ) {
        return;
    }
    let board = example("board");
    let tree = example("tree");
    let mut link = netlab::Link::new(Some("02:00:00:00:0b:01"), Some("02:00:00:00:0b:02"), true);
    link.a
        .exec(&["ip", "-6", "addr", "add", "2001:db8:1::1/64", "dev", "va", "nodad"]);
    link.b
        .exec(&["ip", "-6", "addr", "add", "2001:db8:1::2/64", "dev", "vb", "nodad"]);
    // The board's and the tree's prefixes are routed through the peer, which captures.
    for p in ["2001:db8:b0a::/64", "2001:db8:7ee::/48"] {
        link.a
            .exec(&["ip", "-6", "route", "add", p, "via", "2001:db8:1::2", "dev", "va"]);
    }
    let dir = std::env::temp_dir().join(format!("ipk-live-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pcap = dir.join("board.pcap");
    let log = dir.join("tcpdump.log");
    link.b.spawn(
        &["tcpdump", "-i", "vb", "-n", "-U", "-w", s(&pcap), "icmp6"],
        Some(&log),
    );
    wait_for("tcpdump to start", Duration::from_secs(10), || {
        std::fs::read_to_string(&log)
            .ok()
            .filter(|l| l.contains("listening on"))
    });

    let out = link.a.exec(&[
        s(&board),
        "Awesome!",
        "--prefix",
        "2001:db8:b0a::/64",
        "--send",
        "-i",
        "va",
    ]);
    let board_addr = out.lines().next().unwrap_or("").to_string();
    let out = link
        .a
        .exec(&[s(&tree), "#AABBCC", "--prefix", "2001:db8:7ee::/48", "--send"]);
    let tree_addr = out.lines().next().unwrap_or("").to_string();
    // The seed's IIDs under the test prefixes.
    assert_eq!(board_addr, "2001:db8:b0a:0:4177:6573:6f6d:6521");
    assert_eq!(tree_addr, "2001:db8:7ee::aa:bb:cc");

    // tshark reads what the peer captured: one echo request to each address.
    let dests = wait_for("two echo requests in the capture", Duration::from_secs(10), || {
        let out = netlab::output(&[
            "tshark",
            "-r",
            s(&pcap),
            "-Y",
            // Not the peer's Destination Unreachable, which quotes the request.
            "icmpv6.type == 128 && !(icmpv6.type == 1)",
            "-T",
            "fields",
            "-E",
            "occurrence=f",
            "-e",
            "ipv6.dst",
            "-e",
            "icmpv6.checksum.status",
        ]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        (lines.len() >= 2).then_some(lines)
    });
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        dests,
        vec![
            "2001:db8:b0a:0:4177:6573:6f6d:6521\t1".to_string(),
            "2001:db8:7ee::aa:bb:cc\t1".to_string()
        ],
        "destinations and checksum status (1 = good) of the captured echo requests"
    );
}

/// A LAN: a bridge `br0` in the discoverer's namespace and one veth to each host (`eth0`).
struct Lan {
    disc: Netns,
    hosts: Vec<Netns>,
}

impl Lan {
    fn new() -> Lan {
        let disc = Netns::new();
        disc.exec(&[
            "ip",
            "link",
            "add",
            "br0",
            "type",
            "bridge",
            "stp_state",
            "0",
            "mcast_snooping",
            "0",
        ]);
        Lan {
            disc,
            hosts: Vec::new(),
        }
    }

    /// Adds a host with `mac`; `setup` runs in its namespace before its interface comes up.
    fn host(&mut self, mac: &str, setup: &[&[&str]]) {
        let ns = Netns::new();
        let (h, b) = (tmp_name("h"), tmp_name("b"));
        netlab::run(&["ip", "link", "add", &h, "type", "veth", "peer", "name", &b]);
        netlab::run(&["ip", "link", "set", &h, "netns", &ns.name]);
        netlab::run(&["ip", "link", "set", &b, "netns", &self.disc.name]);
        ns.exec(&["ip", "link", "set", &h, "name", "eth0"]);
        ns.exec(&["ip", "link", "set", "eth0", "address", mac]);
        ns.sysctl("net.ipv6.conf.eth0.use_tempaddr", "0");
        for argv in setup {
            ns.exec(argv);
        }
        self.disc.exec(&["ip", "link", "set", &b, "master", "br0"]);
        self.disc.exec(&["ip", "link", "set", &b, "up"]);
        ns.exec(&["ip", "link", "set", "eth0", "up"]);
        self.hosts.push(ns);
    }
}

#[test]
fn v6disc_finds_three_hosts_on_a_bridge() {
    if !require("v6disc_finds_three_hosts_on_a_bridge", true, &["radvd"]) {
        return;
    }
    let v6disc = example("v6disc");
    let mut lan = Lan::new();
    // 1: the seed's Raspberry Pi; SLAAC (modified EUI-64) from radvd's prefix.
    lan.host("b8:27:eb:89:bc:51", &[]);
    // 2: the seed's quirk: MAC ...:38, a static global address whose IID encodes ...:39.
    lan.host(
        "04:a1:51:a0:93:38",
        &[
            &["sysctl", "-q", "-w", "net.ipv6.conf.eth0.accept_ra=0"],
            &[
                "ip",
                "-6",
                "addr",
                "add",
                "2001:db8:d15c:0:6a1:51ff:fea0:9339/64",
                "dev",
                "eth0",
                "nodad",
            ],
        ],
    );
    // 3: stable-privacy addresses (RFC 7217), link-local and SLAAC.
    lan.host(
        "00:16:3e:a2:94:e8",
        &[&[
            "sysctl",
            "-q",
            "-w",
            "net.ipv6.conf.eth0.stable_secret=2001:db8:1:2:3:4:5:6",
        ]],
    );
    let disc = &mut lan.disc;
    disc.sysctl("net.ipv6.conf.all.forwarding", "1");
    disc.exec(&["ip", "link", "set", "br0", "up"]);
    disc.exec(&["ip", "-6", "addr", "add", "2001:db8:d15c::1/64", "dev", "br0", "nodad"]);
    wait_for("br0's link-local address", Duration::from_secs(10), || {
        kernel_addresses(disc, "br0")
            .iter()
            .any(|(a, _)| a.segments()[0] == 0xfe80)
            .then_some(())
    });
    let dir = std::env::temp_dir().join(format!("ipk-live-radvd-{}", std::process::id()));
    disc.start_radvd(
        &dir,
        "interface br0 {\n AdvSendAdvert on; MinRtrAdvInterval 3; MaxRtrAdvInterval 4;\n \
         prefix 2001:db8:d15c::/64 { AdvOnLink on; AdvAutonomous on; };\n};\n",
    );

    // The referee: what the kernel of each host configured, and its MAC.
    let expected: Vec<(String, Vec<(Ipv6Addr, bool)>)> = lan
        .hosts
        .iter()
        .map(|h| {
            let addrs = wait_for("a link-local and a global address", Duration::from_secs(20), || {
                let a = kernel_addresses(h, "eth0");
                let ll = a.iter().any(|(x, _)| x.segments()[0] == 0xfe80);
                let global = a.iter().any(|(x, _)| x.segments()[0] == 0x2001);
                (ll && global).then_some(a)
            });
            let addrs = addrs
                .into_iter()
                .map(|(a, line)| (a, !line.contains("stable-privacy")))
                .collect();
            (mac_of(h, "eth0"), addrs)
        })
        .collect();
    eprintln!("kernel says: {expected:?}");
    assert!(expected[2].1.iter().all(|(_, eui)| !eui), "host 3 is stable-privacy");

    let out = disc.exec(&[s(&v6disc), "-i", "br0", "--wait", "1.5", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("v6disc --json output");
    let found = doc["hosts"].as_array().expect("hosts");
    eprintln!("v6disc says: {out}");
    let row = |a: Ipv6Addr| found.iter().find(|r| r["address"] == a.to_string());
    for (mac, addrs) in &expected {
        for (addr, eui64) in addrs {
            let r = row(*addr).unwrap_or_else(|| panic!("v6disc did not find {addr} ({mac})"));
            assert_eq!(r["mac"], mac.as_str(), "{addr}");
            assert_eq!(r["eui64"], *eui64, "{addr}");
        }
    }
    // Exactly the three hosts: not the discoverer itself, nobody else.
    let macs: std::collections::BTreeSet<&str> = found.iter().filter_map(|r| r["mac"].as_str()).collect();
    assert_eq!(macs.len(), 3, "{macs:?}");
    assert_eq!(found.len(), expected.iter().map(|(_, a)| a.len()).sum::<usize>());

    // The quirk (shared/vectors): neighbour table and IID disagree, both shown.
    let quirk = row("2001:db8:d15c:0:6a1:51ff:fea0:9339".parse().unwrap()).unwrap();
    assert_eq!(quirk["mac"], "04:a1:51:a0:93:38");
    assert_eq!(quirk["iid_mac"], "04:a1:51:a0:93:39");
    assert_eq!(quirk["mac_matches"], false);
    // Its link-local address (EUI-64 of ...:38) agrees.
    let ll = row("fe80::6a1:51ff:fea0:9338".parse().unwrap()).unwrap();
    assert_eq!(ll["mac_matches"], true);
    assert_eq!(ll["class"], "ieee-derived");
    // Stable-privacy: no MAC inside.
    for (addr, _) in &expected[2].1 {
        let r = row(*addr).unwrap();
        assert_eq!(r["iid_mac"], serde_json::Value::Null);
        assert_eq!(r["class"], "randomized", "{addr}");
    }
    // The vendor, from Debian's ieee-data (the test command installs it; without it this part
    // skips loudly, and fails under IPV6KIT_REQUIRE_REFEREES).
    if std::path::Path::new("/usr/share/ieee-data/oui.csv").exists() {
        let pi = row("fe80::ba27:ebff:fe89:bc51".parse().unwrap()).unwrap();
        assert!(pi["vendor"].as_str().unwrap_or("").contains("Raspberry Pi"), "{pi}");
    } else {
        netlab::skip("v6disc vendor column", "Debian's ieee-data is not installed");
    }

    // -L: link-local only.
    let out = disc.exec(&[s(&v6disc), "-i", "br0", "--wait", "1", "--json", "-L"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ll: Vec<&str> = doc["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["address"].as_str())
        .collect();
    assert_eq!(ll.len(), 3, "{ll:?}");
    assert!(ll.iter().all(|a| a.starts_with("fe80:")), "{ll:?}");

    // The table form shows both MACs of the quirk.
    let text = disc.exec(&[s(&v6disc), "-i", "br0", "--wait", "1"]);
    let line = text
        .lines()
        .find(|l| l.starts_with("2001:db8:d15c:0:6a1:51ff:fea0:9339 "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("04:a1:51:a0:93:38") && line.contains("IID says 04:a1:51:a0:93:39"),
        "{line}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rsprobe_prints_radvds_configuration_back() {
    if !require("rsprobe_prints_radvds_configuration_back", true, &["radvd"]) {
        return;
    }
    let rsprobe = example("rsprobe");
    let mut link = netlab::Link::new(Some("02:00:00:00:0a:01"), Some("02:00:00:00:0a:02"), true);
    link.a.sysctl("net.ipv6.conf.all.forwarding", "1");
    let dir = std::env::temp_dir().join(format!("ipk-live-rsprobe-{}", std::process::id()));
    // The router of shared/netlab.md. Long intervals: the RA rsprobe prints answers its RS.
    // Both link-local addresses must be usable (not tentative) before radvd and rsprobe start.
    for (ns, dev) in [(&link.a, "va"), (&link.b, "vb")] {
        wait_for("a link-local address", Duration::from_secs(10), || {
            kernel_addresses(ns, dev)
                .iter()
                .any(|(a, _)| a.segments()[0] == 0xfe80)
                .then_some(())
        });
    }
    let log = link.a.start_radvd(&dir, &netlab::netlab_radvd_config("va"));
    // radvd's initial unsolicited RAs may come first; the answer to our RS follows within 3 s.
    std::thread::sleep(Duration::from_millis(500));
    let out = link.b.exec(&[s(&rsprobe), "-i", "vb", "--json", "--wait", "4"]);
    let ras: serde_json::Value = serde_json::from_str(&out).expect("rsprobe --json output");
    let ras = ras.as_array().expect("an array of RAs");
    assert!(
        !ras.is_empty(),
        "no RA received; radvd log: {:?}",
        std::fs::read_to_string(&log)
    );
    let router_ll = kernel_addresses(&link.a, "va")
        .into_iter()
        .find(|(a, _)| a.segments()[0] == 0xfe80)
        .unwrap()
        .0;
    for ra in ras {
        // What radvd.conf says, read back.
        assert_eq!(ra["source"], router_ll.to_string());
        assert_eq!(ra["ip_hop_limit"], 255);
        assert_eq!(ra["violations"], serde_json::json!([]));
        assert_eq!(ra["other"], true);
        assert_eq!(ra["managed"], false);
        assert_eq!(ra["preference"], "high");
        assert_eq!(ra["mtu"], 1480);
        assert_eq!(ra["source_link_layer_address"], "02:00:00:00:0a:01");
        assert_eq!(
            ra["prefixes"],
            serde_json::json!([{ "prefix": "2001:db8:1::/64", "on_link": true, "autonomous": true,
                                 "valid_lifetime": 86400, "preferred_lifetime": 14400 }])
        );
        assert_eq!(
            ra["routes"],
            serde_json::json!([{ "prefix": "2001:db8:f00::/48", "preference": "high", "lifetime": 3600 }])
        );
        assert_eq!(
            ra["rdnss"],
            serde_json::json!([{ "servers": ["2001:db8:1::53", "2001:db8:1::54"], "lifetime": 600 }])
        );
        assert_eq!(
            ra["dnssl"],
            serde_json::json!([{ "domains": ["example.com", "lab.example.org"], "lifetime": 600 }])
        );
    }

    // The text form, like rdisc6's, once more (radvd answers an RS at most every 3 s).
    std::thread::sleep(Duration::from_secs(3));
    let text = link.b.exec(&[s(&rsprobe), "-i", "vb", "-1", "--wait", "4"]);
    for needle in [
        "Soliciting ff02::2 (ff02::2) on vb...",
        "Stateful other conf.      :          Yes",
        "Router preference         :         high",
        " Prefix                   : 2001:db8:1::/64",
        " MTU                      :         1480 bytes (valid)",
        " Route                    : 2001:db8:f00::/48",
        " Recursive DNS server     : 2001:db8:1::53",
        " DNS search list          : lab.example.org",
        " Source link-layer address: 02:00:00:00:0a:01",
        &format!(" from {router_ll}"),
    ] {
        assert!(text.contains(needle), "{needle:?} not in\n{text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
