//! Which address will this host take on this prefix? Stable-privacy (RFC 7217) addresses as
//! the Linux kernel, NetworkManager and systemd-networkd compute them, plus ipv6kit's generic
//! RFC 7217 generator, printed as DNS AAAA records.
//!
//! ```text
//! cargo run -p ipv6kit-examples --example stable -- --help
//! cargo run -p ipv6kit-examples --example stable                      # a demo of all four
//! cargo run -p ipv6kit-examples --example stable -- linux --prefix 2001:db8:1::/64 \
//!     --stable-secret 2001:db8:1:2:3:4:5:6 --name host.example.org.
//! ```

use ipv6kit::iid::stable::{linux, network_manager as nm, rfc7217, systemd};
use ipv6kit::Ipv6Net;
use std::collections::HashMap;
use std::net::Ipv6Addr;
use std::process::ExitCode;

const HELP: &str = "\
stable: which stable-privacy (RFC 7217) address will this host take on this prefix?

USAGE: stable [IMPLEMENTATION] --prefix PREFIX/64 [--name DNS-NAME] [OPTIONS]
       (no IMPLEMENTATION: a demo of all four with example inputs)

IMPLEMENTATIONS and their inputs, named as each system's configuration names them:
  linux            net.ipv6.conf.IF.addr_gen_mode 2 or 3
    --stable-secret ADDR     net.ipv6.conf.IF.stable_secret (required)
    --perm-addr MAC          the device's permanent address (default: none, as veth/bridges)
    --byte-order little|big  the host's byte order (default: this machine's)
    --idgen-retries N        net.ipv6.idgen_retries (default 3)
    --dad-count N            DAD conflicts so far (default 0)
  networkmanager   ipv6.addr-gen-mode=stable-privacy
    --ifname NAME            the interface name (required)
    --connection-uuid UUID   connection.uuid (the default network id)
    --stable-id ID           connection.stable-id, expanded (replaces the UUID)
    --secret-key-file PATH   /var/lib/NetworkManager/secret_key (required)
    --machine-id HEX         /etc/machine-id (default: read it)
    --dad-counter N          DAD conflicts so far (default 0)
  systemd          [IPv6AcceptRA] Token=prefixstable (and the NDISC default)
    --ifname NAME            the interface name (required)
    --hw-addr MAC            the link's hardware address (required)
    --secret-key ID          Token=prefixstable,ID (default: from the machine id)
    --machine-id HEX         /etc/machine-id (default: read it)
    --app ndisc|dhcp-pd|radv which section's Token= (default ndisc)
    --ssid SSID              the wireless network, when connected to one
  rfc7217          ipv6kit's generic generator (HMAC-SHA-256)
    --secret-key HEX         at least 16 bytes, in hex (required)
    --net-iface NAME         the interface (required)
    --network-id ID          e.g. an SSID (default empty)
    --dad-counter N          (default 0)

  --name NAME      the owner name of the AAAA record (default host.example.)
  -h, --help       this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return ExitCode::SUCCESS;
    }
    let result = match args.first().map(String::as_str) {
        None => demo(),
        Some(imp) if !imp.starts_with('-') => options(&args[1..]).and_then(|o| answer(imp, &o)),
        Some(_) => options(&args).and_then(|o| answer("linux", &o)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stable: {e}\n(try --help)");
            ExitCode::FAILURE
        }
    }
}

type Opts = HashMap<String, String>;

fn options(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts::new();
    let mut it = args.iter();
    while let Some(k) = it.next() {
        let key = k
            .strip_prefix("--")
            .ok_or_else(|| format!("unexpected argument {k:?}"))?;
        let v = it.next().ok_or_else(|| format!("--{key} needs a value"))?;
        o.insert(key.to_string(), v.clone());
    }
    Ok(o)
}

fn need<'a>(o: &'a Opts, k: &str) -> Result<&'a str, String> {
    o.get(k).map(String::as_str).ok_or_else(|| format!("--{k} is required"))
}

fn parse<T: std::str::FromStr>(o: &Opts, k: &str, default: T) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    o.get(k)
        .map_or(Ok(default), |v| v.parse().map_err(|e| format!("--{k} {v:?}: {e}")))
}

/// Hex digits, with any `:`, `-` or spaces between them, to bytes.
fn hex(s: &str) -> Result<Vec<u8>, String> {
    let digits: Vec<u8> = s.bytes().filter(|b| !matches!(b, b':' | b'-' | b' ' | b'\n')).collect();
    if digits.len() % 2 != 0 {
        return Err(format!("{s:?}: an odd number of hex digits"));
    }
    digits
        .chunks(2)
        .map(|p| {
            std::str::from_utf8(p)
                .ok()
                .and_then(|t| u8::from_str_radix(t, 16).ok())
                .ok_or(format!("{s:?} is not hex"))
        })
        .collect()
}

fn id128(s: &str) -> Result<[u8; 16], String> {
    hex(s)?
        .try_into()
        .map_err(|_| format!("{s:?}: a 128-bit id is 32 hex digits"))
}

fn machine_id(o: &Opts) -> Result<String, String> {
    match o.get("machine-id") {
        Some(m) => Ok(m.clone()),
        None => std::fs::read_to_string("/etc/machine-id")
            .map(|s| s.trim().to_string())
            .map_err(|e| format!("--machine-id not given and /etc/machine-id unreadable: {e}")),
    }
}

fn answer(imp: &str, o: &Opts) -> Result<(), String> {
    let prefix: Ipv6Net = ipv6kit::text::parse_prefix(need(o, "prefix")?).map_err(|e| format!("--prefix: {e}"))?;
    let name = o.get("name").map_or("host.example.", String::as_str);
    let e = |e: ipv6kit::iid::stable::StableError| e.to_string();
    let (addr, how) = match imp {
        "linux" => {
            let secret: Ipv6Addr = need(o, "stable-secret")?
                .parse()
                .map_err(|e| format!("--stable-secret: {e}"))?;
            let perm = o.get("perm-addr").map_or(Ok(Vec::new()), |m| hex(m))?;
            let order = match o.get("byte-order").map(String::as_str) {
                None => linux::ByteOrder::native(),
                Some("little") => linux::ByteOrder::Little,
                Some("big") => linux::ByteOrder::Big,
                Some(x) => return Err(format!("--byte-order {x:?}: little or big")),
            };
            let retries = parse(o, "idgen-retries", linux::IDGEN_RETRIES)?;
            let dad = parse(o, "dad-count", 0u8)?;
            let a = linux::stable_address(secret, prefix, &perm, dad, retries, order).map_err(e)?;
            (a, format!("Linux kernel, addr_gen_mode 2, {order:?}-endian host"))
        }
        "networkmanager" | "nm" => {
            let file = std::fs::read(need(o, "secret-key-file")?).map_err(|e| format!("--secret-key-file: {e}"))?;
            let mid = machine_id(o).ok();
            let host_id = nm::host_id(&file, mid.as_deref()).map_err(e)?;
            let (ty, id) = match (o.get("stable-id"), o.get("connection-uuid")) {
                (Some(s), _) => (nm::StableType::StableId, s.as_str()),
                (None, Some(u)) => (nm::StableType::Uuid, u.as_str()),
                (None, None) => return Err("--connection-uuid or --stable-id is required".into()),
            };
            let dad = parse(o, "dad-counter", 0u32)?;
            let a =
                nm::stable_privacy_address(ty, prefix, need(o, "ifname")?, id, dad, host_id.as_bytes()).map_err(e)?;
            (a, "NetworkManager, ipv6.addr-gen-mode=stable-privacy".into())
        }
        "systemd" | "networkd" => {
            let key = match o.get("secret-key") {
                Some(k) => systemd::SecretKey::Configured(id128(k)?),
                None => systemd::SecretKey::MachineId {
                    machine_id: id128(&machine_id(o)?)?,
                    app_id: match o.get("app").map_or("ndisc", String::as_str) {
                        "ndisc" => systemd::NDISC_APP_ID,
                        "dhcp-pd" => systemd::DHCP_PD_APP_ID,
                        "radv" => systemd::RADV_APP_ID,
                        x => return Err(format!("--app {x:?}: ndisc, dhcp-pd or radv")),
                    },
                },
            };
            let hw = hex(need(o, "hw-addr")?)?;
            let ssid = o.get("ssid").map(String::as_str);
            let a = systemd::stable_private_address(key, prefix, need(o, "ifname")?, &hw, ssid, None).map_err(e)?;
            (a, "systemd-networkd, Token=prefixstable".into())
        }
        "rfc7217" => {
            let key = hex(need(o, "secret-key")?)?;
            let net_id = o.get("network-id").map_or("", String::as_str);
            let dad = parse(o, "dad-counter", 0u8)?;
            let a = rfc7217::stable_address(prefix, need(o, "net-iface")?.as_bytes(), net_id.as_bytes(), dad, &key)
                .map_err(e)?;
            (a, "ipv6kit generic RFC 7217 (HMAC-SHA-256)".into())
        }
        x => {
            return Err(format!(
                "unknown implementation {x:?}: linux, networkmanager, systemd or rfc7217"
            ))
        }
    };
    println!("; {how}");
    println!("{name:<24} IN AAAA {addr}");
    Ok(())
}

fn demo() -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("ipv6kit-stable-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let key_file = dir.join("secret_key");
    std::fs::write(&key_file, b"nm-v2:QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWY=").map_err(|e| e.to_string())?;
    let key_path = key_file.to_string_lossy().into_owned();
    let mid = "0123456789abcdef0123456789abcdef";
    let runs: [(&str, &[&str]); 5] = [
        (
            "linux",
            &["--stable-secret", "2001:db8:1:2:3:4:5:6", "--byte-order", "little"],
        ),
        (
            "linux",
            &["--stable-secret", "2001:db8:1:2:3:4:5:6", "--byte-order", "big"],
        ),
        (
            "networkmanager",
            &[
                "--ifname",
                "eth0",
                "--connection-uuid",
                "6b138152-9f3e-4b97-aaf7-e6e553f2a24e",
                "--secret-key-file",
                &key_path,
                "--machine-id",
                mid,
            ],
        ),
        (
            "systemd",
            &[
                "--ifname",
                "eth0",
                "--hw-addr",
                "12:34:56:78:9a:bc",
                "--machine-id",
                mid,
            ],
        ),
        (
            "rfc7217",
            &[
                "--secret-key",
                "000102030405060708090a0b0c0d0e0f",
                "--net-iface",
                "eth0",
            ],
        ),
    ];
    println!("; The same host on 2001:db8:1::/64 under each implementation (example inputs):");
    for (imp, extra) in runs {
        let mut args: Vec<String> = ["--prefix", "2001:db8:1::/64", "--name", "host.example."]
            .map(String::from)
            .into();
        args.extend(extra.iter().map(|s| s.to_string()));
        answer(imp, &options(&args)?)?;
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
