#!/usr/bin/env bash
# The repeat-heavy replay through the cached search on the real PostgreSQL and Redis (the machine's on
# 127.0.0.1, else embedded ones): hit rate, false-hit rate, audit, cached/uncached p50 and p99, cost
# avoided per 1,000 queries. Never part of `mvn verify`.
#   perf/search/run.sh [queries, default 2000] [zipf s, default 1.1] [pairs files whose questions are replayed, default pairs/heldout.jsonl]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh >/dev/null
MODULE=perf/search
./mvnw -q -B -o -pl "$MODULE" -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -DDJL_CACHE_DIR="$MODULE/target/djl-cache" -DENGINE_CACHE_DIR="$MODULE/target/djl-cache" \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" \
  com.jorge.platform.perf.search.SearchCacheReplay "$@" 2> >(grep -v -e '^WARNING' -e CudaUtils >&2)
