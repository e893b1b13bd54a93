#!/usr/bin/env bash
# The command cdk.json runs: compile the CDK app and run it with a JDK 21+ (found like ./jorge does).
# The function jars must already be built: ./mvnw -B install -DskipTests -pl functions/webhook-intake,functions/bot-worker -am
set -euo pipefail
cd "$(dirname "$0")"
source ../scripts/find-jdk.sh
exec ../mvnw -B -q -f pom.xml compile exec:java
