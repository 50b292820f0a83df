#!/usr/bin/env bash
# What reading a week of one device's RTD samples costs Sitedeck's JSON reader, next to the general readers in the
# same run (bench/ParseCost.java). Usage: bench/parse-cost.sh [rounds]   JAVA_OPTS default: the image's compiler (C1).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/quarkus-app/lib/main ] && [ -d target/classes ] || ./mvnw -q -B -DskipTests package
classpath="target/classes:$(printf '%s:' target/quarkus-app/lib/main/*.jar)"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--XX:TieredStopAtLevel=1} -cp "$classpath" bench/ParseCost.java "${1:-3000}"
