#!/usr/bin/env bash
# The fleet benchmark (issue #16): Sitedeck (its own process, embedded sandbox off) in front of the
# sandbox's large world (1,000 agents x 100 devices = 100,000 devices, its own process, a raised
# daily limit). The crawler fills the index at CALLS_PER_SECOND (crawl-every 1 s x calls-per-round);
# then USERS signed-in users search and open the NOC page for SECONDS while the sign-in page is
# measured as the floor; then webhook status changes are timed until an open NOC page shows them
# (bench/FleetDriver.java). Prints the cell's calls during the load, the index's database size and
# Sitedeck's peak RSS.          Usage: bench/fleet.sh [users] [seconds] [calls-per-second] [latency]
# Environment: JAVA_OPTS for Sitedeck (default: the container image's); BENCH_WARMUP seconds of load not counted (10).
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-50}
seconds=${2:-60}
rate=${3:-50}
latency=${4:-20ms}
cell_port=${BENCH_CELL_PORT:-18080}
port=${BENCH_PORT:-18081}
opts=${JAVA_OPTS:-$(bench/image-java-opts.sh)}

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -DskipTests package
jar="$PWD/target/quarkus-app/quarkus-run.jar"
workdir=$(mktemp -d)
cleanup() { kill "${cell_pid:-}" "${app_pid:-}" 2>/dev/null || true; cp "$workdir/app.log" "${TMPDIR:-/tmp}/sitedeck-fleet-bench-app.log" 2>/dev/null || true; rm -rf "$workdir"; }
trap cleanup EXIT

wait_ready() { # port pid log
  until curl -fs "http://127.0.0.1:$1/q/health/ready" > /dev/null 2>&1; do
    kill -0 "$2" 2>/dev/null || { cat "$3"; exit 1; }
    sleep 0.05
  done
}
cell_calls() {
  curl -fs -H 'X-Api-Key: sandbox-demo-key' "http://127.0.0.1:$cell_port/public-api/v1/meta/usage" \
    | sed -n 's/.*"daily_usage" *: *\([0-9]*\).*/\1/p'
}

mkdir -p "$workdir/cell" "$workdir/app" "$workdir/classes"
(cd "$workdir/cell" && exec java -Dquarkus.profile=bench -Dsitedeck.console.enabled=false \
  -Dquarkus.http.port="$cell_port" -Dquarkus.management.port="$((cell_port + 10000))" -Dsitedeck.sandbox.latency="$latency" \
  -jar "$jar" > "$workdir/cell.log" 2>&1) &
cell_pid=$!
wait_ready "$cell_port" "$cell_pid" "$workdir/cell.log"
echo "cell: the sandbox's large world (1,000 sites x 100 devices) on port $cell_port, ${latency} per call"

# shellcheck disable=SC2086
(cd "$workdir/app" && exec java $opts -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 10000))" \
  -Dsitedeck.sandbox.enabled=false -Dsitedeck.sign-in.setup-token=bench-setup-token -Dsitedeck.domotz.allowed-hosts=127.0.0.1 \
  -Dsitedeck.fleet.crawl-every=1s -Dsitedeck.fleet.calls-per-round="$rate" -Dsitedeck.domotz.concurrent-allowed=1000 \
  -Dsitedeck.events.webhook-rate-per-minute=100000 -Dsitedeck.console.data-dir="$workdir/app" -jar "$jar" > "$workdir/app.log" 2>&1) &
app_pid=$!
wait_ready "$port" "$app_pid" "$workdir/app.log"
echo "sitedeck: crawler at up to $rate calls/s (crawl-every 1s, calls-per-round $rate), budget share 0.5 of a 100,000,000-call day"

javac -d "$workdir/classes" bench/LoadDriver.java bench/FleetDriver.java
java -cp "$workdir/classes" FleetDriver --sitedeck "http://127.0.0.1:$port" --cell "http://127.0.0.1:$cell_port/public-api/v1" \
  --users "$users" --warmup "${BENCH_WARMUP:-10}" --seconds "$seconds" --events "${BENCH_EVENTS:-40}" | tee "$workdir/driver.out"

echo "cell calls in all (set-up, crawl, load, webhooks): $(cell_calls)"
curl -fs "http://127.0.0.1:$((port + 10000))/q/metrics" | awk '/^sitedeck_fleet_search_index_bytes/ {printf "fleet search index (Lucene, heap): %.1f MB\n", $2 / 1048576} /^sitedeck_fleet_search_index_devices/ {printf "devices in it: %d\n", $2}'
echo "fleet index in the database: $(du -k "$workdir/app"/*.mv.db 2>/dev/null | awk '{s += $1} END {printf "%.1f MB (H2 file, all tables)", s / 1024}')"
echo "sitedeck peak RSS: $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$app_pid/status")"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; $(date -u +%Y-%m-%d)"
