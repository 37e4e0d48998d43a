#!/usr/bin/env bash
# bench/read-vs-sysdig.sh [EVENTS] : `saker read` against `sysdig -r` (the installed sysdig 0.29.3)
# on the same capture, in the same run.
#
# Rerun:   bench/read-vs-sysdig.sh              # 5,000,000 events, plus a 1,000,000-event file
#          bench/read-vs-sysdig.sh 2000000      # another size for the large file
#          REPS=5 SMALL_EVENTS=500000 bench/read-vs-sysdig.sh
#          TWO_THREADS=1 bench/read-vs-sysdig.sh  # also time saker's two-thread path (--chunk-events 16384)
# Needs:   Java 17, Maven, sysdig, GNU time (/usr/bin/time; installed when run as root), and the
#          conformance captures at ../shared/conformance (or SAKER_CONFORMANCE=DIR).
#
# What it does: builds Saker (mvn package, through ./saker), then generates into bench/out/ (git-ignored)
# a capture of EVENTS events out of the real event streams of the conformance captures sysdig reads
# (dev.saker.bench.BenchCaptureBuilder, from the app's test classes: events as recorded, repeated with
# timestamps shifted). It then times, REPS times each and interleaved (the order alternates),
#     ./saker read F > /dev/null      and      TZ=UTC sysdig -r F > /dev/null
# with GNU time (wall seconds, user+sys CPU seconds, peak RSS), and prints for both tools the median
# wall time, events per second (events = event blocks in the file), the ratio saker/sysdig and the
# peak RSS. A second, smaller file is measured the same way, so that Saker's peak RSS on both sizes
# can be compared (it should not grow with the file). Before timing, both tools' output lines are
# counted once (untimed), as a check that they print the same events.
#
# `saker read` reads a large plain capture on two threads on machines with 4 cores or more, on one
# thread below that (see README, Benchmarks). TWO_THREADS=1 adds `./saker read --chunk-events 16384 F`,
# the two-thread path whatever the cores, as a third contender in the same interleaved runs.
#
# The machine is shared with whatever else runs on it: the ratio comes from interleaved runs, and the
# CPU-time figures are printed too because they suffer less from other load than wall time does.
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"
EVENTS="${1:-5000000}"
SMALL_EVENTS="${SMALL_EVENTS:-1000000}"
REPS="${REPS:-3}"

[[ "$EVENTS" =~ ^[0-9]+$ ]] || die "EVENTS must be a number, got '$EVENTS'"
need_tools
build_bench_tools

# measure FILE LABEL EVENTS: prints the summary lines; leaves both peak RSS figures (KB) in RSS_SAKER, RSS_SYSDIG.
measure() {
    local file="$1" label="$2" events="$3" rep tool times
    times="$(mktemp)"
    log "$label: counting output lines once (untimed)"
    local saker_lines sysdig_lines
    saker_lines="$("$ROOT/saker" read "$file" | wc -l)"
    sysdig_lines="$(TZ=UTC "$SYSDIG" -r "$file" | wc -l)"
    echo "$label: lines printed: saker $saker_lines, sysdig $sysdig_lines (events in file: $events)"
    for ((rep = 1; rep <= REPS; rep++)); do
        local order=(saker sysdig)
        (( rep % 2 == 0 )) && order=(sysdig saker)
        [[ -n "${TWO_THREADS:-}" ]] && order+=(saker-2threads)
        for tool in "${order[@]}"; do
            local line
            if [[ "$tool" == saker ]]; then
                "$TIME" -f '%e %U %S %M' -o "$times.one" "$ROOT/saker" read "$file" >/dev/null
            elif [[ "$tool" == saker-2threads ]]; then
                "$TIME" -f '%e %U %S %M' -o "$times.one" "$ROOT/saker" read --chunk-events 16384 "$file" >/dev/null
            else
                TZ=UTC "$TIME" -f '%e %U %S %M' -o "$times.one" "$SYSDIG" -r "$file" >/dev/null
            fi
            line="$(tail -n 1 "$times.one")"
            log "$label rep $rep $tool: wall/user/sys s, peak KB: $line"
            echo "$tool $line" >>"$times"
        done
    done
    summarize_times "$events" "$label" "$times"
    RSS_SAKER="$(awk '$1 == "saker" && $5 > m { m = $5 } END { print m }' "$times")"
    RSS_SYSDIG="$(awk '$1 == "sysdig" && $5 > m { m = $5 } END { print m }' "$times")"
    rm -f "$times" "$times.one"
}

LARGE="$OUT/bench-$EVENTS.scap"
SMALL="$OUT/bench-$SMALL_EVENTS.scap"
bench_capture "$EVENTS" "$LARGE"
bench_capture "$SMALL_EVENTS" "$SMALL"
"$ROOT/saker" read -n 1 "$SMALL" >/dev/null   # fail early (and build) before the timed runs

echo "== saker read vs sysdig -r ($(nproc) cores, $(date -u +%Y-%m-%d), $REPS interleaved runs each, load average $(cut -d' ' -f1-3 /proc/loadavg))"
measure "$LARGE" "$EVENTS events" "$EVENTS"
RSS_SAKER_LARGE="$RSS_SAKER"; RSS_SYSDIG_LARGE="$RSS_SYSDIG"
measure "$SMALL" "$SMALL_EVENTS events" "$SMALL_EVENTS"
awk -v a="$RSS_SAKER_LARGE" -v b="$RSS_SAKER" -v c="$RSS_SYSDIG_LARGE" -v d="$RSS_SYSDIG" -v big="$EVENTS" -v small="$SMALL_EVENTS" \
    'BEGIN { printf "peak RSS, %d vs %d events: saker %.1f MB vs %.1f MB, sysdig %.1f MB vs %.1f MB\n", big, small, a / 1024, b / 1024, c / 1024, d / 1024 }'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
