#!/usr/bin/env bash
# Language-core benchmarks: start-up, a million-iteration integer loop at module and at
# function level, and a million items from a generator function and from a generator
# expression in sum(), socklab against python3 on the same files.
#
#   bash bench/language.sh            # builds --release, then measures
#
# Uses hyperfine when installed (apt-get install -y hyperfine); otherwise a plain loop
# of `date +%s%N` timings (the mean of RUNS runs).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
SOCKLAB=${CARGO_TARGET_DIR:-target}/release/socklab
# The interpreter itself, not a version-manager shim whose start-up would be counted.
PYTHON=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}
RUNS=${RUNS:-10}

echo "socklab: $($SOCKLAB --version 2>/dev/null || echo "$SOCKLAB")"
echo "python:  $($PYTHON --version)"
echo "cpus:    $(nproc)"

# Both must print the same thing, or the comparison means nothing.
for prog in bench/loop.py bench/loop_function.py bench/generator.py bench/genexp.py; do
    want=$($PYTHON "$prog")
    got=$($SOCKLAB run "$prog")
    if [ "$want" != "$got" ]; then
        echo "socklab printed '$got' for $prog, python3 '$want'" >&2
        exit 1
    fi
done

if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs "$RUNS" -N \
        --command-name "start-up: socklab" "$SOCKLAB run bench/empty.py" \
        --command-name "start-up: python3" "$PYTHON bench/empty.py"
    hyperfine --warmup 1 --runs "$RUNS" -N \
        --command-name "module loop: socklab" "$SOCKLAB run bench/loop.py" \
        --command-name "module loop: python3" "$PYTHON bench/loop.py"
    hyperfine --warmup 1 --runs "$RUNS" -N \
        --command-name "function loop: socklab" "$SOCKLAB run bench/loop_function.py" \
        --command-name "function loop: python3" "$PYTHON bench/loop_function.py"
    hyperfine --warmup 1 --runs "$RUNS" -N \
        --command-name "generator loop: socklab" "$SOCKLAB run bench/generator.py" \
        --command-name "generator loop: python3" "$PYTHON bench/generator.py"
    hyperfine --warmup 1 --runs "$RUNS" -N \
        --command-name "genexp in sum: socklab" "$SOCKLAB run bench/genexp.py" \
        --command-name "genexp in sum: python3" "$PYTHON bench/genexp.py"
else
    mean_ms() {
        local total=0 start end
        for _ in $(seq "$RUNS"); do
            start=$(date +%s%N)
            "$@" >/dev/null
            end=$(date +%s%N)
            total=$((total + end - start))
        done
        echo "scale=2; $total / $RUNS / 1000000" | bc
    }
    for prog in empty loop loop_function generator genexp; do
        printf '%-14s socklab %8s ms   python3 %8s ms\n' "$prog" \
            "$(mean_ms "$SOCKLAB" run "bench/$prog.py")" "$(mean_ms "$PYTHON" "bench/$prog.py")"
    done
fi
