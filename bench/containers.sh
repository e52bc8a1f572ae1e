#!/usr/bin/env bash
# The container benchmark: a set of clients and a dict of connections, 40 000 joining
# and leaving (bench/containers.py), socklab and CPython in the same run, interleaved.
# The figure is the program's own timing of the work (start-up not counted), the median
# of ROUNDS runs. Target: socklab at most 2 × CPython's time, which needs CPython's
# complexity: O(1) add, discard, del and pop.
#
#   bench/containers.sh
#   ROUNDS=7 N=40000 bench/containers.sh
#
# Not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
N=${N:-40000}
cargo build --release --quiet --bin socklab
SOCKLAB=${CARGO_TARGET_DIR:-target}/release/socklab
# The interpreter itself, not a pyenv shim.
PYTHON=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}

# Both must compute the same thing, or the comparison means nothing.
want=$($PYTHON bench/containers.py "$N" 1 | head -1)
got=$($SOCKLAB run bench/containers.py "$N" 1 | head -1)
if [ "$want" != "$got" ]; then
    echo "socklab computed '$got', python3 '$want'" >&2
    exit 1
fi

work_ms() { "$@" | awk '/^ms / { print $2 }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

S=""; C=""
for _ in $(seq "$ROUNDS"); do
    S="$S $(work_ms "$SOCKLAB" run bench/containers.py "$N")"
    C="$C $(work_ms "$PYTHON" bench/containers.py "$N")"
done
s=$(echo "$S" | median); c=$(echo "$C" | median)
echo "containers: $N clients join, half leave, more join, all leave; median of $ROUNDS runs"
printf '%-10s %8s ms\n' socklab "$s" cpython "$c"
awk -v s="$s" -v c="$c" 'BEGIN { printf "socklab/cpython %.2f (target <= 2)\n", s / c }'
