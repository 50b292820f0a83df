#!/usr/bin/env bash
# A working day of one Domotz account, time-compressed: 50 users browsing for 8 simulated hours
# against a cell with Domotz's real limits (1,000 calls a day, 5 concurrent, 150 ms per call).
# Every clock is divided by 48 — the cell's rolling day (30 min), Sitedeck's budget day (30 min),
# every TTL and refresh interval — so 8 hours take 10 minutes. Reports the calls spent, the data
# age pages showed and whether any page had to show a quota banner.
# Usage: bench/working-day.sh [users, default 50]            (see docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-50}
k=48
day_ms=$(( 86400000 / k ))
run_s=$(( 8 * 3600 / k ))
cell_port=${BENCH_CELL_PORT:-18090}
port=${BENCH_PORT:-18091}

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -DskipTests package
jar="$PWD/target/quarkus-app/quarkus-run.jar"
workdir=$(mktemp -d)
cleanup() { kill "${cell_pid:-}" "${app_pid:-}" 2>/dev/null || true; rm -rf "$workdir"; }
trap cleanup EXIT

# The budget day starts at multiples of 30 min (as Domotz's at midnight UTC): start early in one.
into=$(( $(date +%s%3N) % day_ms ))
if [ $(( into + (run_s + 60) * 1000 )) -gt "$day_ms" ]; then
  wait_s=$(( (day_ms - into) / 1000 + 1 ))
  echo "waiting ${wait_s} s for the next compressed day to begin"
  sleep "$wait_s"
fi

wait_ready() {
  until curl -fs "http://127.0.0.1:$1/q/health/ready" > /dev/null 2>&1; do
    kill -0 "$2" 2>/dev/null || { cat "$3"; exit 1; }
    sleep 0.05
  done
}
scaled() { echo "$(( $1 / k ))ms"; } # milliseconds of a real duration, divided by k

mkdir -p "$workdir/cell" "$workdir/app"
(cd "$workdir/cell" && exec java -Dquarkus.profile=bench -Dsitedeck.console.enabled=false \
  -Dquarkus.http.port="$cell_port" -Dquarkus.management.port="$((cell_port + 10000))" -Dsitedeck.sandbox.latency=150ms -Dsitedeck.sandbox.daily-limit=1000 \
  -Dsitedeck.sandbox.concurrent-allowed=5 -Dsitedeck.sandbox.hour-length="$(scaled 3600000)" \
  -jar "$jar" > "$workdir/cell.log" 2>&1) &
cell_pid=$!
wait_ready "$cell_port" "$cell_pid" "$workdir/cell.log"

(cd "$workdir/app" && exec java -Xmx128m -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 10000))" -Dsitedeck.sandbox.enabled=false -Dsitedeck.sign-in.setup-token=bench-setup-token -Dsitedeck.domotz.allowed-hosts=127.0.0.1 \
  -Dsitedeck.console.data-dir="$workdir/app" -Dsitedeck.domotz.budget-day="$(scaled 86400000)" \
  -Dsitedeck.domotz.ttl.agents="$(scaled 60000)" -Dsitedeck.domotz.ttl.devices="$(scaled 60000)" \
  -Dsitedeck.domotz.ttl.rtd="$(scaled 300000)" -Dsitedeck.domotz.ttl.history="$(scaled 300000)" \
  -Dsitedeck.domotz.ttl.alerts="$(scaled 120000)" -Dsitedeck.domotz.ttl.usage="$(scaled 60000)" \
  -Dsitedeck.domotz.ttl.catalogue="$(scaled 43200000)" -Dsitedeck.domotz.usage-refresh="$(( 1800 / k ))s" \
  -Dsitedeck.domotz.stale-while-revalidate="$(scaled 600000)" -Dsitedeck.domotz.max-stale="$(scaled 86400000)" \
  -Dsitedeck.domotz.quota-backoff="$(scaled 30000)" -Dsitedeck.domotz.quota-backoff-max="$(scaled 900000)" \
  -Dsitedeck.fleet.crawl-every=off \
  -jar "$jar" > "$workdir/app.log" 2>&1) &
app_pid=$!
wait_ready "$port" "$app_pid" "$workdir/app.log"
echo "compressed ${k}x: 8 h in ${run_s} s; the cell allows 1,000 calls a (30 min) day"

java bench/LoadDriver.java --sitedeck "http://127.0.0.1:$port" --cell "http://127.0.0.1:$cell_port/public-api/v1" \
  --users "$users" --seconds "$run_s" --warmup 0 --crawl false --sites "${BENCH_SITES:-10}" \
  --devices "${BENCH_DEVICES:-5}" --think "${BENCH_THINK_MS:-1000}"

curl -s -H "X-Api-Key: sandbox-demo-key" "http://127.0.0.1:$cell_port/public-api/v1/meta/usage" \
  | python3 -c "import json,sys; u=json.load(sys.stdin); print(f\"the cell's count for the day: {u['daily_usage']} of {u['daily_limit']} calls\")"
echo "(data ages above are real seconds; times ${k} for the simulated day)"
