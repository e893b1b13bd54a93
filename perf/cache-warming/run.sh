#!/usr/bin/env bash
# Replays cache reads against LRU, W-TinyLFU (Caffeine), both with the cache-warmer's ranking, and
# Belady's offline optimum at several sizes; prints a table, the warmer's extra Redis load, one
# `policy=... hitRate=... peakHitRate=...` line per policy at the headline size, and writes the
# hit-rate curve as SVG. Never part of `mvn verify`. Output: perf/cache-warming/target/results/.
#   perf/cache-warming/run.sh              the platform workload (300 locations, 40,000 leads, a week after a week)
#   perf/cache-warming/run.sh --quick      the same shape at a fifth of the scale (well under 3 minutes)
#   perf/cache-warming/run.sh --trace FILE a trace in the cache2k trace format (.xz or raw; a sample with its licence is in src/test/resources), no warming
#   --seed N                               another workload (default 18)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
MODULE=perf/cache-warming
OUT=$MODULE/target/results
# trace paths are taken relative to the caller's directory
ARGS=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--trace" ] && [ $# -gt 1 ]; then ARGS+=(--trace "$(cd "$OLDPWD" && realpath "$2")"); shift 2; else ARGS+=("$1"); shift; fi
done
mkdir -p "$OUT"
# test-compile: an upstream test-jar resolves to its classes in the reactor
./mvnw -q -B -o -pl "$MODULE" -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
NAME=platform
for a in "${ARGS[@]}"; do [ "$a" = "--quick" ] && NAME=platform-quick; done
for ((i = 0; i < ${#ARGS[@]}; i++)); do [ "${ARGS[$i]}" = "--trace" ] && NAME=$(basename "${ARGS[$((i + 1))]}" | sed -E "s/\.xz$//; s/\.trace$//"); done
"$JAVA_HOME/bin/java" -Xmx3g -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" \
  com.jorge.platform.perf.cachewarming.CacheWarmingSimulation --out "$OUT" "${ARGS[@]}" | tee "$OUT/$NAME.txt"
