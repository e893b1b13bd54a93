#!/usr/bin/env bash
# Prints per-slot precision/recall/F1, intent accuracy, opt-out recall and false opt-outs of the lead
# understander on the labelled corpus (each part, then all), or with --corpus FILE on any JSON Lines
# file in the corpus format (evaluation/lead-understanding/src/main/resources/corpus/LABELLING.md).
# The last line is always: slotF1=... intentAccuracy=... optOutRecall=... falseOptOuts=...; before it, per part,
# possibleOptOuts PART: flagged non-opt-outs, missed opt-outs caught, and leave-rules-out recall.
# Other arguments go to the main class: --patterns-only (no embedding model), --show-tuning-misses,
# --show-misses (with --corpus: each message got wrong; never use it on a held-out part), --leave-one-part-out
# (learned intent readers trained on four training parts and scored on the fifth; never reads a held-out part;
# with --fixed-blend-on PART, that part alone, blended at a threshold fixed in advance), --other-fallback-lopo
# (the OTHER fallback by leave-one-part-out over the seven tuning parts), --other-fallback-fresh MISSES PART,
# --other-fallback-cost, --show-possible-opt-outs (the tuning parts' possible-opt-out flags and uncued opt-outs),
# --train-other-fallback FILE (writes the fallback's resource; FILE relative to the repository root),
# --intent-reader-lopo (the learned reader of the full intent set by leave-one-part-out over the ten tuning parts, with
# today's and with fresh rule readings), --intent-reader-guards (its guards compared), --intent-reader-cost,
# --train-intent-reader [FILE [--buckets N] [--l2 X]] (writes its resource, by default the shipped one, and the fingerprint of its
# training data; --buckets and --l2 train a candidate of another capacity into the FILE named),
# --corpus FILE --agreement OTHER (a second hand's labels of the same messages scored against FILE's, same last line).
# JORGE_UNDERSTANDING_INTENT_READER=rules scores the rules alone (default: stacked, as the bots run).
# The code and the corpus live in evaluation/lead-understanding, outside the worker's Lambda jar.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# --corpus FILE and --agreement FILE are read relative to where the command was run, before the cd below
args=()
while [ $# -gt 0 ]; do
  if { [ "$1" = "--corpus" ] || [ "$1" = "--agreement" ]; } && [ $# -gt 1 ]; then
    [ -f "$2" ] || { echo "evaluate.sh: corpus file not found: $2" >&2; exit 2; }
    args+=("$1" "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2
  else
    args+=("$1"); shift
  fi
done
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
  com.jorge.platform.understanding.EvaluateCorpus "${args[@]}"
