#!/usr/bin/env bash
# The C step of the test command. Builds the Rust libraries (cargo), checks the committed header
# is not stale (cbindgen --verify) and that the library compiles without its `oui` feature,
# installs into a scratch prefix (exercising install.sh and the pkg-config files), then runs
# tests/c/test_ipv6kit.c four ways:
#   static, shared, AddressSanitizer + UndefinedBehaviorSanitizer (static), valgrind (shared).
# Each run must end with "N passed, 0 failed" (N at least 1) and exit 0.
#
#   ipv6kit-ffi/tests/run-c-tests.sh                   # the host
#   ipv6kit-ffi/tests/run-c-tests.sh --target TRIPLE   # another target (cross mode)
#
# Cross mode (the `bigendian` step of tools/test-all.sh: s390x-unknown-linux-gnu under qemu-user)
# builds the libraries for TRIPLE (CARGO_BUILD_TARGET, which install.sh honours), compiles the C
# programs with $CC (default: the target's cargo linker, CARGO_TARGET_<TRIPLE>_LINKER) and runs
# them through the target's cargo runner (CARGO_TARGET_<TRIPLE>_RUNNER, e.g.
# `qemu-s390x -L /usr/s390x-linux-gnu`). The same checks run there, except:
#   - header checks (cbindgen --verify, every function tested) and the no-oui build: they are
#     properties of the source, checked by the host run;
#   - asan-ubsan: AddressSanitizer cannot reserve its shadow memory under qemu-user, so the
#     sanitizer run is UndefinedBehaviorSanitizer alone ("ubsan");
#   - valgrind: the host's valgrind runs host programs only.
set -euo pipefail
CROSS=""
case "${1:-}" in
    --target) CROSS=${2:?usage: run-c-tests.sh [--target TRIPLE]} ;;
    "") ;;
    *) echo "usage: run-c-tests.sh [--target TRIPLE]"; exit 2 ;;
esac
HERE=$(cd "$(dirname "$0")" && pwd)
FFI=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$FFI/.." && pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
WORK=$TARGET_DIR/c-tests
PREFIX=$WORK/prefix
RUNNER=()
if [ -n "$CROSS" ]; then
    export CARGO_BUILD_TARGET=$CROSS
    var=$(echo "$CROSS" | tr 'a-z-' 'A-Z_')
    linker_var=CARGO_TARGET_${var}_LINKER runner_var=CARGO_TARGET_${var}_RUNNER
    CC=${CC:-${!linker_var:-}}
    [ -n "$CC" ] || { echo "cross mode: set CC or $linker_var to the C cross compiler"; exit 1; }
    read -ra RUNNER <<<"${!runner_var:-}"
    [ ${#RUNNER[@]} -gt 0 ] || { echo "cross mode: set $runner_var (for example qemu-s390x -L /usr/s390x-linux-gnu)"; exit 1; }
    WORK=$TARGET_DIR/c-tests-$CROSS
    PREFIX=$WORK/prefix
    echo "== cross mode: $CROSS, CC=$CC, runner: ${RUNNER[*]}"
else
    CC=${CC:-gcc}
fi
CFLAGS=(-std=c99 -Wall -Wextra -Werror -pedantic -g -O1)
rm -rf "$WORK"; mkdir -p "$WORK"
fail=0

if [ -z "$CROSS" ]; then
    echo "== header: cbindgen --verify"
    if ! command -v cbindgen >/dev/null 2>&1; then
        cargo install -q --locked cbindgen
    fi
    (cd "$FFI" && cbindgen --config cbindgen.toml --crate ipv6kit-ffi --output include/ipv6kit.h --verify) || {
        echo "include/ipv6kit.h is stale: regenerate it with"
        echo "  (cd ipv6kit-ffi && cbindgen --config cbindgen.toml --crate ipv6kit-ffi --output include/ipv6kit.h)"
        exit 1
    }

    echo "== every function in the header is exercised by the C tests"
    missing=0
    for fn in $(grep -o 'ipv6kit_[a-z0-9_]*(' "$FFI/include/ipv6kit.h" | tr -d '(' | sort -u); do
        grep -q "$fn(" "$HERE/c/test_ipv6kit.c" || { echo "not tested from C: $fn"; missing=1; }
    done
    [ $missing = 0 ] || exit 1

    echo "== the library without the oui feature (firmware: --no-default-features) compiles"
    (cd "$ROOT" && cargo check -q -p ipv6kit-ffi --no-default-features)
fi

echo "== build and install (release) into $PREFIX"
"$FFI/install.sh" "$PREFIX" release
export PKG_CONFIG_PATH=$PREFIX/lib/pkgconfig
soname=$(readelf -d "$PREFIX/lib/libipv6kit.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = libipv6kit.so.0 ] || { echo "SONAME is '$soname', expected libipv6kit.so.0"; exit 1; }
echo "SONAME $soname"
# The shared library exports the C API and nothing else.
others=$(nm -D --defined-only "$PREFIX/lib/libipv6kit.so" | awk '$2 == "T" && $3 !~ /^ipv6kit_/ {print $3}')
[ -z "$others" ] || { echo "libipv6kit.so exports non-API symbols:"; echo "$others" | head; exit 1; }

SRC=$HERE/c/test_ipv6kit.c
run() {  # run NAME COMMAND...: the program must exit 0 and print "N passed, 0 failed"
    local name=$1; shift
    echo "== run: $name"
    local log=$WORK/$name.log
    if "$@" >"$log" 2>&1; then :; else echo "$name: exit status $?"; tail -30 "$log"; fail=1; return; fi
    local last; last=$(tail -1 "$log")
    echo "$name: $last"
    [[ $last =~ ^[1-9][0-9]*\ passed,\ 0\ failed$ ]] || { tail -30 "$log"; fail=1; }
}

# static
$CC "${CFLAGS[@]}" $(pkg-config --cflags ipv6kit-static) -o "$WORK/test_static" "$SRC" $(pkg-config --libs ipv6kit-static)
if readelf -d "$WORK/test_static" | grep -q 'NEEDED.*libipv6kit'; then echo "test_static links libipv6kit.so"; fail=1; fi
run static "${RUNNER[@]}" "$WORK/test_static"

# shared (through the SONAME symlink, as a dynamic loader finds it)
$CC "${CFLAGS[@]}" $(pkg-config --cflags ipv6kit) -o "$WORK/test_shared" "$SRC" $(pkg-config --libs ipv6kit) \
    -Wl,-rpath,"$PREFIX/lib"
readelf -d "$WORK/test_shared" | grep -q 'NEEDED.*\[libipv6kit.so.0\]' || { echo "test_shared does not need libipv6kit.so.0"; fail=1; }
run shared "${RUNNER[@]}" "$WORK/test_shared"

if [ -n "$CROSS" ]; then
    # UBSan alone (see the top: ASan cannot run under qemu-user); valgrind is host-only.
    $CC "${CFLAGS[@]}" -fsanitize=undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
        $(pkg-config --cflags ipv6kit-static) -o "$WORK/test_ubsan" "$SRC" $(pkg-config --libs ipv6kit-static)
    UBSAN_OPTIONS=print_stacktrace=1 run ubsan "${RUNNER[@]}" "$WORK/test_ubsan"
    echo "== excluded under $CROSS: asan-ubsan (ASan under qemu-user), valgrind (host programs only)"
else
    # ASan + UBSan (the Rust code is not instrumented; the C side and every allocation are checked)
    $CC "${CFLAGS[@]}" -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
        $(pkg-config --cflags ipv6kit-static) -o "$WORK/test_asan" "$SRC" $(pkg-config --libs ipv6kit-static)
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        run asan-ubsan "$WORK/test_asan"

    # valgrind (shared library, full leak check, no suppressions: every report is an error)
    if command -v valgrind >/dev/null 2>&1; then
        run valgrind valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
            "$WORK/test_shared"
    else
        echo "valgrind is not installed"; fail=1
    fi
fi

# The C example builds against the installed library and gives the seed's answers.
echo "== examples/c"
ex=$WORK/example
rm -rf "$ex"; cp -r "$ROOT/examples/c" "$ex"
if make -s -C "$ex" IPV6KIT_PREFIX="$PREFIX" CC="$CC" >"$WORK/example.log" 2>&1 &&
    "${RUNNER[@]}" "$ex/neighbor" 2001:db8:ebbd:2080:ba27:ebff:fe6c:288 >"$WORK/example.out"; then
    for want in "formed from MAC:       B8:27:EB:6C:02:88" "solicited-node group:  ff02::1:ff6c:288" \
                "listen on MAC:         33:33:FF:6C:02:88" "router solicitation:   16 bytes to ff02::2, hop limit 255:"; do
        grep -qF "$want" "$WORK/example.out" || { echo "examples/c: missing line: $want"; cat "$WORK/example.out"; fail=1; }
    done
    echo "examples/c: ok"
else
    echo "examples/c failed to build or run"; cat "$WORK/example.log"; fail=1
fi

[ $fail = 0 ] && echo "C tests${CROSS:+ ($CROSS)}: all runs passed"
exit $fail
