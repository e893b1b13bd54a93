#!/usr/bin/env bash
# Load and fault harness: signed webhooks from simulated leads into the local runtime on 127.0.0.1 while
# GHL, Redis and PostgreSQL fail; one line per scenario; exit 1 on any lost or duplicated reply.
#   perf/faults/run.sh [--quick] [--rate 20] [--only ghl-429-1m,redis-kill] [--out perf/faults/target/faults]
#                      [--redis-server /usr/bin/redis-server] [--drain 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
# package, not install: the build's modules come from this reactor, never from ~/.m2; gpu-inference is the
# inference scenarios' tier (a child process, from its service jar)
./mvnw -q -B package -DskipTests -pl perf/faults,gpu-inference -am
# S3Mock's own class path for the inference scenarios' model registry (a child process)
./mvnw -q -B -f perf/faults/s3mock/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/perf/faults/target/s3mock-classpath.txt" >/dev/null
cd perf/faults
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -jar target/perf-faults.jar "$@"
