#!/usr/bin/env bash
# Prints the alert evaluator's evaluation (about a minute after the build):
#   1. the NAB scorer checked file by file against NAB's published windowedGaussian results;
#   2. the detector replayed over the NAB subset in evaluation/alert-evaluator/nab: precision, recall of
#      windows, lead time to the labelled anomaly point, NAB standard score, windowedGaussian beside it;
#   3. synthetic one-minute ramps: how far ahead of a gradual threshold crossing it warns.
# The code and the data live in evaluation/alert-evaluator, outside the Lambda jar.
# Usage (from anywhere): functions/alert-evaluator/evaluate.sh [name=value ...]
#   overrides for the NAB replay: confirmations, spikeZ, noiseMargin, trendWindow, noveltyWindow, margin
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
EVALUATION=evaluation/alert-evaluator
echo "== build"
# the class path file lands in each built module's own target/ (relative to its directory)
./mvnw -q -B -pl "$EVALUATION" -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
CP="$EVALUATION/target/classes:$(cat "$EVALUATION/target/classpath.txt")"
"$JAVA_HOME/bin/java" -cp "$CP" com.jorge.platform.alerts.evaluation.NabEvaluation "$EVALUATION/nab" "$@"
"$JAVA_HOME/bin/java" -cp "$CP" com.jorge.platform.alerts.evaluation.SyntheticRamps
