#!/usr/bin/env bash
# Load benchmark for `serve` (loopback only; bounded; stops by itself):
#   scripts/load-test.sh [MODEL] [REQUESTS_PER_LEVEL]
# Starts the server on a free port with MODEL (default: the latest trained model), sends a 280x280 PNG
# drawing to POST /api/predict with `hey` at 1, 8, 32 and 128 concurrent clients (REQUESTS_PER_LEVEL
# each, default 3000, at most 60 s each) after a warm-up of WARMUP requests (default 4000, at 8 clients:
# the JIT compiles the request path meanwhile), and prints requests/s, p50/p99 latency, errors and the
# server's CPU time per request and peak RSS. The server starts as the jar starts it (the launcher, which runs serve in a JVM with
# its heap cap and collector); JAVA_OPTS is passed to the JVM (e.g. -XX:StartFlightRecording=...; an
# -Xmx there replaces the launcher's choice and serves in that one JVM).
set -euo pipefail
cd "$(dirname "$0")/.."

MODEL="${1:-}"
REQUESTS="${2:-3000}"
# shellcheck source=scripts/serve-lib.sh
source scripts/serve-lib.sh
serve_lib_prepare

args=()
[ -n "$MODEL" ] && args+=(--model "$MODEL")
serve_java_opts="${JAVA_OPTS:-}"
serve_lib_start 60 ${args[@]+"${args[@]}"}
echo "$(head -1 "$work/serve.out")"
echo "server JVM options: $(tr '\0' '\n' <"/proc/$serving_pid/cmdline" | grep -E '^-X' | tr '\n' ' ')"
echo "picture: 280x280 PNG, $(stat -c %s "$work/seven.png") bytes; $REQUESTS requests per level; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

run() {  # clients requests -> hey's report
  timeout 120 hey -n "$2" -c "$1" -t 20 -m POST -T image/png -D "$work/seven.png" "${url}api/predict" 2>&1 || true
}
server_cpu_ms() {  # the serving JVM's CPU time so far (user + system), in ms
  awk -v tick="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / tick}' "/proc/$serving_pid/stat"
}
run 8 "${WARMUP:-4000}" >/dev/null         # warm-up: the JIT compiles the request path

printf '| clients | requests | requests/s | p50 ms | p99 ms | errors | server CPU ms/request |\n|---:|---:|---:|---:|---:|---:|---:|\n'
for clients in 1 8 32 128; do
  n="$REQUESTS"
  [ "$clients" = 1 ] && n=$(( REQUESTS / 3 ))
  cpu0="$(server_cpu_ms)"
  report="$(run "$clients" "$n")"
  cpu1="$(server_cpu_ms)"
  hey_read "$report"
  errors=$(( hey_total - ${hey_ok:-0} + hey_failed ))
  cpu="$(awk -v ms=$(( cpu1 - cpu0 )) -v n="$(( hey_total + hey_failed ))" 'BEGIN {printf "%.2f", (n > 0) ? ms / n : 0}')"
  printf '| %d | %d | %s | %s | %s | %d | %s |\n' "$clients" "$(( hey_total + hey_failed ))" "$hey_rps" "$hey_p50" "$hey_p99" "$errors" "$cpu"
done
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$serving_pid/status")"
