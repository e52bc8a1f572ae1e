#!/usr/bin/env bash
# The packet view's cost: round trips over a TCP connection on loopback
# (bench/pingpong_tcp.py), run by socklab without capture, with --trace (a line per
# packet to standard error) and with --pcap (a pcapng file written as it goes), in the
# same run, ROUNDS times each, interleaved.
# Target: with --trace, at most 2 × the time without.
#
#   bench/trace.sh
#   ROUNDS=5 N=20000 bench/trace.sh
#
# As root the capture is on the host's loopback; otherwise socklab makes its private
# network for the traced runs (and, for a fair comparison, runs the plain one there too
# with --sandbox). Not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
N=${N:-20000}
cargo build --release --quiet --bin socklab
BIN=${CARGO_TARGET_DIR:-target}/release/socklab
if [ -n "${CARGO_TARGET_DIR:-}" ]; then BIN="$CARGO_TARGET_DIR/release/socklab"; fi
SANDBOX=""
if [ "$(id -u)" != 0 ]; then SANDBOX="--sandbox"; fi
PCAP=$(mktemp --suffix=.pcapng)
trap 'rm -f "$PCAP"' EXIT

seconds() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000)); }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

P=""; T=""; F=""; C=""
for _ in $(seq "$ROUNDS"); do
    P="$P $(seconds "$BIN" $SANDBOX run bench/pingpong_tcp.py "$N")"
    T="$T $(seconds "$BIN" run --trace bench/pingpong_tcp.py "$N")"
    F="$F $(seconds "$BIN" run --pcap "$PCAP" bench/pingpong_tcp.py "$N")"
    # The same read from the memory-mapped receive ring instead of by copying.
    C="$C $(SOCKLAB_CAPTURE_RING=1 seconds "$BIN" run --trace bench/pingpong_tcp.py "$N")"
done
p=$(echo "$P" | median); t=$(echo "$T" | median); f=$(echo "$F" | median); c=$(echo "$C" | median)
packets=$("$BIN" run --trace bench/pingpong_tcp.py "$N" 2>&1 >/dev/null | grep -c '^#' || true)
echo "ping-pong over TCP on loopback, $N round trips ($packets packets), median of $ROUNDS runs"
printf '%-14s %10s\n' plain "$((p / 1000)) ms" "--trace" "$((t / 1000)) ms" "--pcap" "$((f / 1000)) ms" "--trace, ring" "$((c / 1000)) ms"
awk -v p="$p" -v t="$t" -v f="$f" -v c="$c" 'BEGIN { printf "--trace/plain %.2f, --pcap/plain %.2f (target <= 2); ring reader %.2f\n", t / p, f / p, c / p }'
# bench/sockets.sh's ping-pong over socketpair() puts nothing on loopback: with --trace
# it measures what a capture costs a program whose traffic is not IP at all.
S=""; ST=""
for _ in $(seq "$ROUNDS"); do
    S="$S $(seconds "$BIN" $SANDBOX run bench/pingpong.py 100000)"
    ST="$ST $(seconds "$BIN" run --trace bench/pingpong.py 100000)"
done
sp=$(echo "$S" | median); st=$(echo "$ST" | median)
echo "ping-pong over socketpair(), 100000 round trips: plain $((sp / 1000)) ms, --trace $((st / 1000)) ms"
# Memory stays bounded however many packets: at most 10 000 lines wait to be written,
# the file is written as it goes. 50 000 round trips are about 100 000 packets.
if [ -x /usr/bin/time ]; then
    for n in 5000 50000; do
        MEM=$(mktemp)
        /usr/bin/time -o "$MEM" -f '%M' "$BIN" run --pcap "$PCAP" bench/pingpong_tcp.py "$n" >/dev/null 2>&1
        kb=$(tail -1 "$MEM")
        /usr/bin/time -o "$MEM" -f '%M' "$BIN" $SANDBOX run bench/pingpong_tcp.py "$n" >/dev/null 2>&1
        plain=$(tail -1 "$MEM")
        rm -f "$MEM"
        echo "$n round trips: peak memory $((plain / 1024)) MB plain, $((kb / 1024)) MB with --pcap ($(($(stat -c %s "$PCAP") / 1024 / 1024)) MB file)"
    done
fi
