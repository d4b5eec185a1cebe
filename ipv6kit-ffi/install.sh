#!/usr/bin/env bash
# Builds the C libraries and installs them with the header and pkg-config files.
#
#   ipv6kit-ffi/install.sh PREFIX [PROFILE]      PROFILE: release (default) or firmware
#
# Layout (the .so carries the SONAME libipv6kit.so.0):
#   PREFIX/include/ipv6kit.h
#   PREFIX/lib/libipv6kit.a
#   PREFIX/lib/libipv6kit.so.VERSION, libipv6kit.so.0 -> it, libipv6kit.so -> libipv6kit.so.0
#   PREFIX/lib/pkgconfig/ipv6kit.pc          (shared: pkg-config --libs ipv6kit)
#   PREFIX/lib/pkgconfig/ipv6kit-static.pc   (static: pkg-config --libs ipv6kit-static)
#
# Cross builds: set CARGO_BUILD_TARGET (for example mipsel-unknown-linux-musl) and the libraries
# are taken from that target's directory; check IPV6KIT_NATIVE_STATIC_LIBS against
# `cargo rustc -p ipv6kit-ffi --crate-type staticlib -- --print native-static-libs` for it.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PREFIX=${1:?usage: install.sh PREFIX [PROFILE]}
PROFILE=${2:-release}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=$TARGET_DIR/${CARGO_BUILD_TARGET:+$CARGO_BUILD_TARGET/}$PROFILE
# What the Rust standard library needs from the C library when linked statically (Linux, glibc).
NATIVE_STATIC_LIBS=${IPV6KIT_NATIVE_STATIC_LIBS:--lgcc_s -lutil -lrt -lpthread -lm -ldl -lc}

(cd "$ROOT" && cargo build -q -p ipv6kit-ffi --profile "$PROFILE")
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -1)
MAJOR=${VERSION%%.*}
mkdir -p "$PREFIX/include" "$PREFIX/lib/pkgconfig"
install -m 644 "$HERE/include/ipv6kit.h" "$PREFIX/include/ipv6kit.h"
install -m 644 "$OUT/libipv6kit.a" "$PREFIX/lib/libipv6kit.a"
install -m 755 "$OUT/libipv6kit.so" "$PREFIX/lib/libipv6kit.so.$VERSION"
ln -sf "libipv6kit.so.$VERSION" "$PREFIX/lib/libipv6kit.so.$MAJOR"
ln -sf "libipv6kit.so.$MAJOR" "$PREFIX/lib/libipv6kit.so"
for pc in ipv6kit ipv6kit-static; do
    sed -e "s|@PREFIX@|$PREFIX|g" -e "s|@VERSION@|$VERSION|g" -e "s|@NATIVE_STATIC_LIBS@|$NATIVE_STATIC_LIBS|g" \
        "$HERE/$pc.pc.in" > "$PREFIX/lib/pkgconfig/$pc.pc"
done
echo "installed ipv6kit $VERSION ($PROFILE) into $PREFIX"
