#!/usr/bin/env bash
# Times a cold and a warm cache-warmer run over N seeded leads on the real PostgreSQL and Redis
# (the machine's on 127.0.0.1, else embedded ones). Never part of `mvn verify`.
#   functions/cache-warmer/perf/warm-throughput.sh [leads, default 20000]
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/find-jdk.sh
./mvnw -q -B -o test-compile -pl functions/cache-warmer
./mvnw -q -B -o dependency:build-classpath -pl functions/cache-warmer -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/warmer-perf.classpath
cd functions/cache-warmer
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/warmer-perf.classpath)" \
  com.jorge.platform.cachewarmer.WarmerThroughput "$@"
