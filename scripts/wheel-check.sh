#!/usr/bin/env bash
# The release check for `pip install socklab`: build the wheel (maturin, release
# profile) from this checkout, install it with pip into a fresh virtual environment,
# and use the installed `socklab` as a student would: --version, a socket program under
# `socklab run` compared with python3, the REPL fed from a pipe, shell completions in
# bash, and the lessons when the binary has them. Exits non-zero on the first failure.
#
#   bash scripts/wheel-check.sh            # wheel into a temporary directory
#   WHEEL_OUT=dist bash scripts/wheel-check.sh   # and keep a copy of it in dist/
#
# Needs python3 (with venv), a Rust toolchain and pip's index (maturin and ziglang
# are installed into a private build venv). Only loopback is used (127.0.0.1, port 0).
set -euo pipefail
cd "$(dirname "$0")/.."
# The interpreter itself, not a shim: PATH is narrowed to the venv below.
python=$("${PYTHON:-python3}" -c 'import sys; print(sys.executable)')

tmp=$(mktemp -d "${TMPDIR:-/tmp}/socklab-wheel.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

checks=0
ok() {
    checks=$((checks + 1))
    printf 'ok %2d  %s\n' "$checks" "$*"
}
fail() {
    printf 'FAILED  %s\n' "$*" >&2
    exit 1
}
now() { date +%s; }
started=$(now)

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
[ -n "$version" ] || fail "no version in Cargo.toml"

# --- build ------------------------------------------------------------------------
# maturin in a private venv, with zig (the ziglang package) as the linker so that the
# binary needs only glibc 2.17 (manylinux2014): any Linux since 2014, not only ones as
# new as this machine. WHEEL_ZIG=0 links with the system's cc instead (the wheel then
# needs this machine's glibc or newer) and uses a maturin already on PATH if there is one.
zig=${WHEEL_ZIG:-1}
if [ "$zig" = 1 ] || ! command -v maturin >/dev/null 2>&1; then
    "$python" -m venv "$tmp/build-venv"
    packages=('maturin>=1.5,<2')
    [ "$zig" = 1 ] && packages+=(ziglang)
    "$tmp/build-venv/bin/pip" install --disable-pip-version-check -q "${packages[@]}" ||
        fail "pip install ${packages[*]} into the build venv"
    # maturin finds zig through the venv's python (python -m ziglang).
    export PATH="$tmp/build-venv/bin:$PATH"
fi
maturin=$(command -v maturin)
build_args=(--release --out "$tmp/wheels")
[ "$zig" = 1 ] && build_args+=(--zig --compatibility manylinux2014)
echo "building the wheel with $("$maturin" --version) ${build_args[*]:3} (release profile: fat LTO, takes minutes)"
build_start=$(now)
"$maturin" build "${build_args[@]}" >"$tmp/build.log" 2>&1 || {
    tail -40 "$tmp/build.log" >&2
    fail "maturin build ${build_args[*]}"
}
build_secs=$(($(now) - build_start))
wheels=("$tmp"/wheels/socklab-"$version"-*.whl)
[ ${#wheels[@]} -eq 1 ] && [ -f "${wheels[0]}" ] || fail "expected one socklab-$version wheel, found: $(ls "$tmp/wheels")"
wheel=${wheels[0]}
ok "built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB) in ${build_secs}s"
if [ "$zig" = 1 ]; then
    case $(basename "$wheel") in
    *manylinux_2_17_*) ;;
    *) fail "with zig the wheel should be manylinux2014 (glibc 2.17), not $(basename "$wheel")" ;;
    esac
    if command -v objdump >/dev/null 2>&1; then
        "$python" -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' \
            "$wheel" "socklab-$version.data/scripts/socklab" >"$tmp/socklab.bin"
        newest=$(objdump -T "$tmp/socklab.bin" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
        [ "$(printf '%s\n' "$newest" GLIBC_2.17 | sort -V | tail -1)" = GLIBC_2.17 ] ||
            fail "the binary asks for $newest, newer than glibc 2.17"
        ok "the wheel is manylinux2014: the binary's newest glibc symbol is $newest"
    else
        ok "the wheel is tagged manylinux2014 (glibc 2.17; no objdump to look inside)"
    fi
fi

# The wheel carries the binary and its metadata, nothing else: whatever socklab needs
# at run time is inside the binary.
"$python" - "$wheel" "$version" <<'PY' || fail "wheel contents"
import sys, zipfile
wheel, version = sys.argv[1], sys.argv[2]
names = zipfile.ZipFile(wheel).namelist()
binary = f"socklab-{version}.data/scripts/socklab"
assert binary in names, f"no {binary} in {names}"
extra = [n for n in names if n != binary and not n.startswith(f"socklab-{version}.dist-info/")]
assert not extra, f"unexpected files in the wheel: {extra}"
PY
ok "the wheel holds the socklab binary and its metadata only"
if [ -n "${WHEEL_OUT:-}" ]; then
    mkdir -p "$WHEEL_OUT"
    cp "$wheel" "$WHEEL_OUT/"
    ok "copied the wheel to $WHEEL_OUT/"
fi

# --- install into an empty venv ---------------------------------------------------
"$python" -m venv "$tmp/venv"
# --no-index: the wheel has no dependencies, so nothing is fetched.
"$tmp/venv/bin/pip" install --disable-pip-version-check --no-index -q "$wheel" ||
    fail "pip install of the wheel"
# As after `source venv/bin/activate`; the checkout's own builds are not on PATH.
export PATH="$tmp/venv/bin:/usr/local/bin:/usr/bin:/bin"
[ "$(command -v socklab)" = "$tmp/venv/bin/socklab" ] ||
    fail "socklab on PATH is $(command -v socklab || echo nothing), not the venv's"
ok "pip installed it into a fresh venv: $(command -v socklab)"

cd "$tmp" # away from the checkout, as a student would be
got=$(socklab --version)
[ "$got" = "socklab $version" ] || fail "socklab --version said '$got', expected 'socklab $version'"
ok "socklab --version: $got"

# --- socklab run, compared with python3 -------------------------------------------
cat >"$tmp/echo.py" <<'PY'
import sys
from socket import *

listening = socket(AF_INET, SOCK_STREAM)
listening.bind(("127.0.0.1", 0))
listening.listen(1)
port = listening.getsockname()[1]

client = socket(AF_INET, SOCK_STREAM)
client.connect(("127.0.0.1", port))
peer, address = listening.accept()
print("accepted a peer from", address[0], address[1] == client.getsockname()[1])
client.sendall(b"hello, " + sys.argv[1].encode())
data = peer.recv(1024)
peer.sendall(data.upper())
print(client.recv(1024))

udp = socket(AF_INET, SOCK_DGRAM)
udp.bind(("127.0.0.1", 0))
udp.sendto(b"datagram", udp.getsockname())
data, sender = udp.recvfrom(100)
print(data, sender == udp.getsockname())

for s in (client, peer, listening, udp):
    s.close()
try:
    client.send(b"too late")
except OSError as e:
    print(type(e).__name__, e)
raise SystemExit(3)
PY
set +e
socklab run "$tmp/echo.py" lab >"$tmp/socklab.out" 2>"$tmp/socklab.err"
socklab_code=$?
"$python" "$tmp/echo.py" lab >"$tmp/python.out" 2>"$tmp/python.err"
python_code=$?
set -e
[ -s "$tmp/python.out" ] || fail "python3 printed nothing: $(cat "$tmp/python.err")"
diff -u "$tmp/python.out" "$tmp/socklab.out" >&2 || fail "socklab run differs from python3 (stdout above)"
[ "$socklab_code" = "$python_code" ] || fail "socklab run exited $socklab_code, python3 $python_code"
[ ! -s "$tmp/socklab.err" ] || fail "socklab run wrote to stderr: $(cat "$tmp/socklab.err")"
ok "socklab run echo.py: $(wc -l <"$tmp/socklab.out") lines and exit $socklab_code, as python3"

# --- the REPL from a pipe ---------------------------------------------------------
repl_program='from socket import *\ns = socket(AF_INET, SOCK_DGRAM)\ns.bind(("127.0.0.1", 0))\ns.sendto(b"ping", s.getsockname())\nprint(s.recv(10))\nx = 6 * 7\nx\nprint(x)\n'
got=$(printf "$repl_program" | socklab 2>&1) || fail "printf ... | socklab exited $?: $got"
expected=$(printf "$repl_program" | "$python" 2>&1)
[ "$got" = "$expected" ] || fail "printf ... | socklab printed '$got', python3 '$expected'"
ok "printf ... | socklab: $(echo "$got" | tr '\n' ' ')"

# --- shell completions ------------------------------------------------------------
socklab completions bash >"$tmp/socklab.bash"
registered=$(bash --noprofile --norc -c "source '$tmp/socklab.bash' && complete -p socklab") ||
    fail "the bash completions do not load"
case $registered in *"-F _socklab"*) ;; *) fail "complete -p socklab: $registered" ;; esac
ok "socklab completions bash loads: $registered"

# --- lessons, when this binary has them -------------------------------------------
if socklab learn --help >/dev/null 2>&1; then
    lessons=$(socklab lesson list) || fail "socklab lesson list exited $?"
    [ -n "$lessons" ] || fail "socklab lesson list printed nothing"
    ok "socklab lesson list: $(echo "$lessons" | wc -l) lines"
    # A student's first lesson, typed from a pipe: the model solutions complete it.
    first=$(echo "$lessons" | head -1 | cut -d' ' -f1)
    learn_data=$(mktemp -d)
    socklab lesson solution "$first" | SOCKLAB_DATA_DIR="$learn_data" socklab learn "$first" >/dev/null \
        || fail "socklab learn $first did not complete with its own model solution"
    rm -rf "$learn_data"
    ok "socklab learn $first completes from a pipe"
else
    echo "--      socklab learn is not in this binary: no lessons to check"
fi

echo "wheel-check: $checks checks passed in $(($(now) - started))s (build ${build_secs}s)"
