#!/usr/bin/env bash
# Webhook benchmark: a fresh Sitedeck (embedded sandbox, simulator off) receives N distinct
# device_status events from C concurrent senders while S event streams are open, then the same
# events again (re-deliveries). Prints answer times, throughput, POST-to-browser time, the Domotz
# calls made meanwhile, and peak RSS.   Usage: bench/webhooks.sh [events] [senders] [streams]
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-2000}
senders=${2:-20}
streams=${3:-50}
port=${BENCH_PORT:-18082}

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -DskipTests package
jar="$PWD/target/quarkus-app/quarkus-run.jar"
workdir=$(mktemp -d)
cleanup() { kill "${app_pid:-}" 2>/dev/null || true; rm -rf "$workdir"; }
trap cleanup EXIT

# shellcheck disable=SC2086
(cd "$workdir" && exec java ${JAVA_OPTS:-} -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 10000))" -Dsitedeck.console.data-dir="$workdir" -Dsitedeck.sign-in.setup-token=bench-setup-token \
  -Dsitedeck.sandbox.simulator.events-per-minute=0 -Dsitedeck.events.webhook-rate-per-minute=1000000 -jar "$jar" > "$workdir/app.log" 2>&1) &
app_pid=$!
until curl -fs "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; do
  kill -0 "$app_pid" 2>/dev/null || { cat "$workdir/app.log"; exit 1; }
  sleep 0.05
done

java bench/WebhookDriver.java "http://127.0.0.1:$port" "$events" "$senders" "$streams"
echo "sitedeck peak RSS: $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$app_pid/status")"
