#!/usr/bin/env bash
# Builds and runs the bots' latency benchmarks (JMH, sampled) and prints p50/p99 per message.
#   UnderstandBenchmark: understand() on the corpus mix and on messages that always take the
#   embedding path (MiniLM call included).
# Other benchmark classes in this module (e.g. understand + decide + reply) run too when present.
# Usage (from anywhere): perf/bots/run.sh [--quick] [JMH regex, default: all benchmarks here]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
ROOT=$(pwd)
OUT=perf/bots/target/results
mkdir -p "$OUT"
export DJL_CACHE_DIR="$ROOT/perf/bots/target/djl-cache"

JMH_ARGS=()
if [ "${1:-}" = "--quick" ]; then JMH_ARGS=(-wi 1 -i 2 -w 1 -r 2); shift; fi
FILTER=${1:-'com.jorge.platform.perf.bots.*'}

echo "== build"
# package, not install: the reactor's own jars go on the classpath and the shared ~/.m2 is left alone
# (with -am every module writes the classpath file; perf/bots, built last, writes it last)
./mvnw -q -B -pl perf/bots -am package -DskipTests dependency:build-classpath -Dmdep.outputFile="$ROOT/$OUT/classpath.txt" >/dev/null
CP="perf/bots/target/classes:$(cat "$OUT/classpath.txt")"

echo "== JMH (in-process, 1 thread, SampleTime)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -DDJL_CACHE_DIR="$DJL_CACHE_DIR" -Djmh.ignoreLock=true -cp "$CP" \
  org.openjdk.jmh.Main "${JMH_ARGS[@]}" -jvmArgsAppend "-DDJL_CACHE_DIR=$DJL_CACHE_DIR" -rf csv -rff "$OUT/jmh.csv" "$FILTER" \
  | tee "$OUT/jmh.txt" | grep -E "^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)" || true

echo "== summary (microseconds per message)"
grep -E '":p0\.(50|99|999)"|:p0.50|:p0.99' "$OUT/jmh.csv" | awk -F, '{gsub(/"/,""); printf "%-70s %-10s %10.1f us\n", $1, $NF, $5}' || true
