#!/usr/bin/env bash
# Benchmark: the sandbox in its large profile (1,000 agents x 100 devices), standalone, as the
# upstream of later load tests. Measures start-up time and the latency of list calls over HTTP.
# Usage: bench/sandbox-large-world.sh [requests-per-call, default 200]   (see docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200}
port=${BENCH_PORT:-18080}
key=sandbox-demo-key
base="http://127.0.0.1:$port/public-api/v1"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -DskipTests package
workdir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT

start=$(date +%s%N)
(cd "$workdir" && exec java -Dquarkus.profile=bench -Dsitedeck.console.enabled=false -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 10000))" \
  -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > "$workdir/sandbox.log" 2>&1) &
pid=$!
until curl -fs "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$workdir/sandbox.log"; exit 1; }
  sleep 0.05
done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "started and ready in ${ready_ms} ms (JVM start included)"

# time URL [METHOD]: prints the median and p95 of $requests sequential calls, in milliseconds.
time_calls() {
  local label=$1 url=$2 method=${3:-GET}
  for _ in $(seq "$requests"); do
    curl -s -o /dev/null -X "$method" -H "X-Api-Key: $key" -w '%{time_total}\n' "$url"
  done | python3 -c "
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f'{sys.argv[1]:<44} median {statistics.median(t):7.2f} ms   p95 {t[int(len(t) * .95) - 1]:7.2f} ms   n={len(t)}')
" "$label"
}

first=$(curl -s -o /dev/null -H "X-Api-Key: $key" -w '%{time_total}' "$base/agent/5300/device")
echo "first listDevices of an agent (generates its 100 devices): $(python3 -c "print(round($first * 1000, 2))") ms"
time_calls "listAgents page_size=100 page_number=5" "$base/agent?page_size=100&page_number=5"
time_calls "listAgents display_name=harbor (filter 1,000)" "$base/agent?display_name=harbor"
time_calls "countAgents (HEAD)" "$base/agent" HEAD
time_calls "listDevices (100 devices)" "$base/agent/5300/device"
time_calls "getAgentRTDStats (100 devices, 7-day baseline)" "$base/agent/5300/device/rtd"
time_calls "getDeviceRTDHistory (7 days, 673 samples)" "$base/agent/5300/device/200010/history/rtd"
echo "heap in use: $(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/used/ {print $0; exit}' || echo n/a)"
