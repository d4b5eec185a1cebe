//! The reports of the example plans in `examples/plans/`, pinned.
//!
//! Each expected report was written from the rules (see `ipv6kit::plan::check`), not copied
//! from a run: the comment above each one says why every finding is there and how each
//! number was worked out. The registry facts (names, RFCs, dates) are those of IANA's
//! special-purpose registry as `ipv6kit::registry` reproduces it (pinned against IANA there).

use ipv6kit::plan::{self, check, render, Format, Severity};

fn report(file: &str) -> (String, bool) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/plans")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let plan = plan::read(&text, Format::from_file_name(file)).unwrap();
    let findings = check::check(&plan);
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    (
        render::text::report(
            &plan,
            &findings,
            &render::ReportOptions {
                color: false,
                source: Some(file.into()),
            },
        ),
        errors,
    )
}

fn assert_lines(got: &str, want: &str) {
    for (k, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "line {}", k + 1);
    }
    assert_eq!(got.lines().count(), want.lines().count(), "{got}");
}

/// The house list of issue 6, pasted (4-space indent, no roles). Line 1 is a comment, so
/// the prefixes are on lines 2–6, column 5.
/// - Tree: containment alone nests the /64 in the /62 in the /56 in the /48 under ::/0.
/// - Used: a /48 in ::/0 is 2^-48 (<0.01%); a /56 in a /48 is 1/256 = 0.39%; a /62 in a
///   /56 is 1/64 = 1.5625%; a /64 in a /62 is 1/4 = 25%.
/// - P201 on the /48 only (the topmost prefix inside 2001:db8::/32, Documentation, RFC 3849,
///   2004-07): documentation space; ::/0 contains the block but is not in it.
/// - P104 on the /62: 62 is not a multiple of 4; reverse DNS needs four /64 zones.
/// - No P401: every child sits on its own alignment, so the gaps decompose into blocks no
///   longer than the children.
/// - Sizing: the DMZ /56 holds one /62, which needs a /62 — a /60 on a nibble boundary. The
///   post's "a /60 would be enough" is right on nibbles; strictly a /62 holds what is written
///   (a /61 if the DMZ link takes a /64 of its own: see `space` tests).
/// - No errors: plancheck exits 0.
#[test]
fn house_report() {
    let (got, errors) = report("house.txt");
    assert!(!errors);
    assert_lines(
        &got,
        "\
house.txt: 5 prefixes, 0 errors, 2 warnings, 0 notes

::/0  the Internet  · 2^64 /64s, <0.01% used
└─ 2001:db8:ebbd::/48  my house network  · 65536 /64s, 0.39% used  · P201
   └─ 2001:db8:ebbd:9900::/56  my DMZ network  · 256 /64s, 1.56% used
      └─ 2001:db8:ebbd:9908::/62  the LAN ports of R2 (unused; DHCPv6-PD allocates them)  · 4 /64s, 25% used  · P104
         └─ 2001:db8:ebbd:990a::/64  the LAN ports of R1, out in NAT-land  · 1 /64

sizing:
  ::/0 holds 1 × /48: renumbered, it fits in a /48; as numbered, in 2001:db8:ebbd::/48
  2001:db8:ebbd::/48 holds 1 × /56: renumbered, it fits in a /56; as numbered, in 2001:db8:ebbd:9900::/56
  2001:db8:ebbd:9900::/56 holds 1 × /62: renumbered, it fits in a /62 (a /60 on a nibble boundary); as numbered, in 2001:db8:ebbd:9908::/62
  2001:db8:ebbd:9908::/62 holds 1 × /64: renumbered, it fits in a /64; as numbered, in 2001:db8:ebbd:990a::/64

warning[P201]: 2001:db8:ebbd::/48 is in 2001:db8::/32 (Documentation, RFC 3849, allocated 2004-07): documentation space is not routed: replace it before deployment
  --> house.txt:3:5
  = fix: replace it with the delegation you were given (`space::renumber`)

warning[P104]: 2001:db8:ebbd:9908::/62 ends at bit 62, not on a nibble: its reverse DNS is 4 zones of /64 (or part of a /60), and its boundary does not show in the written address
  --> house.txt:5:5
  = fix: use a /60 or a /64
",
    );
}

/// The campus (TOML, nested). `prefix = "` puts every prefix at column 10; the delegation
/// array's strings start at columns 15 and 37 of line 3.
/// - The ULA delegation and the `mgmt` site are the same /48: the site nests inside the
///   delegation (no P002), and its /64 inside the site.
/// - P201 warning on the /44 (Documentation); P201 notes on the ULA delegation and on the lab
///   (fc00::/7, Unique-Local, RFC 4193, RFC 8190, 2005-10). Nothing below a reported prefix is
///   reported again.
/// - P401 on `infra`: a /128 at ::1 leaves ::/128 and ::2/127 … :0:8000::/65 (1 + 63 blocks)
///   in the first /64, and the /126 at :ff:: leaves ::4/126 … /65 (62 blocks) in the last:
///   126 fragments longer than /64 in a /56.
/// - P103 (loopback /64), P102 (link /126), P101 (LAN /60), P105 warning (site /60 < /56).
/// - P002: reading rooms and printers are both :101::/64; the second written (line 44) is
///   the duplicate, pointing at line 34. The catalogue server's /128 lies in both and nests
///   under the later sibling.
/// - P301: the server's IID 211:22ff:fe33:4455 is the modified EUI-64 of 00:11:22:33:44:55
///   (RFC 4291 App. A: flip 0x02, drop ff:fe; ipv6calc agrees, see the referee test).
/// - The lab fd00:0:0:1::/64: P003 (in neither delegation), P201 note, P203 (global ID 0).
/// - Used: /44 holds a /48 (1/16) and a /60 (2^-16): 6.2515% → 6.25%; main holds two /56:
///   2/256 = 0.78%; infra: a /64 (1/256) plus 5 addresses → 0.39%; library: a /60 (1/16) and
///   one /64 (counted once: 1/256) = 17/256 = 6.64%; the ULA delegation is all its site: 100%.
/// - Sizing: /44 holds 2^80 + 2^68 → 81 bits → /47 (/44 on a nibble), spanning 1000..1001 →
///   /47; main: 2 × 2^72 → /55 (/52), spanning :0..:1ff → /55; infra: 2^64 + 4 + 1 → /63
///   (/60), spanning ::1..:ff::3 → the /56; library: 17 × 2^64 → 69 bits → /59 (/56),
///   spanning :101..:11f → :100::/59.
/// - Two errors: plancheck exits 1.
#[test]
fn campus_report() {
    let (got, errors) = report("campus.toml");
    assert!(errors);
    assert_lines(
        &got,
        "\
campus.toml: 16 prefixes, 2 errors, 7 warnings, 3 notes

2001:db8:1000::/44  [delegation]  · 2^20 /64s, 6.25% used  · P201
├─ 2001:db8:1000::/48  [site]  main — main campus  · 65536 /64s, 0.78% used
│  ├─ 2001:db8:1000::/56  infra — routers  · 256 /64s, 0.39% used  · P401
│  │  ├─ 2001:db8:1000::1/128  [loopback]  core-1  · 1 address
│  │  ├─ 2001:db8:1000:1::/64  [loopback]  core-2  · 1 /64  · P103
│  │  └─ 2001:db8:1000:ff::/126  [link]  core-1 to core-2  · 4 addresses  · P102
│  └─ 2001:db8:1000:100::/56  library  · 256 /64s, 6.64% used
│     ├─ 2001:db8:1000:101::/64  [lan]  reading rooms  · 1 /64
│     ├─ 2001:db8:1000:101::/64  [lan]  printers  · 1 /64, <0.01% used  · P002
│     │  └─ 2001:db8:1000:101:211:22ff:fe33:4455/128  [host]  web — catalogue server  · 1 address  · P301
│     └─ 2001:db8:1000:110::/60  [lan]  staff  · 16 /64s  · P101
└─ 2001:db8:1001::/60  [site]  dorms — student housing  · 16 /64s  · P105
fd00:0:0:1::/64  [lan]  lab — the lab someone set up  · 1 /64  · P003 P201 P203
fd3c:9a41:2b77::/48  [delegation]  · 65536 /64s, 100% used  · P201
└─ fd3c:9a41:2b77::/48  [site]  mgmt — out-of-band management  · 65536 /64s, <0.01% used
   └─ fd3c:9a41:2b77:10::/64  [lan]  switches  · 1 /64

sizing:
  2001:db8:1000::/44 holds 1 × /48 + 1 × /60: renumbered, they fit in a /47 (a /44 on a nibble boundary); as numbered, in 2001:db8:1000::/47
  2001:db8:1000::/48 holds 2 × /56: renumbered, they fit in a /55 (a /52 on a nibble boundary); as numbered, in 2001:db8:1000::/55
  2001:db8:1000::/56 holds 1 × /64 + 1 × /126 + 1 × /128: renumbered, they fit in a /63 (a /60 on a nibble boundary); as numbered, in 2001:db8:1000::/56
  2001:db8:1000:100::/56 holds 1 × /60 + 1 × /64: renumbered, they fit in a /59 (a /56 on a nibble boundary); as numbered, in 2001:db8:1000:100::/59
  2001:db8:1000:101::/64 holds 1 × /128: renumbered, it fits in a /128; as numbered, in 2001:db8:1000:101:211:22ff:fe33:4455/128
  fd3c:9a41:2b77::/48 holds 1 × /48: renumbered, it fits in a /48; as numbered, in fd3c:9a41:2b77::/48
  fd3c:9a41:2b77::/48 holds 1 × /64: renumbered, it fits in a /64; as numbered, in fd3c:9a41:2b77:10::/64

warning[P201]: 2001:db8:1000::/44 is in 2001:db8::/32 (Documentation, RFC 3849, allocated 2004-07): documentation space is not routed: replace it before deployment
  --> campus.toml:3:15
  = fix: replace it with the delegation you were given (`space::renumber`)

note[P201]: fd3c:9a41:2b77::/48 is in fc00::/7 (Unique-Local, RFC 4193, RFC 8190, allocated 2005-10): not reachable from the Internet
  --> campus.toml:3:37

note[P401]: 2001:db8:1000::/56 leaves 126 free fragments smaller than a /64 in a node that hands out /64s: 2001:db8:1000::/128, 2001:db8:1000::2/127, 2001:db8:1000::4/126, 2001:db8:1000::8/125 and 122 more
  --> campus.toml:11:10

warning[P103]: the loopback 2001:db8:1000:1::/64 is a /64: a loopback is one address, a /128
  --> campus.toml:20:10
  = fix: use 2001:db8:1000:1::/128

warning[P102]: the point-to-point link 2001:db8:1000:ff::/126 is a /126: use a /127 (RFC 6164) or a /64
  --> campus.toml:25:10
  = fix: use 2001:db8:1000:ff::/127

warning[P101]: the LAN 2001:db8:1000:110::/60 is a /60: SLAAC needs a /64 (RFC 4862 §5.5.3, RFC 7421)
  --> campus.toml:39:10
  = fix: use 2001:db8:1000:110::/64

error[P002]: 2001:db8:1000:101::/64 is in the plan twice (first at 34:10)
  --> campus.toml:44:10
  = first written at campus.toml:34:10
  = fix: remove one, or give it a free prefix

warning[P301]: 2001:db8:1000:101:211:22ff:fe33:4455 has a modified EUI-64 IID: it carries the MAC 00:11:22:33:44:55 and follows the hardware (RFC 7721 §3, RFC 8064)
  --> campus.toml:49:10
  = fix: number static addresses by hand or from RFC 7217, not from the MAC

warning[P105]: the site 2001:db8:1001::/60 is a /60, smaller than a /56: RFC 6177 and RIPE-690 §4.2 give a site a /48, or at least a /56
  --> campus.toml:54:10
  = fix: use 2001:db8:1001::/56 or 2001:db8:1001::/48

error[P003]: fd00:0:0:1::/64 is outside the declared delegation (2001:db8:1000::/44, fd3c:9a41:2b77::/48)
  --> campus.toml:68:10

note[P201]: fd00:0:0:1::/64 is in fc00::/7 (Unique-Local, RFC 4193, RFC 8190, allocated 2005-10): not reachable from the Internet
  --> campus.toml:68:10

warning[P203]: the ULA fd00::/48 has a global ID that is not random (RFC 4193 §3.2): merging networks or VPNs will collide with every other plan that chose it
  --> campus.toml:68:10
  = fix: draw 40 random bits: `ipv6kit::plan::check::ula_prefix(random_bytes)`
",
    );
}

/// The ISP /32 (TOML, nested, RIPE-690 style). The delegation string starts at 3:14.
/// - P201 on the /32 itself, which *is* the Documentation block.
/// - Business: the /52 site gets a P105 note (neither /48 nor /56, but not below /56).
///   Residential: the /64 site gets a P105 warning (below /56: RIPE-690 §4.2 discourages a
///   single /64 per subscriber); its fix names the /56 and /48 around it.
/// - Links are /127 inside a /64 pool and loopbacks /128 inside a /64 pool: no P102/P103, and
///   no P401 (a /64 holding /127s is not a node that hands out /64s; the gaps after ::3 start
///   on a /127 boundary).
/// - 2002:c000:204::/48: outside the /32 (P003) and in 2002::/16 (6to4, RFC 3056, 2001-02,
///   Globally Reachable N/A: a note).
/// - Used: /32 holds a /36, a /40 and a /48: 1/16 + 1/256 + 1/65536 = 6.6422% → 6.64%;
///   business /40 holds a /48 and a /52: 1/256 + 1/4096 = 0.415% → 0.42%.
/// - Sizing: /32: 2^92 + 2^88 + 2^80 → 93 bits → /35 (/32), spanning :0..:1fff → /35;
///   infra: 2 /64s → /63 (/60); loopbacks: 2 addresses → /127 (/124), spanning ::1..::2 →
///   /126; links: 4 addresses → /126; business: 2^80 + 2^76 → /47; residential: 2^72 + 2^64
///   → /55, spanning :1000:0..:1000:100 → /55.
/// - One error: plancheck exits 1.
#[test]
fn isp_report() {
    let (got, errors) = report("isp.toml");
    assert!(errors);
    assert_lines(
        &got,
        "\
isp.toml: 15 prefixes, 1 error, 2 warnings, 2 notes

2001:db8::/32  [delegation]  · 2^32 /64s, 6.64% used  · P201
├─ 2001:db8::/48  [reserved]  infra — infrastructure  · 65536 /64s, <0.01% used
│  ├─ 2001:db8::/64  [pool]  loopbacks — router loopbacks  · 1 /64, <0.01% used
│  │  ├─ 2001:db8::1/128  [loopback]  br1.ams  · 1 address
│  │  └─ 2001:db8::2/128  [loopback]  br1.fra  · 1 address
│  └─ 2001:db8:0:1::/64  [pool]  links — point-to-point links  · 1 /64, <0.01% used
│     ├─ 2001:db8:0:1::/127  [link]  br1.ams - br1.fra  · 2 addresses
│     └─ 2001:db8:0:1::2/127  [link]  br1.ams - agg1.ams  · 2 addresses
├─ 2001:db8:100::/40  [pool]  business — business customers, a /48 each  · 2^24 /64s, 0.42% used
│  ├─ 2001:db8:100::/48  [site]  ACME Ltd  · 65536 /64s
│  └─ 2001:db8:101::/52  [site]  Small Shop  · 4096 /64s  · P105
└─ 2001:db8:1000::/36  [pool]  residential — residential customers, a /56 each (DHCPv6-PD)  · 2^28 /64s, <0.01% used
   ├─ 2001:db8:1000::/56  [site]  customer 1  · 256 /64s
   └─ 2001:db8:1000:100::/64  [site]  customer 2, given a single /64  · 1 /64  · P105
2002:c000:204::/48  sixtofour — old 6to4 relay space  · 65536 /64s  · P003 P201

sizing:
  2001:db8::/32 holds 1 × /36 + 1 × /40 + 1 × /48: renumbered, they fit in a /35 (a /32 on a nibble boundary); as numbered, in 2001:db8::/35
  2001:db8::/48 holds 2 × /64: renumbered, they fit in a /63 (a /60 on a nibble boundary); as numbered, in 2001:db8::/63
  2001:db8::/64 holds 2 × /128: renumbered, they fit in a /127 (a /124 on a nibble boundary); as numbered, in 2001:db8::/126
  2001:db8:0:1::/64 holds 2 × /127: renumbered, they fit in a /126 (a /124 on a nibble boundary); as numbered, in 2001:db8:0:1::/126
  2001:db8:100::/40 holds 1 × /48 + 1 × /52: renumbered, they fit in a /47 (a /44 on a nibble boundary); as numbered, in 2001:db8:100::/47
  2001:db8:1000::/36 holds 1 × /56 + 1 × /64: renumbered, they fit in a /55 (a /52 on a nibble boundary); as numbered, in 2001:db8:1000::/55

warning[P201]: 2001:db8::/32 is the special-purpose block 2001:db8::/32 (Documentation, RFC 3849, allocated 2004-07): documentation space is not routed: replace it before deployment
  --> isp.toml:3:14
  = fix: replace it with the delegation you were given (`space::renumber`)

note[P105]: the site 2001:db8:101::/52 is a /52: RIPE-690 §4.2 recommends a /48 or a /56 per site
  --> isp.toml:51:10

warning[P105]: the site 2001:db8:1000:100::/64 is a /64, smaller than a /56: RFC 6177 and RIPE-690 §4.2 give a site a /48, or at least a /56
  --> isp.toml:66:10
  = fix: use 2001:db8:1000:100::/56 or 2001:db8:1000::/48

error[P003]: 2002:c000:204::/48 is outside the declared delegation (2001:db8::/32)
  --> isp.toml:71:10

note[P201]: 2002:c000:204::/48 is in 2002::/16 (6to4, RFC 3056, allocated 2001-02): reserved for a special purpose
  --> isp.toml:71:10
",
    );
}

/// The house, renumbered when the ISP hands out a /56 instead of the /48: the /56 DMZ keeps
/// its low subnet bits (9900 → 00), the /62 and /64 move with it.
#[test]
fn house_renumbered_into_a_56() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/plans/house.txt");
    let plan = plan::read(&std::fs::read_to_string(path).unwrap(), Format::Text).unwrap();
    let from = "2001:db8:ebbd::/48".parse().unwrap();
    // The house lists its /48 and a DMZ /56 inside it: in a /56 the DMZ would equal the
    // delegation entry (a duplicate, P002), so a /56 is refused with the size that works.
    let e = plan::space::renumber(&plan, from, "2001:db8:77:ab00::/56".parse().unwrap()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the plan's contents of 2001:db8:ebbd::/48 need at least a /55; 2001:db8:77:ab00::/56 is a /56"
    );
    // In a /55: offsets (the DMZ is /56 number 0x99) do not fit two /56s, so the low bits are
    // kept: 0x99 is odd, so the DMZ is the second /56, and its /62 and /64 move with it.
    let r = plan::space::renumber(&plan, from, "2001:db8:77:aa00::/55".parse().unwrap()).unwrap();
    let got: Vec<String> = r.plan.iter().map(|(_, e)| e).map(|e| e.prefix.to_string()).collect();
    assert_eq!(
        got,
        [
            "::/0",
            "2001:db8:77:aa00::/55",
            "2001:db8:77:ab00::/56",
            "2001:db8:77:ab08::/62",
            "2001:db8:77:ab0a::/64"
        ]
    );
    assert_eq!(r.strategy, plan::space::Strategy::KeepLowBits);
}

/// A 1,000,000-line text plan (a /32 of /48 sites, /56s, /64s, with descriptions) is read,
/// built and checked in bounded time — generous bounds, since tests run unoptimised.
#[test]
fn a_million_lines() {
    use std::fmt::Write;
    let mut text = String::with_capacity(60_000_000);
    text.push_str("2001:db8::/32 [delegation] the ISP\n");
    let mut n = 1;
    'outer: for site in 0..65_536u32 {
        let _ = writeln!(text, "  - 2001:db8:{site:x}::/48 [site] customer {site}");
        n += 1;
        for b in 0..4u32 {
            let _ = writeln!(text, "    * 2001:db8:{site:x}:{:x}00::/56 building {b}", b * 0x10);
            n += 1;
            for l in 0..14u32 {
                let _ = writeln!(
                    text,
                    "      • 2001:db8:{site:x}:{:x}::/64 [lan] floor {l}",
                    b * 0x1000 + l
                );
                n += 1;
                if n >= 1_000_000 {
                    break 'outer;
                }
            }
        }
    }
    let start = std::time::Instant::now();
    let plan = plan::read(&text, Format::Text).unwrap();
    let findings = check::check(&plan);
    let took = start.elapsed();
    assert_eq!(plan.len(), 1_000_000);
    // The /32 is documentation space (one P201); every /56 is inside its site; nothing else.
    assert_eq!(findings.len(), 1, "{:?}", &findings[..findings.len().min(3)]);
    assert!(took.as_secs() < 60, "{took:?}");
}

/// Pathological nesting: the chain ::/0 ⊃ ::/1 ⊃ … ⊃ ::/128 written 2,000 times (258,000
/// lines). Depth stays 128 (copies are siblings), each copy after the first is a duplicate,
/// and duplicates are found in linear time.
#[test]
fn pathological_nesting() {
    let mut text = String::new();
    for _ in 0..2_000 {
        for len in 0..=128 {
            text.push_str(&format!("::/{len}\n"));
        }
    }
    let start = std::time::Instant::now();
    let plan = plan::read(&text, Format::Text).unwrap();
    let findings = check::check(&plan);
    let took = start.elapsed();
    assert_eq!(plan.len(), 258_000);
    assert_eq!((0..plan.len()).map(|i| plan.depth(i)).max(), Some(128));
    assert_eq!(
        findings.iter().filter(|f| f.code == check::Code::P002).count(),
        129 * 1_999
    );
    let report = render::text::report(&plan, &findings, &render::ReportOptions::default());
    assert!(report.lines().count() > 258_000);
    assert!(took.as_secs() < 60, "{took:?}");
}

/// The house plan as JSON (the TOML schema, through serde_json) reads to the same entries as
/// the pasted text, with its own locations.
#[test]
fn house_as_json_reads_like_the_text() {
    let json = r#"{
  "prefix": [
    { "prefix": "::/0", "description": "the Internet" },
    { "prefix": "2001:db8:ebbd::/48", "description": "my house network",
      "dmz": { "prefix": "2001:db8:ebbd:9900::/56", "description": "my DMZ network",
        "r2": { "prefix": "2001:db8:ebbd:9908::/62",
                "description": "the LAN ports of R2 (unused; DHCPv6-PD allocates them)",
          "r1": { "prefix": "2001:db8:ebbd:990a::/64", "description": "the LAN ports of R1, out in NAT-land" } } } }
  ]
}"#;
    let from_json = plan::read(json, Format::Json).unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/plans/house.txt");
    let from_text = plan::read(&std::fs::read_to_string(path).unwrap(), Format::Text).unwrap();
    let strip = |p: &plan::Plan| -> Vec<(String, String, Option<usize>)> {
        p.iter()
            .map(|(i, e)| (e.prefix.to_string(), e.description.clone(), p.parent(i)))
            .collect()
    };
    assert_eq!(strip(&from_json), strip(&from_text));
    // The /64 is at line 8: 10 spaces, `"r1": { "prefix": ` and the value's opening quote at column 29.
    let r1 = from_json.find("2001:db8:ebbd:990a::/64".parse().unwrap()).unwrap();
    assert_eq!((from_json[r1].location.line, from_json[r1].location.column), (8, 29));
    assert_eq!(from_json[r1].name.as_deref(), Some("r1"));
    assert!(check::check(&from_json).iter().all(|f| f.code != check::Code::P004));
}
