#!/usr/bin/env bash
# Times the BI aggregator on a realistic volume in a throw-away schema of the test PostgreSQL
# (the machine's on 127.0.0.1:5432, JORGE_TEST_DATABASE_URL, or an embedded one):
# first run, idle re-run, run after new texts, and a 31-day report.
# Usage (from anywhere): perf/bi-aggregator/run.sh [locations] [leads per location] [texts per lead]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh >/dev/null
MODULE=perf/bi-aggregator
# compiled in the reactor with what it needs (test-compile: an upstream test-jar resolves to its classes); the class path file lands in each module's own target/
./mvnw -q -B -o -pl "$MODULE" -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
"$JAVA_HOME/bin/java" -Xmx1g -Dlocations="${1:-4}" -Dleads="${2:-5000}" -Dmessages="${3:-6}" \
  -Dlog4j2.level=WARN -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" \
  com.jorge.platform.perf.bi.BiLoadRun 2>&1 | grep --line-buffered -v '"level":"INFO"'
