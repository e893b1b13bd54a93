#!/usr/bin/env bash
# The alert evaluator's detector over any folder in NAB's layout (data/<category>/<series>.csv,
# labels/combined_windows.json, config/profiles.json): NAB scores for the three profiles, alert precision,
# windows warned, lead time, false alerts per series per week, NAB's published detectors beside it when
# their results are in the folder; the last line is
#   nabStandard=... precision=... medianLeadMinutes=... windowsWarned=...
# Usage (from anywhere; relative paths are the caller's):
#   functions/alert-evaluator/evaluate.sh --data DIR [--labels FILE] [--series FILE] [--set name=value ...] [--ramps] [--calibration]
#   functions/alert-evaluator/evaluate.sh --data DIR [--series FILE] [--set ...] --cv K|category [--grid name=v1,v2,... ...] [--choose best|1se]
#   --data defaults to the NAB subset in evaluation/alert-evaluator/nab; --labels to DIR/labels/combined_windows.json;
#   --series FILE evaluates only the series listed there (evaluation/alert-evaluator/split/{tuning,heldout}.txt);
#   no detector setting scores the Lambda's default detector (ARTime, variant G, as AnomalyWatch streams it:
#   detector=artime-stream; --set artime.quiet=N another quiet period, artime.range/probation/maxCategories another stream,
#   e.g. variant L: --set detector=artime-stream --set artime.probation=fixed --set artime.maxCategories=128);
#   --set detector=ensemble the ensemble (ensemble settings alone also select it);
#   --set overrides one detector setting; --ramps also runs the synthetic ramps first; --calibration also prints the
#   forecaster's breach-probability calibration (Brier, reliability table, operating points) before the last line.
#   --cv K: cross-validation by series (K folds stratified by category; K >= the series: leave one out), each fold scored
#   with the --grid candidate chosen on the other folds; its last line is cvFolds=K nabStandard=... (out of fold).
#   --cv category: leave one NAB category out (one fold per category; last line cvFolds=<categories> nabStandard=...).
# An argument it does not understand: exit 2 with a message. Scorer disagreeing with NAB's published
# windowedGaussian results: exit 1. The code lives in evaluation/alert-evaluator, outside the Lambda jar.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
EVALUATION="$ROOT/evaluation/alert-evaluator"
source "$ROOT/scripts/find-jdk.sh"
echo "== build" >&2
# the class path file lands in each built module's own target/ (relative to its directory)
(cd "$ROOT" && ./mvnw -q -B -pl evaluation/alert-evaluator -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt >&2)
CP="$EVALUATION/target/classes:$(cat "$EVALUATION/target/classpath.txt")"
exec "$JAVA_HOME/bin/java" -Dnab.defaultData="$EVALUATION/nab" -cp "$CP" com.jorge.platform.alerts.evaluation.NabEvaluation "$@"
