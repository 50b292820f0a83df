#!/usr/bin/env bash
# Start-up of Sitedeck as a ratio to a bare Quarkus app with the same data extensions (REST, Qute,
# Hibernate ORM + Panache, Flyway, H2, health: bench/startup-baseline), measured side by side: each
# is started RUNS times (default 5), alternately, each time with a fresh database in a fresh
# folder, from the `java` command until /q/health/ready answers; prints every run, the medians and
# the ratio. Sitedeck starts as a newcomer's does (embedded default: H2 + sandbox).
# Usage: bench/startup.sh [runs]     Environment: JAVA_OPTS (default: the container image's).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
opts=${JAVA_OPTS:-$(bench/image-java-opts.sh)}
port=${BENCH_PORT:-18091}

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -DskipTests package
[ -f bench/startup-baseline/target/quarkus-app/quarkus-run.jar ] \
  || ./mvnw -q -B -f bench/startup-baseline/pom.xml -DskipTests clean package
sitedeck="$PWD/target/quarkus-app/quarkus-run.jar"
baseline="$PWD/bench/startup-baseline/target/quarkus-app/quarkus-run.jar"
workdir=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$workdir"' EXIT

# Milliseconds from the java command until ready, in a fresh folder.   start_ms <jar> <name> <run>
start_ms() {
  local dir="$workdir/$2-$3"
  mkdir -p "$dir"
  local start
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$dir" && exec java $opts -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 10000))" \
    -jar "$1" > "$dir/log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { cat "$dir/log" >&2; exit 1; }
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

: > "$workdir/baseline.txt"
: > "$workdir/sitedeck.txt"
for run in $(seq 1 "$runs"); do
  b=$(start_ms "$baseline" baseline "$run")
  s=$(start_ms "$sitedeck" sitedeck "$run")
  echo "$b" >> "$workdir/baseline.txt"
  echo "$s" >> "$workdir/sitedeck.txt"
  echo "run $run: bare Quarkus $b ms, Sitedeck $s ms"
done
b=$(median < "$workdir/baseline.txt")
s=$(median < "$workdir/sitedeck.txt")
echo "median: bare Quarkus $b ms, Sitedeck $s ms; ratio $(awk -v s="$s" -v b="$b" 'BEGIN {printf "%.2f", s / b}')×"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; $(date -u +%Y-%m-%d)"
