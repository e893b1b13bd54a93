#!/usr/bin/env bash
# Webhook received -> reply handed to the GHL API, at a fixed rate, on real PostgreSQL and Redis on
# loopback (the machine's, or embedded ones started from Maven artifacts).
#   perf/webhook-path/run.sh [--rate 200] [--seconds 30] [--warmup 20] [--bot jorge|starter]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
./mvnw -q -B package -DskipTests -pl perf/webhook-path -am
cd perf/webhook-path
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -jar target/perf-webhook-path.jar "$@"
