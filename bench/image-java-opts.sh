#!/usr/bin/env bash
# Prints the JVM options the container image runs Sitedeck with (docker/Dockerfile's JAVA_OPTS_APPEND), so the
# benchmarks that default to "the image's options" follow the image instead of keeping copies of them.
set -euo pipefail
cd "$(dirname "$0")/.."
options=$(sed -n 's/.*JAVA_OPTS_APPEND="\([^"]*\)".*/\1/p' docker/Dockerfile)
[ -n "$options" ] || { echo "no JAVA_OPTS_APPEND in docker/Dockerfile" >&2; exit 1; }
echo "$options"
