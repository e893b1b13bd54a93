#!/usr/bin/env bash
# What one inference request's CloudWatch metrics cost on the request thread, gpu-inference's own EMF
# code against aws-embedded-metrics 4.2.0 (EmfMetricsBenchmark, JMH SampleTime with -prof gc): prints the
# median and p99 per request and the bytes allocated per request for each way.
# Usage (from anywhere): perf/inference/emf.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
MODULE=perf/inference
OUT=$MODULE/target/results
mkdir -p "$OUT"
JMH_ARGS=()
if [ "${1:-}" = "--quick" ]; then JMH_ARGS=(-wi 1 -i 2 -w 1 -r 1); fi

echo "== build"
# in the reactor, nothing installed (test-compile: an upstream test-jar resolves to its classes);
# the class path file lands in each module's own target/
./mvnw -q -B -pl "$MODULE" -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
CP="$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")"

echo "== JMH EmfMetricsBenchmark (1 thread, SampleTime, -prof gc)"
"$JAVA_HOME/bin/java" -Xmx1g -Djmh.ignoreLock=true -cp "$CP" org.openjdk.jmh.Main "${JMH_ARGS[@]}" -prof gc \
  -rf csv -rff "$OUT/emf.csv" 'EmfMetricsBenchmark' > "$OUT/emf.txt"

echo "== per request (ns: median, p99; bytes allocated)"
awk -F, '{gsub(/"/,"")} sub(/.*EmfMetricsBenchmark\./, "", $1) {
  b = $1; sub(/:.*/, "", b)
  if ($1 ~ /:p0\.50$/) p50[b] = $5; else if ($1 ~ /:p0\.99$/) p99[b] = $5; else if ($1 ~ /:gc\.alloc\.rate\.norm$/) bytes[b] = $5
} END { for (b in p50) printf "%-22s median %7.0f ns  p99 %8.0f ns  %7.0f B\n", b, p50[b], p99[b], bytes[b] }' "$OUT/emf.csv" | sort
