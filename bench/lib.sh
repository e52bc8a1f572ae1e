# Shared by the server benchmarks (echo.sh, threads.sh): start a server from the CMD
# table and read its address, stop it, and summarise results. Sourced, not run.

OUT=$(mktemp)
SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -f "$OUT"; }
trap cleanup EXIT


# Start server $1 and set ADDR from its "listening on HOST:PORT" line (5 s at most).
start() {
    # Empty the log first: the previous server's "listening on" line must not be read.
    : >"$OUT"
    ${CMD[$1]} >"$OUT" 2>&1 &
    SERVER_PID=$!
    ADDR=
    for _ in $(seq 100); do
        ADDR=$(grep -o 'listening on [0-9.]*:[0-9]*' "$OUT" | head -1 | cut -d' ' -f3 || true)
        [ -n "$ADDR" ] && return 0
        sleep 0.05
    done
    echo "error: $1 did not start: $(cat "$OUT")" >&2
    exit 1
}


# CPU seconds (user and system) the running server has used so far.
server_cpu() {
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$SERVER_PID/stat"
}

stop() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }

# The value of KEY in the load client's "key=value ..." line.
field() { grep -o "$1=[^ ]*" | head -1 | cut -d= -f2; }

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{v[NR]=$1} END {print (NR ? v[int((NR+1)/2)] : "-")}'; }
