#!/usr/bin/env bash
# Does socklab (library and binary) still compile for Unix systems other than Linux?
# `cargo check` for FreeBSD and macOS, to keep src/net/sys.rs the one place that uses
# what only Linux has. Checks only: nothing is linked or run there, tests are not checked.
#
#   bash scripts/unix-check.sh                        # x86_64-unknown-freebsd aarch64-apple-darwin
#   bash scripts/unix-check.sh x86_64-unknown-freebsd # one target
#
# rustup can't add another target's std here (no download of toolchains), so this
# uses Debian's rustc-web and its std source (rust-web-src), unpacked into the target
# directory, not installed, with `-Zbuild-std` (RUSTC_BOOTSTRAP=1) to check std for
# the target. Needs apt-get (Debian 12's lists) and, for macOS, clang (psm, which
# stacker uses, assembles for the target).
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(x86_64-unknown-freebsd aarch64-apple-darwin)

target_dir=${CARGO_TARGET_DIR:-$PWD/target}
tools=$target_dir/unix-check/toolchain
if [ ! -x "$tools/usr/bin/rustc" ]; then
    echo "unpacking Debian's rustc-web and its std source into $tools"
    debs=$(mktemp -d)
    trap 'rm -rf "$debs"' EXIT
    std_pkg=$(apt-cache depends libstd-rust-web-dev | sed -n 's/.*Depends: \(libstd-rust-web-1\.[0-9]*\)$/\1/p' | head -1)
    llvm_pkg=$(apt-cache depends "${std_pkg:-none}" | sed -n 's/.*Depends: \(libllvm[0-9]*\)$/\1/p' | head -1)
    [ -n "$std_pkg" ] && [ -n "$llvm_pkg" ] ||
        { echo "no rustc-web in apt's lists (Debian 12; run apt-get update first?)" >&2; exit 1; }
    (cd "$debs" && apt-get download rustc-web rust-web-src libstd-rust-web-dev "$std_pkg" "$llvm_pkg") ||
        { echo "apt-get download failed (run apt-get update first?)" >&2; exit 1; }
    mkdir -p "$tools"
    for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$tools"; done
fi
export LD_LIBRARY_PATH="$tools/usr/lib/x86_64-linux-gnu:$(echo "$tools"/usr/lib/llvm-*/lib | tr ' ' ':')${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export RUSTC="$tools/usr/bin/rustc" RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="$target_dir/unix-check"
echo "with $("$RUSTC" --version)"

for target in "${targets[@]}"; do
    case $target in
    *-apple-*)
        command -v clang >/dev/null || { echo "$target needs clang (apt-get install clang)" >&2; exit 1; }
        env_target=${target//-/_}
        export "CC_$env_target=clang"
        ;;
    esac
    started=$(date +%s)
    cargo check -q -Zbuild-std=std,panic_abort --target "$target" --lib --bins
    echo "ok  $target: lib and binary check clean ($(($(date +%s) - started))s)"
done
