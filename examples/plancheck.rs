//! Checks an address plan and prints the report; exits 1 when the plan has errors, 2 when it
//! cannot be read.
//!
//! ```text
//! cargo run -p ipv6kit-examples --example plancheck -- examples/plans/house.txt
//! cargo run -p ipv6kit-examples --example plancheck -- --json examples/plans/campus.toml
//! cargo run -p ipv6kit-examples --example plancheck -- --svg map.svg examples/plans/isp.toml
//! ```
//!
//! The format comes from the extension (`.toml`, `.json`, anything else is text). Colour is on
//! when standard output is a terminal and `NO_COLOR` is unset; `--color` / `--no-color` decide.

use std::io::IsTerminal;
use std::process::ExitCode;

use ipv6kit::plan::{self, check, render, Format, Severity};

fn usage() -> ExitCode {
    eprintln!("usage: plancheck [--json] [--svg FILE] [--color|--no-color] PLAN");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut json = false;
    let mut svg: Option<String> = None;
    let mut color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut file: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--svg" => match args.next() {
                Some(f) => svg = Some(f),
                None => return usage(),
            },
            "--color" => color = true,
            "--no-color" => color = false,
            s if s.starts_with("--") => return usage(),
            _ if file.is_none() => file = Some(a),
            _ => return usage(),
        }
    }
    let Some(file) = file else { return usage() };
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };
    let plan = match plan::read(&text, Format::from_file_name(&file)) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{file}:{e}");
            return ExitCode::from(2);
        }
    };
    let findings = check::check(&plan);
    if json {
        println!("{}", render::json::report(&plan, &findings));
    } else {
        let name = std::path::Path::new(&file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        print!(
            "{}",
            render::text::report(&plan, &findings, &render::ReportOptions { color, source: name })
        );
    }
    if let Some(out) = svg {
        if let Err(e) = std::fs::write(&out, render::svg::map(&plan, &findings, &Default::default())) {
            eprintln!("{out}: {e}");
            return ExitCode::from(2);
        }
    }
    if findings.iter().any(|f| f.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
