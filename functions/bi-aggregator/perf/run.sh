#!/usr/bin/env bash
# Times the BI aggregator on a realistic volume in a throw-away schema of the test PostgreSQL
# (the machine's on 127.0.0.1:5432, JORGE_TEST_DATABASE_URL, or an embedded one):
# first run, idle re-run, run after new texts, and a 31-day report.
# Usage (from anywhere): functions/bi-aggregator/perf/run.sh [locations] [leads per location] [texts per lead]
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/find-jdk.sh >/dev/null
OUT=functions/bi-aggregator/target/perf
mkdir -p "$OUT"
./mvnw -q -B -o -pl functions/bi-aggregator test-compile
./mvnw -q -B -o -pl functions/bi-aggregator dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$(pwd)/$OUT/classpath.txt" >/dev/null
CP="functions/bi-aggregator/target/classes:functions/bi-aggregator/target/test-classes:$(cat "$OUT/classpath.txt")"
"$JAVA_HOME/bin/java" -Xmx1g -Dlocations="${1:-4}" -Dleads="${2:-5000}" -Dmessages="${3:-6}" \
  -Dlog4j2.level=WARN -cp "$CP" com.jorge.platform.bi.BiLoadRun 2>&1 | grep --line-buffered -v '"level":"INFO"'
