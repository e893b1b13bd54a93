#!/usr/bin/env bash
# Prints the alert evaluator's evaluation (about a minute after the build):
#   1. the NAB scorer checked file by file against NAB's published windowedGaussian results;
#   2. the detector replayed over the NAB subset in evaluation/nab: precision, recall of windows,
#      lead time to the labelled anomaly point, NAB standard score, windowedGaussian beside it;
#   3. synthetic one-minute ramps: how far ahead of a gradual threshold crossing it warns.
# Usage (from anywhere): functions/alert-evaluator/evaluate.sh [name=value ...]
#   overrides for the NAB replay: confirmations, spikeZ, noiseMargin, trendWindow, noveltyWindow, margin
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
MODULE=functions/alert-evaluator
echo "== build"
./mvnw -q -B -pl "$MODULE" -am package -DskipTests
JAR="$MODULE/target/alert-evaluator-lambda.jar"
"$JAVA_HOME/bin/java" -cp "$JAR" com.jorge.platform.alerts.evaluation.NabEvaluation "$MODULE/evaluation/nab" "$@"
"$JAVA_HOME/bin/java" -cp "$JAR" com.jorge.platform.alerts.evaluation.SyntheticRamps
