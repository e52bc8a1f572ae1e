#!/usr/bin/env bash
# Echo benchmark: socklab's echo service against a plain Rust thread-per-connection echo
# server and Python's socketserver.ThreadingTCPServer, under one load client, in one run.
#
#   bench/echo.sh                 # defaults below
#   ROUNDS=5 SECS=3 bench/echo.sh
#
# For each message size and connection count, every server is started in turn (on a
# free loopback port, read back from its "listening on" line), loaded for SECS seconds,
# and stopped; this repeats ROUNDS times, interleaved, and the table shows the median.
# Then each server must hold HOLD connections open at once and answer every one.
# Loopback only. Not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
SECS=${SECS:-3}
SIZES=${SIZES:-"65536 1024"}
CONNS=${CONNS:-"1 8"}
HOLD=${HOLD:-10000}

# 10 000 connections are 10 000 descriptors in the client and as many in the server.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" -lt $((HOLD + 100)) ]; then
    echo "warning: ulimit -n is $(ulimit -n): too low to hold $HOLD connections" >&2
fi

cargo build --release --quiet --bin socklab --example echo_load --example echo_threads
BIN=${CARGO_TARGET_DIR:-target}/release
LOAD=$BIN/examples/echo_load

declare -A CMD=(
    [socklab]="$BIN/socklab serve echo --port 0 --quiet"
    [threads]="$BIN/examples/echo_threads"
    [python]="python3 bench/echo_threading.py"
)
SERVERS="socklab threads python"
if ! command -v python3 >/dev/null; then SERVERS="socklab threads"; fi

# start, stop, field, median.
. bench/lib.sh

declare -A RESULTS
for size in $SIZES; do
    for conns in $CONNS; do
        for round in $(seq "$ROUNDS"); do
            # Rotate which server goes first: the first of a pair tends to do worse.
            order=$(echo $SERVERS | tr ' ' '\n' | awk -v r="$round" '{a[NR]=$0} END {for (i=0;i<NR;i++) print a[(i+r-1)%NR+1]}')
            for server in $order; do
                start "$server"
                mbps=$("$LOAD" throughput "$ADDR" "$conns" "$size" "$SECS" | field MBps)
                RESULTS[$server,$size,$conns]="${RESULTS[$server,$size,$conns]:-} $mbps"
                stop
            done
        done
    done
done

declare -A HELD
for server in $SERVERS; do
    start "$server"
    line=$(timeout 120 "$LOAD" hold "$ADDR" "$HOLD" || echo "error=timeout")
    held=$(echo "$line" | field held); answered=$(echo "$line" | field answered)
    secs=$(echo "$line" | field secs)
    HELD[$server]="${answered:-0}/${HOLD} answered (${held:-0} held) in ${secs:-?} s"
    stop
done

echo
echo "echo throughput, MB/s echoed (median of $ROUNDS runs of ${SECS} s; ping-pong: send a message, read it back)"
printf '%-8s %-6s' "message" "conns"
for server in $SERVERS; do printf ' %10s' "$server"; done
printf ' %16s\n' "socklab/threads"
for size in $SIZES; do
    for conns in $CONNS; do
        label=$([ "$size" -ge 1024 ] && echo "$((size / 1024)) KiB" || echo "$size B")
        printf '%-8s %-6s' "$label" "$conns"
        for server in $SERVERS; do
            printf ' %10s' "$(echo "${RESULTS[$server,$size,$conns]}" | median)"
        done
        s=$(echo "${RESULTS[socklab,$size,$conns]}" | median)
        t=$(echo "${RESULTS[threads,$size,$conns]}" | median)
        printf ' %16s\n' "$(awk -v s="$s" -v t="$t" 'BEGIN { printf "%.2f", s / t }')"
    done
done
echo
echo "$HOLD concurrent connections, held open together, then each sent a message and answered"
for server in $SERVERS; do printf '%-8s %s\n' "$server" "${HELD[$server]}"; done
