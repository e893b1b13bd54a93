#!/usr/bin/env bash
# Times a cold and a warm cache-warmer run over N seeded leads on the real PostgreSQL and Redis
# (the machine's on 127.0.0.1, else embedded ones). Never part of `mvn verify`.
#   perf/cache-warmer/run.sh [leads, default 20000]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
MODULE=perf/cache-warmer
# compiled in the reactor with what it needs (test-compile: an upstream test-jar resolves to its classes); the class path file lands in each module's own target/
./mvnw -q -B -o -pl "$MODULE" -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" \
  com.jorge.platform.perf.cachewarmer.WarmerThroughput "$@"
