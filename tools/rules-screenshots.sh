#!/usr/bin/env bash
# Takes docs/screenshots/rules-editor.png and rule-debugger.png from a real workbench window under
# Xvfb (needs xvfb, imagemagick, libgtk-3-0). Usage: tools/rules-screenshots.sh [DISPLAY_NUMBER]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DISP="${1:-98}"
CAPTURE="${CAPTURE:-$ROOT/../shared/conformance/captures/libs/curl_google.scap}"
OUT="$ROOT/docs/screenshots"
mkdir -p "$OUT"
cd "$ROOT"
mvn -o -q -B -pl ui -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/saker-ui-cp.txt >&2
CP="$ROOT/ui/target/test-classes:$ROOT/ui/target/classes:$(cat /tmp/saker-ui-cp.txt)"
if ! xdpyinfo -display ":$DISP" >/dev/null 2>&1; then
    Xvfb ":$DISP" -screen 0 1280x800x24 >/dev/null 2>&1 &
    XVFB=$!
    trap 'kill $XVFB' EXIT
    sleep 2
fi
for mode in editor debugger; do
    name=$([[ $mode == editor ]] && echo rules-editor || echo rule-debugger)
    log=$(mktemp)
    DISPLAY=":$DISP" java -Dprism.order=sw -cp "$CP" dev.saker.ui.rules.RulesScreenshots "$mode" "$CAPTURE" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do
        grep -q READY "$log" && break
        kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 1
    done
    DISPLAY=":$DISP" import -window root "$OUT/$name.png"
    # a 128-colour palette keeps the PNGs small (as ScreenshotTour does) without visible loss on UI chrome
    convert "$OUT/$name.png" +dither -colors 128 "$OUT/$name.png"
    kill $pid
    wait $pid 2>/dev/null || true
    echo "wrote $OUT/$name.png"
done
