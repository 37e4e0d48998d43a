# Sourced by the bench/*-vs-sysdig.sh scripts: what they share. Sets ROOT, CONFORMANCE, OUT, SYSDIG,
# TIME and CP (the app's test classes, where the bench tools live), and gives log, die,
# need_tools (sysdig and GNU time, installed when run as root) and bench_capture EVENTS FILE.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
CONFORMANCE="${SAKER_CONFORMANCE:-$ROOT/../shared/conformance}"
OUT="$ROOT/bench/out"
SYSDIG="${SYSDIG:-sysdig}"
TIME=/usr/bin/time

log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }

need_tools() {
    [[ -d "$CONFORMANCE/captures" ]] || die "no conformance captures at $CONFORMANCE/captures (set SAKER_CONFORMANCE)"
    command -v "$SYSDIG" >/dev/null 2>&1 || die "sysdig is needed: apt-get install sysdig"
    if [[ ! -x "$TIME" ]]; then
        [[ "$(id -u)" == 0 ]] || die "GNU time is needed: apt-get install time"
        log "installing GNU time"
        DEBIAN_FRONTEND=noninteractive apt-get install -y time </dev/null >&2 || die "could not install time"
    fi
}

# Builds Saker (./saker builds the runnable jar when it is stale) and the app's test classes.
build_bench_tools() {
    "$ROOT/saker" --help >/dev/null
    (cd "$ROOT" && mvn -q -B -pl app -am -DskipTests test-compile </dev/null 2>&1 | sed 's/\x1b\[0m//g' >&2) \
        || die "build of the test classes failed"
    CP="$ROOT/app/target/test-classes:$ROOT/app/target/classes:$ROOT/analysis/target/classes"
    for jar in "$ROOT"/app/target/lib/*.jar; do CP="$CP:$jar"; done
    mkdir -p "$OUT"
}

# bench_capture EVENTS FILE: a capture of EVENTS events out of the conformance captures' real event
# streams (dev.saker.bench.BenchCaptureBuilder), reused when FILE already exists.
bench_capture() {
    if [[ -s "$2" ]]; then
        log "reusing $2"
    else
        log "generating $2"
        java -cp "$CP" dev.saker.bench.BenchCaptureBuilder "$2" "$1" "$CONFORMANCE/captures" >&2
    fi
}

# summarize_times EVENTS LABEL TIMES: TIMES holds lines "TOOL wall user sys peak-KB" (GNU time's
# '%e %U %S %M'), several runs per tool; prints each tool's median wall and CPU time, events per
# second and peak RSS, then every other tool's ratio against sysdig (sysdig time / tool time).
summarize_times() {
    awk -v events="$1" -v label="$2" '
        { n[$1]++; wall[$1, n[$1]] = $2; cpu[$1, n[$1]] = $3 + $4; if ($5 > rss[$1]) rss[$1] = $5 }
        function median(arr, tool, cnt,   i, j, t, v) {
            for (i = 1; i <= cnt; i++) v[i] = arr[tool, i]
            for (i = 1; i <= cnt; i++) for (j = i + 1; j <= cnt; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
            return cnt % 2 ? v[(cnt + 1) / 2] : (v[cnt / 2] + v[cnt / 2 + 1]) / 2
        }
        END {
            for (tool in n) { w[tool] = median(wall, tool, n[tool]); c[tool] = median(cpu, tool, n[tool]) }
            for (tool in n) printf "%s: %-14s median wall %6.2f s  %9.0f events/s   median cpu %6.2f s  %9.0f events/cpu-s   peak RSS %7.1f MB\n",
                label, tool, w[tool], events / w[tool], c[tool], events / c[tool], rss[tool] / 1024
            for (tool in n) if (tool != "sysdig")
                printf "%s: ratio %s/sysdig: %.2fx by wall time, %.2fx by cpu time\n", label, tool,
                    w["sysdig"] / w[tool], c["sysdig"] / c[tool]
        }' "$3"
}
