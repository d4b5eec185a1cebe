//! Gives the shared library its SONAME, so that programs linked against `libipv6kit.so`
//! record `libipv6kit.so.0` and keep working across compatible upgrades.

fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    // ELF platforms with a GNU-compatible linker (Linux: glibc, musl, uClibc on OpenWrt).
    if target_os == "linux" || target_os == "android" || target_env == "musl" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libipv6kit.so.0");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
