#!/usr/bin/env bash
# bench/engine-jmh.sh [JMH ARGS...] : JMH benchmark of the engine's per-event hot path
# (analysis/src/test/java/dev/saker/jmh/EngineMatchBenchmark.java) with the GC profiler.
#
# Rerun:   bench/engine-jmh.sh                 # both benchmarks, -prof gc
#          bench/engine-jmh.sh quietEvent      # one of them (extra arguments go to JMH)
# Needs:   Java 17, Maven (JMH 1.37 comes from Maven Central on first use), the conformance
#          material at ../shared/conformance (or SAKER_CONFORMANCE=DIR).
#
# The benchmark compiles only in the analysis module's `jmh` profile, so the test command never
# builds or runs it. The line to read: EngineMatchBenchmark.quietEvent:gc.alloc.rate.norm, the bytes
# allocated per event that no rule matches.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
CONFORMANCE="$(readlink -f "${SAKER_CONFORMANCE:-$ROOT/../shared/conformance}")"
[[ -d "$CONFORMANCE/rules-upstream" ]] || { echo "bench: no conformance material at $CONFORMANCE" >&2; exit 1; }
mkdir -p "$ROOT/bench/out"
cd "$ROOT"
mvn -q -B -P jmh -pl analysis -am test-compile </dev/null >&2
mvn -q -B -P jmh -pl analysis dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$ROOT/bench/out/jmh-classpath.txt" </dev/null >&2
CP="$ROOT/analysis/target/test-classes:$ROOT/analysis/target/classes:$(cat "$ROOT/bench/out/jmh-classpath.txt")"
ARGS=("$@")
(( ${#ARGS[@]} )) || ARGS=(EngineMatchBenchmark)
exec java -Dsaker.conformance="$CONFORMANCE" -cp "$CP" org.openjdk.jmh.Main "${ARGS[@]}" -prof gc
