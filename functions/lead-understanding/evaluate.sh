#!/usr/bin/env bash
# Prints per-slot precision/recall/F1, intent accuracy, opt-out recall and false opt-outs of the lead
# understander on the labelled corpus (held-out part, tuning part, all). Extra arguments go to the
# main class: --patterns-only (no embedding model), --show-tuning-misses.
# The code and the corpus live in evaluation/lead-understanding, outside the worker's Lambda jar.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
source scripts/find-jdk.sh
evaluation="$root/evaluation/lead-understanding"
# the class path file lands in each built module's own target/ (relative to its directory)
./mvnw -B -q -pl evaluation/lead-understanding -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$here/target/djl-cache}"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "$evaluation/target/classes:$(cat "$evaluation/target/classpath.txt")" \
  com.jorge.platform.understanding.EvaluateCorpus "$@"
