#!/usr/bin/env bash
# bench/scan-vs-sysdig.sh [EVENTS] : `saker scan` with the official rules against sysdig 0.29.3
# filtering the same capture with one rule's condition, in the same run.
#
# Rerun:   bench/scan-vs-sysdig.sh                  # 5,000,000 events, 3 interleaved runs each
#          REPS=5 bench/scan-vs-sysdig.sh 2000000
#          RULE="Terminal shell in container" bench/scan-vs-sysdig.sh
# Needs:   Java 17, Maven, sysdig, GNU time (/usr/bin/time; installed when run as root), and the
#          conformance material at ../shared/conformance (or SAKER_CONFORMANCE=DIR).
#
# What it does: builds Saker, then generates (or reuses) bench/out/bench-EVENTS.scap (git-ignored)
# out of the real event streams of the conformance captures (dev.saker.bench.BenchCaptureBuilder,
# as bench/read-vs-sysdig.sh does). It prints RULE's condition from falco-rules-5.1.0 expanded to
# plain filter text (dev.saker.bench.RuleCondition: exceptions added, macros and lists substituted)
# and checks that sysdig compiles it. Then it times, REPS times each and interleaved,
#     ./saker scan -r falco_rules.yaml -r falco-incubating_rules.yaml -r falco-sandbox_rules.yaml F > /dev/null
#     TZ=UTC sysdig -r F "EXPANDED CONDITION OF RULE" > /dev/null
# and prints for both the median wall and CPU time, events per second (events = event blocks in
# the file) and the ratio saker/sysdig (the target of issue 3 is Saker with all rules >= 2x sysdig
# with one). Both tools' match counts are printed once, untimed, so the work done is visible.
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"
EVENTS="${1:-5000000}"
REPS="${REPS:-3}"
RULE="${RULE:-Read sensitive file untrusted}"
RULES_DIR="$CONFORMANCE/rules-upstream/falco-rules-5.1.0"

[[ "$EVENTS" =~ ^[0-9]+$ ]] || die "EVENTS must be a number, got '$EVENTS'"
need_tools
[[ -d "$RULES_DIR" ]] || die "no official rules at $RULES_DIR (set SAKER_CONFORMANCE)"
RULE_FILES=("$RULES_DIR/falco_rules.yaml" "$RULES_DIR/falco-incubating_rules.yaml" "$RULES_DIR/falco-sandbox_rules.yaml")
SCAN_ARGS=()
for f in "${RULE_FILES[@]}"; do SCAN_ARGS+=(-r "$f"); done

build_bench_tools
FILE="$OUT/bench-$EVENTS.scap"
bench_capture "$EVENTS" "$FILE"

FILTER="$(java -cp "$CP" dev.saker.bench.RuleCondition "$RULE" "${RULE_FILES[@]}")" || die "no condition for rule '$RULE'"
log "sysdig filter (rule '$RULE', ${#FILTER} characters): ${FILTER:0:200}..."
"$SYSDIG" -r "$CONFORMANCE/falco-legacy/trace_files/empty.scap" "$FILTER" >/dev/null \
    || die "sysdig 0.29.3 cannot compile the condition of '$RULE'; pick another RULE"

log "counting matches once (untimed)"
saker_summary="$("$ROOT/saker" scan "${SCAN_ARGS[@]}" "$FILE" 2>&1 >/dev/null | head -n 1)"
sysdig_lines="$(TZ=UTC "$SYSDIG" -r "$FILE" -p '%evt.num' "$FILTER" | wc -l)"
echo "saker scan: $saker_summary"
echo "sysdig with '$RULE': $sysdig_lines events matched"

times="$(mktemp)"
for ((rep = 1; rep <= REPS; rep++)); do
    order=(saker sysdig)
    (( rep % 2 == 0 )) && order=(sysdig saker)
    for tool in "${order[@]}"; do
        if [[ "$tool" == saker ]]; then
            "$TIME" -f '%e %U %S %M' -o "$times.one" "$ROOT/saker" scan "${SCAN_ARGS[@]}" "$FILE" >/dev/null 2>&1
        else
            TZ=UTC "$TIME" -f '%e %U %S %M' -o "$times.one" "$SYSDIG" -r "$FILE" "$FILTER" >/dev/null
        fi
        line="$(tail -n 1 "$times.one")"
        log "rep $rep $tool: wall/user/sys s, peak KB: $line"
        echo "$tool $line" >>"$times"
    done
done
echo "== saker scan (falco-rules-5.1.0 stable+incubating+sandbox) vs sysdig -r with one rule ($(nproc) cores, $(date -u +%Y-%m-%d), $REPS interleaved runs, $EVENTS events)"
summarize_times "$EVENTS" "$EVENTS events, target >= 2x" "$times"
rm -f "$times" "$times.one"
