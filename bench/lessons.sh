#!/usr/bin/env bash
# `socklab lesson check` of every lesson, against its target (ARCHITECTURE.md): under
# 10 s. Each run checks all lessons in parallel, every step's checks proved false before
# and true after its model solution.
#
#   bash bench/lessons.sh                          # builds --release, then measures
#   SOCKLAB=target/debug/socklab bash bench/lessons.sh   # an existing build
#
# RUNS runs (default 5); prints each run's wall time and their median.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

if [ -z "${SOCKLAB:-}" ]; then
    cargo build --release --quiet
    SOCKLAB=${CARGO_TARGET_DIR:-target}/release/socklab
fi
RUNS=${RUNS:-5}
TARGET_MS=10000

echo "socklab: $($SOCKLAB --version)"
echo "cpus:    $(nproc)"
echo "lessons: $(ls lessons/*.md | wc -l) files, $($SOCKLAB lesson lint lessons | tail -1)"

times=""
for i in $(seq "$RUNS"); do
    start=$(date +%s%N)
    $SOCKLAB lesson check --lessons lessons >/dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "run $i: ${ms} ms"
    times="$times $ms"
done
med=$(echo "$times" | median)
echo "median: ${med} ms (target: under ${TARGET_MS} ms)"
[ "$med" -lt "$TARGET_MS" ]
