//! The shared test bench for referee tests: network namespaces, veth pairs, tools.
//!
//! Recipe from `shared/netlab.md`. Every namespace is named `ipk-<pid>-<n>` so tests can
//! run in parallel, and is deleted (after killing what was started in it) on drop.
#![allow(dead_code)]

use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// The variable that turns a skip into a failure (CI sets it).
pub const REQUIRE: &str = "IPV6KIT_REQUIRE_REFEREES";

/// Skips the calling test loudly, or fails it when `IPV6KIT_REQUIRE_REFEREES` is set.
pub fn skip(test: &str, why: &str) {
    let required = std::env::var(REQUIRE)
        .map(|v| !v.is_empty() && v != "0")
        .unwrap_or(false);
    if required {
        panic!("referee test {test} cannot run: {why} ({REQUIRE} is set, so this is a failure)");
    }
    eprintln!("\n*** SKIPPED referee test {test}: {why} (set {REQUIRE}=1 to make this fail) ***\n");
}

/// True when running as root (needed for namespaces).
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// True when `tool` is on the PATH.
pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Checks that the test can run: root (when `root`) and every tool. Skips (or fails) otherwise.
/// Returns true when the test should go on.
pub fn require(test: &str, root: bool, tools: &[&str]) -> bool {
    if root && !is_root() {
        skip(test, "needs root for network namespaces");
        return false;
    }
    for t in tools {
        if !have(t) {
            skip(test, &format!("`{t}` is not installed (the test command installs it)"));
            return false;
        }
    }
    true
}

/// Runs a command, panicking with its stderr when it fails.
pub fn run(argv: &[&str]) -> String {
    let out = output(argv);
    assert!(
        out.status.success(),
        "command failed: {:?}\nstatus: {}\nstderr: {}",
        argv,
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs a command and returns its whole output, whatever its status.
pub fn output(argv: &[&str]) -> Output {
    Command::new(argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot start {:?}: {e}", argv))
}

static NEXT: AtomicU32 = AtomicU32::new(0);

/// A network namespace that is deleted, with everything started in it, when dropped.
pub struct Netns {
    /// The namespace's name.
    pub name: String,
    children: Vec<Child>,
}

impl Netns {
    /// Creates a fresh namespace with `lo` up.
    pub fn new() -> Netns {
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let name = format!("ipk-{}-{}", std::process::id(), n);
        run(&["ip", "netns", "add", &name]);
        let ns = Netns {
            name,
            children: Vec::new(),
        };
        ns.exec(&["ip", "link", "set", "lo", "up"]);
        ns
    }

    /// Runs a command inside the namespace; panics on failure.
    pub fn exec(&self, argv: &[&str]) -> String {
        let mut full = vec!["ip", "netns", "exec", &self.name];
        full.extend_from_slice(argv);
        run(&full)
    }

    /// Runs a command inside the namespace and returns its output whatever its status.
    pub fn output(&self, argv: &[&str]) -> Output {
        let mut full = vec!["ip", "netns", "exec", &self.name];
        full.extend_from_slice(argv);
        output(&full)
    }

    /// Starts a long-running process inside the namespace; it is killed on drop.
    pub fn spawn(&mut self, argv: &[&str], stderr_to: Option<&std::path::Path>) -> u32 {
        let mut cmd = Command::new("ip");
        cmd.args(["netns", "exec", &self.name]).args(argv).stdin(Stdio::null());
        cmd.stdout(Stdio::null());
        match stderr_to {
            Some(p) => {
                cmd.stderr(std::fs::File::create(p).expect("log file"));
            }
            None => {
                cmd.stderr(Stdio::null());
            }
        }
        let child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {argv:?}: {e}"));
        let pid = child.id();
        self.children.push(child);
        pid
    }

    /// Starts radvd in the namespace with `config` (written to `dir/radvd.conf`), logging to
    /// `dir/radvd.log`, and waits until it has written its pid file. It is killed on drop.
    /// Returns the log's path.
    pub fn start_radvd(&mut self, dir: &std::path::Path, config: &str) -> std::path::PathBuf {
        std::fs::create_dir_all(dir).expect("radvd scratch directory");
        let conf = dir.join("radvd.conf");
        let pid = dir.join("radvd.pid");
        let log = dir.join("radvd.log");
        std::fs::write(&conf, config).expect("radvd.conf");
        let _ = std::fs::remove_file(&pid);
        let (conf_s, pid_s) = (conf.to_string_lossy().into_owned(), pid.to_string_lossy().into_owned());
        self.spawn(
            &["radvd", "-C", &conf_s, "-p", &pid_s, "-n", "-d", "1", "-m", "stderr"],
            Some(&log),
        );
        wait_for("radvd to write its pid file", Duration::from_secs(5), || {
            pid.exists().then_some(())
        });
        log
    }

    /// Sets a sysctl inside the namespace.
    pub fn sysctl(&self, key: &str, value: &str) {
        self.exec(&["sysctl", "-q", "-w", &format!("{key}={value}")]);
    }

    /// Reads a sysctl inside the namespace.
    pub fn sysctl_get(&self, key: &str) -> String {
        self.exec(&["sysctl", "-n", key]).trim().to_string()
    }
}

impl Default for Netns {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        for c in &mut self.children {
            let _ = c.kill();
            let _ = c.wait();
        }
        let _ = Command::new("ip")
            .args(["netns", "del", &self.name])
            .stderr(Stdio::null())
            .status();
    }
}

/// Two namespaces joined by a veth pair: `a.name`/`dev_a` and `b.name`/`dev_b`, both up.
pub struct Link {
    /// First host.
    pub a: Netns,
    /// Second host.
    pub b: Netns,
    /// Interface name in `a`.
    pub dev_a: String,
    /// Interface name in `b`.
    pub dev_b: String,
}

impl Link {
    /// Creates the pair with the given MACs (or the kernel's random ones), and brings it up
    /// unless `up` is false (set sysctls first, then call [`Link::up`]).
    pub fn new(mac_a: Option<&str>, mac_b: Option<&str>, up: bool) -> Link {
        let a = Netns::new();
        let b = Netns::new();
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let (ta, tb) = (
            format!("ipka{}x{n}", std::process::id() % 100000),
            format!("ipkb{}x{n}", std::process::id() % 100000),
        );
        run(&["ip", "link", "add", &ta, "type", "veth", "peer", "name", &tb]);
        run(&["ip", "link", "set", &ta, "netns", &a.name]);
        run(&["ip", "link", "set", &tb, "netns", &b.name]);
        a.exec(&["ip", "link", "set", &ta, "name", "va"]);
        b.exec(&["ip", "link", "set", &tb, "name", "vb"]);
        if let Some(m) = mac_a {
            a.exec(&["ip", "link", "set", "dev", "va", "address", m]);
        }
        if let Some(m) = mac_b {
            b.exec(&["ip", "link", "set", "dev", "vb", "address", m]);
        }
        let link = Link {
            a,
            b,
            dev_a: "va".into(),
            dev_b: "vb".into(),
        };
        if up {
            link.up();
        }
        link
    }

    /// Brings both ends up.
    pub fn up(&self) {
        self.a.exec(&["ip", "link", "set", "va", "up"]);
        self.b.exec(&["ip", "link", "set", "vb", "up"]);
    }
}

/// The router of shared/netlab.md, advertising on `dev`: prefix 2001:db8:1::/64, a route to
/// 2001:db8:f00::/48, two RDNSS servers, two DNSSL domains, MTU 1480, the advertisement interval.
pub fn netlab_radvd_config(dev: &str) -> String {
    format!(
        "interface {dev} {{
    AdvSendAdvert on; MinRtrAdvInterval 30; MaxRtrAdvInterval 100;
    AdvLinkMTU 1480; AdvOtherConfigFlag on; AdvDefaultPreference high; AdvIntervalOpt on;
    prefix 2001:db8:1::/64 {{ AdvOnLink on; AdvAutonomous on; AdvValidLifetime 86400; AdvPreferredLifetime 14400; }};
    route 2001:db8:f00::/48 {{ AdvRoutePreference high; AdvRouteLifetime 3600; }};
    RDNSS 2001:db8:1::53 2001:db8:1::54 {{ AdvRDNSSLifetime 600; }};
    DNSSL example.com lab.example.org {{ AdvDNSSLLifetime 600; }};
}};
"
    )
}

/// Polls `f` every 50 ms until it returns `Some`, or panics with `what` after `timeout`.
pub fn wait_for<T>(what: &str, timeout: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        if start.elapsed() > timeout {
            panic!("timed out after {timeout:?} waiting for {what}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A small seeded generator (SplitMix64) for random test cases. Not for cryptography.
/// The seed comes from `IPV6KIT_SEED` or the clock, and is printed so a failure can be replayed.
pub struct Rng(u64);

impl Rng {
    /// A generator for the named test, seeded from `IPV6KIT_SEED` or the clock.
    pub fn for_test(test: &str) -> Rng {
        let seed = std::env::var("IPV6KIT_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        eprintln!("{test}: IPV6KIT_SEED={seed}");
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// `n` random bytes.
    pub fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        for chunk in out.chunks_mut(8) {
            let v = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
        out
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// Runs a command with `input` on its standard input and returns its standard output;
/// panics with its stderr when it fails. For tools that read a batch of inputs (one per line).
pub fn run_with_stdin(argv: &[&str], input: &str) -> String {
    use std::io::Write;
    let mut child = Command::new(argv[0])
        .args(&argv[1..])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {argv:?}: {e}"));
    let mut stdin = child.stdin.take().expect("piped stdin");
    let data = input.to_owned();
    // Write from a thread so a tool that answers line by line cannot dead-lock on a full pipe.
    let writer = std::thread::spawn(move || stdin.write_all(data.as_bytes()));
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{argv:?}: {e}"));
    writer
        .join()
        .expect("writer thread")
        .unwrap_or_else(|e| panic!("writing to {argv:?}: {e}"));
    assert!(
        out.status.success(),
        "command failed: {argv:?}\nstatus: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
