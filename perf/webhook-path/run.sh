#!/usr/bin/env bash
# Webhook received -> reply handed to the GHL API, open loop, on real PostgreSQL and Redis on loopback
# (the machine's, or embedded ones started from Maven artifacts). See README.md for the load shapes.
#   perf/webhook-path/run.sh [--rate 200] [--seconds 30] [--warmup 20] [--bot jorge|starter]
#                            [--compare REPEATS] [--steps 50,100,150] [--conversations 1000 [--gap 15-60]]
#                            [--jfr FILE] [--seed 1]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
./mvnw -q -B package -DskipTests -pl perf/webhook-path -am
cd perf/webhook-path
# a fixed heap: G1 sizes its young generation from the heap it has, and a heap grown from the JVM's
# small default starts with frequent young pauses that every request in flight waits out
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xms1g -Xmx1g -jar target/perf-webhook-path.jar "$@"
