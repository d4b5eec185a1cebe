#!/usr/bin/env bash
# The one test command: everything the project promises, on a fresh Debian machine.
#
#   bash tools/test-all.sh            # all steps
#   bash tools/test-all.sh rust c     # only the named steps
#
# Steps: setup lint rust nostd docs c python fuzz. It installs what it needs itself
# (Debian packages as root, a Python venv, cargo tools) and fails when something is missing.
# Referee tests that need root skip loudly without it; IPV6KIT_REQUIRE_REFEREES=1 (set by
# .ci/run) turns every such skip into a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
export CARGO_INCREMENTAL=0
VENV=$ROOT/.venv

APT_PACKAGES=(radvd ndisc6 tcpdump tshark ipv6calc iputils-ping iproute2 valgrind
              python3-venv pkg-config clang libclang-rt-14-dev ieee-data)
PY_PACKAGES=(maturin pytest hypothesis mypy nbclient nbformat ipykernel)

passed=(); failed=()
step() {  # step NAME COMMAND...
    local name=$1; shift
    echo
    echo "================ step: $name ================"
    local t0=$SECONDS
    if "$@"; then passed+=("$name"); echo "---- $name: ok ($((SECONDS - t0)) s)"
    else failed+=("$name"); echo "---- $name: FAILED ($((SECONDS - t0)) s)"; fi
}

do_setup() {
    local missing=()
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        if [ "$(id -u)" = 0 ]; then
            echo "installing Debian packages: ${missing[*]}"
            apt-get update -q >/dev/null || return 1
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || return 1
        else
            echo "missing Debian packages (run as root to install): ${missing[*]}"
            [ -n "${IPV6KIT_REQUIRE_REFEREES:-}" ] && return 1
        fi
    fi
    if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV" || return 1; fi
    "$VENV/bin/pip" install -q --disable-pip-version-check "${PY_PACKAGES[@]}" || return 1
    if ! cargo fuzz --version >/dev/null 2>&1; then
        cargo install -q --locked cargo-fuzz || return 1
    fi
    if ! command -v cbindgen >/dev/null 2>&1; then
        cargo install -q --locked cbindgen || return 1
    fi
}

do_lint() {
    cargo fmt --all --check || return 1
    (cd fuzz && cargo fmt --check) || return 1
    cargo clippy -q --workspace --all-targets --all-features -- -D warnings || return 1
}

do_rust() {
    # The FFI libraries first: the C-facing tests link them.
    cargo build -q -p ipv6kit-ffi --release || return 1
    cargo test -q --workspace --all-features 2>&1 | tee "$ROOT/target/rust-test.log"
    [ "${PIPESTATUS[0]}" = 0 ] || return 1
    # The doctests and unit tests once more in the minimal configurations.
    cargo test -q -p ipv6kit --no-default-features --lib || return 1
    cargo test -q -p ipv6kit --no-default-features --features alloc --lib || return 1
}

do_nostd() {
    cargo build -q -p ipv6kit --no-default-features || return 1
    cargo build -q -p ipv6kit --no-default-features --features alloc || return 1
}

do_docs() {
    RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps -p ipv6kit --all-features || return 1
    RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps -p ipv6kit-ffi || return 1
}

do_c() {
    [ -x ipv6kit-ffi/tests/run-c-tests.sh ] || { echo "no C tests yet"; return 1; }
    ipv6kit-ffi/tests/run-c-tests.sh
}

do_python() {
    [ -x ipv6kit-py/tests/run-python-tests.sh ] || { echo "no Python tests yet"; return 1; }
    PATH="$VENV/bin:$PATH" VIRTUAL_ENV=$VENV ipv6kit-py/tests/run-python-tests.sh
}

do_fuzz() {
    # Build every target, then run each briefly (stable toolchain: no sanitizer).
    (cd fuzz && cargo fuzz build -s none) || return 1
    local t
    for t in $(cd fuzz && cargo fuzz list); do
        mkdir -p "fuzz/target/corpus-work/$t"
        (cd fuzz && cargo fuzz run -s none "$t" "target/corpus-work/$t" "corpus/$t" -- \
            -max_total_time="${IPV6KIT_FUZZ_SECONDS:-20}" -print_final_stats=0 >/dev/null 2>"target/$t.log") \
            || { echo "fuzz target $t failed:"; tail -40 "fuzz/target/$t.log"; return 1; }
        echo "fuzz target $t: no finding in ${IPV6KIT_FUZZ_SECONDS:-20} s"
    done
}

steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=(setup lint nostd docs rust c python fuzz)
for s in "${steps[@]}"; do
    case $s in
        setup|lint|rust|nostd|docs|c|python|fuzz) step "$s" "do_$s" ;;
        *) echo "unknown step $s"; exit 2 ;;
    esac
done

echo
echo "================ summary ================"
echo "steps passed: ${passed[*]:-none}"
echo "steps failed: ${failed[*]:-none}"
echo "${#passed[@]} passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
