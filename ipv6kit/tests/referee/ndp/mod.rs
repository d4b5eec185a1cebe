//! Neighbor Discovery referees: the Linux kernel, radvd, tshark, rdisc6 and ndisc6 judge
//! ipv6kit's ND parser and builders. Frames go in and out through `AF_PACKET` sockets opened
//! by a small Python helper run inside a namespace (`ip netns exec NS python3 -c ...`), so the
//! tests need no unsafe code and no socket crates; every byte sent is built by ipv6kit.

mod kernel;
mod ndisc6;
mod radvd;
mod tshark;

use super::netlab::Netns;
use std::time::Duration;

/// Sends hex frames on `dev` (whole Ethernet frames, `AF_PACKET`), then prints every frame
/// received on `dev` for `wait` seconds (frames we sent are skipped), one hex line each.
/// With `--on-type T`, waits for a received ICMPv6 message of type T before sending.
/// With `--repeat N`, sends the frames N times, 200 ms apart.
const RAWIO: &str = r#"
import socket, sys, time, select
args = sys.argv[1:]
dev = args.pop(0); wait = float(args.pop(0))
on_type = None; repeat = 1
while args and args[0].startswith('--'):
    opt = args.pop(0)
    if opt == '--on-type': on_type = int(args.pop(0))
    elif opt == '--repeat': repeat = int(args.pop(0))
frames = [bytes.fromhex(h) for h in args]
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x86dd))
s.bind((dev, 0x86dd))
def send_all():
    for f in frames: s.send(f)
sent = 0; last = time.time()
if on_type is None:
    send_all(); sent = 1
print('ready', flush=True)
end = time.time() + wait
while True:
    now = time.time()
    if now >= end: break
    pending = on_type is None and sent < repeat
    if pending and now - last >= 0.2:
        send_all(); sent += 1; last = now
    r, _, _ = select.select([s], [], [], min(end - now, 0.05) if pending else end - now)
    if not r: continue
    data, addr = s.recvfrom(65535)
    if addr[2] == socket.PACKET_OUTGOING: continue
    print(data.hex(), flush=True)
    if on_type is not None and sent == 0 and len(data) > 54 and data[20] == 58 and data[54] == on_type:
        send_all(); sent = 1
"#;

/// Runs [`RAWIO`] in `ns` on `dev` and returns the frames it received.
pub fn rawio(ns: &Netns, dev: &str, wait: Duration, extra: &[&str], frames: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let wait = format!("{}", wait.as_secs_f64());
    let hex: Vec<String> = frames.iter().map(|f| to_hex(f)).collect();
    let mut argv = vec!["python3", "-c", RAWIO, dev, &wait];
    argv.extend_from_slice(extra);
    argv.extend(hex.iter().map(|s| s.as_str()));
    let out = ns.exec(&argv);
    out.lines().filter(|l| *l != "ready").map(from_hex).collect()
}

/// Starts [`RAWIO`] in the background (e.g. a responder); returns once it is listening.
pub fn rawio_spawn(
    ns: &mut Netns,
    dev: &str,
    wait: Duration,
    extra: &[&str],
    frames: &[Vec<u8>],
) -> std::process::Child {
    use std::io::BufRead;
    let wait = format!("{}", wait.as_secs_f64());
    let hex: Vec<String> = frames.iter().map(|f| to_hex(f)).collect();
    let mut cmd = std::process::Command::new("ip");
    cmd.args(["netns", "exec", &ns.name, "python3", "-c", RAWIO, dev, &wait])
        .args(extra)
        .args(&hex);
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit());
    let mut child = cmd.spawn().expect("python3 starts");
    let stdout = child.stdout.take().unwrap();
    let mut reader = std::io::BufReader::new(stdout);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert_eq!(line.trim(), "ready", "raw socket helper did not start");
    // Keep draining what it prints so it never writes into a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
    child
}

pub fn to_hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

pub fn from_hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// Writes a classic pcap file (Ethernet link type) holding `frames`.
pub fn write_pcap(path: &std::path::Path, frames: &[Vec<u8>]) {
    let mut out = Vec::new();
    out.extend_from_slice(&0xa1b2_c3d4u32.to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&4u16.to_le_bytes());
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(&65535u32.to_le_bytes());
    out.extend_from_slice(&1u32.to_le_bytes());
    for (i, f) in frames.iter().enumerate() {
        out.extend_from_slice(&(i as u32).to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&(f.len() as u32).to_le_bytes());
        out.extend_from_slice(&(f.len() as u32).to_le_bytes());
        out.extend_from_slice(f);
    }
    std::fs::write(path, out).unwrap();
}

/// Waits until `dev` in `ns` has no tentative address (DAD done).
pub fn wait_dad(ns: &Netns, dev: &str) {
    super::netlab::wait_for("DAD to finish", Duration::from_secs(10), || {
        let out = ns.exec(&["ip", "-6", "addr", "show", "dev", dev, "tentative"]);
        let has_ll = ns.exec(&["ip", "-6", "addr", "show", "dev", dev]).contains("fe80::");
        (out.trim().is_empty() && has_ll).then_some(())
    })
}

/// A scratch directory for the test, removed on drop.
pub struct Scratch(pub std::path::PathBuf);

impl Scratch {
    pub fn new(test: &str) -> Scratch {
        let p = std::env::temp_dir().join(format!("ipk-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Scratch(p)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
