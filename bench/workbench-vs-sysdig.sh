#!/usr/bin/env bash
# bench/workbench-vs-sysdig.sh [EVENTS] [CONDITION] : what the workbench does on opening a large capture
# (time to the first page of rows, to the full index, index memory, one filter, random pages), timed
# headless through the analysis classes the workbench uses, against `sysdig -r F CONDITION` on the same
# file in the same run.
#
# Rerun:   bench/workbench-vs-sysdig.sh                                   # 5,000,000 events
#          bench/workbench-vs-sysdig.sh 1000000 "evt.type=open and fd.name contains /etc"
# Needs:   what bench/read-vs-sysdig.sh needs (Java 17, Maven, sysdig, GNU time, the conformance captures).
# The capture is generated into bench/out/ (git-ignored) by BenchCaptureBuilder, as read-vs-sysdig.sh does.
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"
EVENTS="${1:-5000000}"
CONDITION="${2:-evt.type in (open, openat) and fd.name contains /etc}"

[[ "$EVENTS" =~ ^[0-9]+$ ]] || die "EVENTS must be a number, got '$EVENTS'"
need_tools
build_bench_tools
FILE="$OUT/bench-$EVENTS.scap"
bench_capture "$EVENTS" "$FILE"

echo "== workbench index vs sysdig -r, $EVENTS events ($(du -m "$FILE" | cut -f1) MB), $(nproc) cores, $(date -u +%Y-%m-%d)"
# the workbench's JVM settings are the launcher's (./saker): serial collector, small young generation
"$TIME" -f 'saker workbench pass: %e s wall, %U+%S s cpu, peak RSS %M KB' \
    java -XX:+UseSerialGC -Xmn16m -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 -cp "$CP" \
    dev.saker.bench.WorkbenchIndexBench "$FILE" "$CONDITION"
"$TIME" -f 'sysdig -r F CONDITION: %e s wall, %U+%S s cpu, peak RSS %M KB' \
    bash -c 'TZ=UTC "$0" -r "$1" "$2" | wc -l | sed "s/^/sysdig lines: /"' "$SYSDIG" "$FILE" "$CONDITION"
