#!/usr/bin/env bash
# The socket benchmark: 100 000 ping-pong round trips over socketpair() (bench/pingpong.py),
# run by socklab and by CPython in the same run, ROUNDS times each, interleaved.
# Target: socklab at most 0.75 × CPython's time.
#
#   bench/sockets.sh
#   ROUNDS=10 N=100000 bench/sockets.sh
#
# Not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-7}
N=${N:-100000}
cargo build --release --quiet --bin socklab
# The interpreter itself, not a pyenv shim (whose own start-up would be counted).
PYTHON=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}

seconds() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(((e - s) / 1000)); }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

S=""; C=""
for _ in $(seq "$ROUNDS"); do
    S="$S $(seconds "${CARGO_TARGET_DIR:-target}/release/socklab" run bench/pingpong.py "$N")"
    C="$C $(seconds "$PYTHON" bench/pingpong.py "$N")"
done
s=$(echo "$S" | median); c=$(echo "$C" | median)
echo "ping-pong over socketpair(), $N round trips, median of $ROUNDS runs"
printf '%-10s %10s\n' socklab "$((s / 1000)) ms" cpython "$((c / 1000)) ms"
awk -v s="$s" -v c="$c" 'BEGIN { printf "socklab/cpython %.2f (target <= 0.75)\n", s / c }'
