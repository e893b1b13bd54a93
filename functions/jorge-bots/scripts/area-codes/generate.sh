#!/usr/bin/env bash
# Prints the state lines of src/main/resources/jorge-bots/area-code-states.txt from libphonenumber's
# geocoding data (Apache License 2.0), fetched with the Maven wrapper into a scratch repository so the
# shared ~/.m2 is left alone. Usage: functions/jorge-bots/scripts/area-codes/generate.sh [geocoder version]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
source "$ROOT/scripts/find-jdk.sh" >/dev/null
VERSION=${1:-3.23}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for artifact in geocoder:$VERSION prefixmapper:$VERSION libphonenumber:LATEST; do
  "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" -N dependency:copy -Dartifact=com.googlecode.libphonenumber:$artifact \
    -DoutputDirectory="$WORK/jars" -Dmaven.repo.local="$WORK/m2" >&2
done
"$JAVA_HOME/bin/java" -cp "$(echo "$WORK"/jars/*.jar | tr ' ' ':')" "$HERE/AreaCodeStates.java"
