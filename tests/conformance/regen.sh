#!/usr/bin/env bash
# Regenerate the expected results of the conformance programs by running them with CPython.
#
# For every tests/conformance/<dir>/X.py (names starting with "_" are helpers and skipped)
# this runs `python3 X.py` with the program's directory as the working directory, stdin
# from /dev/null, PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8 and a 60 s limit, then writes
# beside it:
#
#   X.out   the exact bytes written to standard output
#   X.err   the last line of standard error, without its newline (empty if none);
#           the program's absolute directory, should it appear, is stored as {DIR}
#   X.code  the exit status as decimal text, no newline (128+N for death by signal N,
#           as a shell reports it: an uncaught KeyboardInterrupt gives 130)
#
# Files are only rewritten when their content changes, and results of programs that no
# longer exist are removed, so running it twice changes nothing.
#
# Usage: tests/conformance/regen.sh [-j JOBS] [SUBSTRING...]
#   SUBSTRING  only programs whose path under tests/conformance contains one of them
#   -j JOBS    run that many programs at once (default 1: timing-sensitive programs
#              such as the threads/ ones should not compete for the CPU)
#
# The expectations must come from CPython 3.11 (the version the language rule names).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"

if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)'; then
    echo "regen.sh: $python is $("$python" --version 2>&1), but the expectations must come from CPython 3.11" >&2
    exit 2
fi

exec "$python" - "$here" "$@" <<'PY'
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

root = sys.argv[1]
args = sys.argv[2:]
jobs = 1
filters = []
while args:
    a = args.pop(0)
    if a == "-j":
        jobs = int(args.pop(0))
    elif a.startswith("-j"):
        jobs = int(a[2:])
    else:
        filters.append(a)

TIMEOUT = 60
SUFFIXES = (".out", ".err", ".code")


def programs():
    """Every runnable program: tests/conformance/<dir>/<name>.py, name not starting with _."""
    found = []
    for d in sorted(os.listdir(root)):
        dpath = os.path.join(root, d)
        if not os.path.isdir(dpath) or d.startswith((".", "_")):
            continue
        for name in sorted(os.listdir(dpath)):
            if name.endswith(".py") and not name.startswith("_"):
                found.append(os.path.join(dpath, name))
    return found


def last_line(data):
    """The last line of stderr: drop one trailing newline, keep what follows the last \\n."""
    if data.endswith(b"\n"):
        data = data[:-1]
    return data.rsplit(b"\n", 1)[-1]


def write_if_changed(path, data):
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except FileNotFoundError:
        pass
    with open(path, "wb") as f:
        f.write(data)
    return True


def run(path):
    d, name = os.path.split(path)
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    for var in ("PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONDEVMODE", "PYTHONINSPECT", "PYTHONPATH"):
        env.pop(var, None)
    try:
        p = subprocess.run([sys.executable, name], cwd=d, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return path, None, "timed out after %d s" % TIMEOUT
    code = p.returncode if p.returncode >= 0 else 128 - p.returncode
    err = last_line(p.stderr)
    for prefix in {d, os.path.realpath(d)}:
        err = err.replace(prefix.encode() + b"/", b"{DIR}/")
    stem = path[:-3]
    changed = False
    changed |= write_if_changed(stem + ".out", p.stdout)
    changed |= write_if_changed(stem + ".err", err)
    changed |= write_if_changed(stem + ".code", str(code).encode())
    return path, changed, None


def main():
    all_programs = programs()
    selected = [p for p in all_programs
                if not filters or any(f in os.path.relpath(p, root) for f in filters)]

    # Remove results whose program is gone (only when regenerating everything).
    removed = 0
    if not filters:
        live = {p[:-3] for p in all_programs}
        for d in sorted(os.listdir(root)):
            dpath = os.path.join(root, d)
            if not os.path.isdir(dpath):
                continue
            for name in os.listdir(dpath):
                stem, ext = os.path.splitext(os.path.join(dpath, name))
                if ext in SUFFIXES and stem not in live:
                    os.remove(stem + ext)
                    removed += 1

    failures = []
    changed = 0
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for path, was_changed, error in pool.map(run, selected):
            rel = os.path.relpath(path, root)
            if error:
                failures.append("%s: %s" % (rel, error))
            elif was_changed:
                changed += 1
                print("updated", rel)
    print("%d programs run, %d updated, %d stale result files removed"
          % (len(selected), changed, removed))
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)


main()
PY
