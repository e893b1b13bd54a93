#!/usr/bin/env bash
# The semantic cache's decision on each pair of FILE (one JSON object a line: {"a": ..., "b": ..., "same": true|false},
# other fields ignored). Writes the per-pair decisions to perf/search/target/cache-pairs-decisions.jsonl (or DECISIONS)
# and ends with one line: pairs=N hitRate=H falseHitRate=F (fractions 0..1). Never part of `mvn verify`.
#   perf/search/cache-pairs.sh FILE [DECISIONS] [THRESHOLD]
#   perf/search/cache-pairs.sh --curve FILE       (also prints the rates over thresholds 0.60..1.00)
set -euo pipefail
ARGS=()
for a in "$@"; do
  if [[ "$a" != --* && -e "$a" ]]; then ARGS+=("$(cd "$(dirname "$a")" && pwd)/$(basename "$a")"); else ARGS+=("$a"); fi
done
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh >/dev/null
MODULE=perf/search
./mvnw -q -B -o -pl "$MODULE" -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
DJL_CACHE_DIR="$MODULE/target/djl-cache" exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -DDJL_CACHE_DIR="$MODULE/target/djl-cache" -DENGINE_CACHE_DIR="$MODULE/target/djl-cache" \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" \
  com.jorge.platform.perf.search.CachePairsEvaluation "${ARGS[@]}" 2> >(grep -v -e '^WARNING' >&2)
