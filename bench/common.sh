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
