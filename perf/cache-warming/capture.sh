#!/usr/bin/env bash
# What access capture (sampled, queued, streamed to Redis off the hot path) costs a cache get; needs a
# Redis (default redis://127.0.0.1:6379). Never part of `mvn verify`.
#   perf/cache-warming/capture.sh [redis://host:port]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
MODULE=perf/cache-warming
# test-compile: an upstream test-jar resolves to its classes in the reactor
./mvnw -q -B -o -pl "$MODULE" -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" \
  com.jorge.platform.perf.cachewarming.AccessCaptureCost "$@"
