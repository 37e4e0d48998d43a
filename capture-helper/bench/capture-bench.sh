#!/usr/bin/env bash
# Whole-process benchmark of saker-capture: runs one syscall-heavy workload (dd copying COUNT single
# bytes: two syscalls per byte) without and then with a capture running, in the same run, and prints
# the slowdown ratio, the event rate written to disk and the drops. Needs root and a built helper
# (make -C capture-helper). Usage: capture-bench.sh [COUNT] [OUTPUT_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
BIN="$HERE/../target/native/saker-capture"
COUNT="${1:-1000000}"
OUT="${2:-$(mktemp -d)}"
[[ -x "$BIN" ]] || { echo "capture-bench: build the helper first: make -C $HERE/.." >&2; exit 1; }
[[ "$(id -u)" == 0 ]] || { echo "capture-bench: needs root" >&2; exit 1; }

now() { date +%s.%N; }
workload() { dd if=/dev/zero of=/dev/null bs=1 count="$COUNT" status=none; }

workload   # warm the page cache and the binary
t0=$(now); workload; t1=$(now)
base=$(echo "$t1 - $t0" | bc -l)

"$BIN" -w "$OUT/bench.scap" --duration 600 2>"$OUT/capture.err" &
pid=$!
for _ in $(seq 300); do grep -q "capturing to" "$OUT/capture.err" 2>/dev/null && break; sleep 0.05; done
grep -q "capturing to" "$OUT/capture.err" || { kill -9 "$pid"; cat "$OUT/capture.err" >&2; exit 1; }
t0=$(now); workload; t1=$(now)
kill -TERM "$pid"; wait "$pid" || true
traced=$(echo "$t1 - $t0" | bc -l)

line=$(grep "events written" "$OUT/capture.err")
events=$(echo "$line" | sed -E 's/.*: ([0-9]+) events written.*/\1/')
drops=$(echo "$line" | sed -E 's/.* ([0-9]+) dropped.*/\1/')
size=$(stat -c %s "$OUT/bench.scap")
printf 'workload: dd of %s single bytes (%s syscalls)\n' "$COUNT" "$((COUNT * 2))"
printf 'without capture: %.3f s   with capture: %.3f s   slowdown: %.2fx\n' "$base" "$traced" "$(echo "$traced / $base" | bc -l)"
printf 'events written: %s (%.0f events/s over the traced run), %s bytes; drops: %s\n' \
    "$events" "$(echo "$events / $traced" | bc -l)" "$size" "$drops"
echo "$line"
rm -f "$OUT/bench.scap"
