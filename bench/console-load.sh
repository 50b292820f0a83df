#!/usr/bin/env bash
# Benchmark of the console: Sitedeck (its own process, embedded sandbox off) in front of the
# sandbox's large world (1,000 agents x 100 devices, its own process, 150 ms per call like a real
# cell), browsed by N signed-in users for a warm-up and a measured period (bench/LoadDriver.java).
# Prints start-up time, the driver's table (throughput, p50/p95/p99 per page kind, upstream calls),
# then each page kind's server CPU per view and bytes, sequential and warm, as ratios to the sign-in
# page measured in the same run, and its p99 under load over its own sequential median
# (bench/PageCost.java); and Sitedeck's peak RSS.      Usage: bench/console-load.sh [users] [seconds] [latency]
# Environment: BENCH_THINK_MS (default 1000), BENCH_WARMUP (15), BENCH_SITES (25), BENCH_VIEWS (300), JAVA_OPTS for Sitedeck.
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-50}
seconds=${2:-60}
latency=${3:-150ms}
cell_port=${BENCH_CELL_PORT:-18080}
port=${BENCH_PORT:-18081}

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -DskipTests package
jar="$PWD/target/quarkus-app/quarkus-run.jar"
workdir=$(mktemp -d)
cleanup() { kill "${cell_pid:-}" "${app_pid:-}" 2>/dev/null || true; rm -rf "$workdir"; }
trap cleanup EXIT

wait_ready() { # port pid log
  until curl -fs "http://127.0.0.1:$1/q/health/ready" > /dev/null 2>&1; do
    kill -0 "$2" 2>/dev/null || { cat "$3"; exit 1; }
    sleep 0.02
  done
}

mkdir -p "$workdir/cell" "$workdir/app"
(cd "$workdir/cell" && exec java -Dquarkus.profile=bench -Dsitedeck.console.enabled=false \
  -Dquarkus.http.port="$cell_port" -Dquarkus.management.port="$((cell_port + 10000))" -Dsitedeck.sandbox.latency="$latency" -Dsitedeck.sandbox.daily-limit=100000000 \
  -jar "$jar" > "$workdir/cell.log" 2>&1) &
cell_pid=$!
wait_ready "$cell_port" "$cell_pid" "$workdir/cell.log"
echo "cell: the sandbox's large world on port $cell_port, ${latency} per call"

start=$(date +%s%N)
# shellcheck disable=SC2086
(cd "$workdir/app" && exec java ${JAVA_OPTS:-} -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 10000))" -Dsitedeck.sandbox.enabled=false -Dsitedeck.sign-in.setup-token=bench-setup-token -Dsitedeck.domotz.allowed-hosts=127.0.0.1 -Dsitedeck.fleet.crawl-every=off \
  -Dsitedeck.console.data-dir="$workdir/app" -jar "$jar" > "$workdir/app.log" 2>&1) &
app_pid=$!
wait_ready "$port" "$app_pid" "$workdir/app.log"
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "sitedeck: ready in ${ready_ms} ms from the java command ($(grep -o 'started in [0-9.]*s' "$workdir/app.log" | head -1) by Quarkus' own count)"

java ${DRIVER_OPTS:-} bench/LoadDriver.java --sitedeck "http://127.0.0.1:$port" --cell "http://127.0.0.1:$cell_port/public-api/v1" \
  --users "$users" --seconds "$seconds" --warmup "${BENCH_WARMUP:-15}" --sites "${BENCH_SITES:-25}" \
  --think "${BENCH_THINK_MS:-1000}" --p99-out "$workdir/p99.txt"

# Server cost per view, sequential and warm, as ratios to the sign-in page measured now (bench/PageCost.java).
java -Dbench.clk-tck="$(getconf CLK_TCK)" bench/PageCost.java --sitedeck "http://127.0.0.1:$port" --pid "$app_pid" \
  --views "${BENCH_VIEWS:-300}" --loads "$workdir/p99.txt" --metrics "http://127.0.0.1:$((port + 10000))/q/metrics"

echo "sitedeck peak RSS: $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$app_pid/status")"
