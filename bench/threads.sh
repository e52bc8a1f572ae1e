#!/usr/bin/env bash
# The threading benchmark: one program, bench/echo_threading.py (socketserver's
# ThreadingTCPServer echo, as the lecture writes it), run by socklab and by CPython
# under the same load client (bench/echo_load.rs), in one run. Median of ROUNDS.
#
#   bench/threads.sh
#   ROUNDS=5 SECS=3 SIZES="65536 1024" CONNS="1 8" bench/threads.sh
#
# Loopback only. Not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
SECS=${SECS:-3}
SIZES=${SIZES:-"65536 1024"}
CONNS=${CONNS:-"1 8"}

cargo build --release --quiet --bin socklab --example echo_load
LOAD=${CARGO_TARGET_DIR:-target}/release/examples/echo_load
declare -A CMD=(
    [socklab]="${CARGO_TARGET_DIR:-target}/release/socklab run bench/echo_threading.py"
    [cpython]="python3 bench/echo_threading.py"
)
SERVERS="socklab cpython"

# start, stop, field, median.
. bench/lib.sh

declare -A RESULTS CPU
for size in $SIZES; do
    for conns in $CONNS; do
        for _ in $(seq "$ROUNDS"); do
            for server in $SERVERS; do
                start "$server"
                out=$("$LOAD" throughput "$ADDR" "$conns" "$size" "$SECS")
                RESULTS[$server,$size,$conns]="${RESULTS[$server,$size,$conns]:-} $(echo "$out" | field MBps)"
                # The server's CPU time per round trip: what its speed costs.
                cpu=$(awk -v c="$(server_cpu)" -v n="$(echo "$out" | field round_trips)" \
                    'BEGIN { printf "%.1f", (n > 0 ? c * 1e6 / n : 0) }')
                CPU[$server,$size,$conns]="${CPU[$server,$size,$conns]:-} $cpu"
                stop
            done
        done
    done
done

echo "ThreadingTCPServer echo (bench/echo_threading.py), MB/s echoed, median of $ROUNDS runs of ${SECS} s;"
echo "then the server's CPU time (user and system) per round trip, in µs"
printf '%-8s %-6s %10s %10s %16s %12s %12s\n' message conns socklab cpython socklab/cpython \
    'CPU socklab' 'CPU cpython'
for size in $SIZES; do
    for conns in $CONNS; do
        label=$([ "$size" -ge 1024 ] && echo "$((size / 1024)) KiB" || echo "$size B")
        s=$(echo "${RESULTS[socklab,$size,$conns]}" | median)
        c=$(echo "${RESULTS[cpython,$size,$conns]}" | median)
        printf '%-8s %-6s %10s %10s %16s %12s %12s\n' "$label" "$conns" "$s" "$c" \
            "$(awk -v s="$s" -v c="$c" 'BEGIN { printf "%.2f", s / c }')" \
            "$(echo "${CPU[socklab,$size,$conns]}" | median)" \
            "$(echo "${CPU[cpython,$size,$conns]}" | median)"
    done
done
