#!/usr/bin/env bash
# Prints per-slot precision/recall/F1, intent accuracy, opt-out recall and false opt-outs of the lead
# understander on the labelled corpus (held-out part, tuning part, all). Extra arguments go to the
# main class: --patterns-only (no embedding model), --show-tuning-misses.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
source scripts/find-jdk.sh
./mvnw -B -q -f functions/lead-understanding/pom.xml -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$here/target/djl-cache}"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  com.jorge.platform.understanding.EvaluateCorpus "$@"
