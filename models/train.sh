#!/usr/bin/env bash
# Trains the lead-score model and writes models/artifacts/lead-score/<version>/.
#   models/train.sh                                   # bank-marketing data, seed 42, next version
#   models/train.sh --source aurora --jdbc-url jdbc:postgresql://host:5432/db   # the platform's lead_outcomes
# The database password is read from $LEAD_OUTCOMES_DB_PASSWORD only. --help lists every option.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh

module=models/lead-score-training
target=$module/target
# the whole reactor resolves the test kit on a fresh clone; if a sibling module elsewhere in the tree
# does not parse right now, the models reactor alone is enough once the test kit is installed
./mvnw -B -q -pl "$module" -am install -Dmaven.test.skip=true >&2 \
  || ./mvnw -B -q -f models/pom.xml -pl lead-score-training -am install -Dmaven.test.skip=true >&2
./mvnw -B -q -f models/pom.xml -pl lead-score-training dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime >&2

# ONNX Runtime 1.29's Java loader crashes the JVM (SIGSEGV) when java.class.path is longer than about
# 4 KB, and ours is longer: launch through a jar whose manifest carries the class path instead.
{
  echo "Manifest-Version: 1.0"
  echo "Main-Class: com.jorge.platform.models.training.TrainLeadScore"
  echo "Class-Path: $(tr ':' '\n' < "$target/classpath.txt" | sed 's#^#file:#' | tr '\n' ' ')" | fold -b -w 70 | sed '2,$s/^/ /'
} > "$target/train-manifest.txt"
"$JAVA_HOME/bin/jar" --create --file "$target/lead-score-train.jar" --manifest "$target/train-manifest.txt" \
  -C "$target/classes" .

exec java --enable-native-access=ALL-UNNAMED -Dmodels.dir=models -jar "$target/lead-score-train.jar" "$@"
