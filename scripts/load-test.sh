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
command -v hey >/dev/null || { echo "needs hey (apt-get install hey)" >&2; exit 1; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
java scripts/DrawDigit.java "$work/seven.png"

args=(serve --port 0)
[ -n "$MODEL" ] && args+=(--model "$MODEL")
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "target/classes:$(cat "$work/cp.txt")" dev.dl4jmnist.cli.Launcher "${args[@]}" \
  >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 1 120); do
  grep -q '^Serving' "$work/serve.out" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.5
done
url="$(sed -n 's/^Serving \(http[^ ]*\) with .*/\1/p' "$work/serve.out")"
[ -n "$url" ] || { echo "the server did not start" >&2; cat "$work/serve.err" >&2; exit 1; }
echo "$(head -1 "$work/serve.out")"
serving_pid="$(pgrep -P "$server_pid" java || echo "$server_pid")"     # the launcher's child JVM, if it started one
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
  ok="$(echo "$report" | sed -n 's/.*\[200\][[:space:]]*\([0-9]*\) responses.*/\1/p')"
  total="$(echo "$report" | awk '/\[[0-9]+\][[:space:]]+[0-9]+ responses/ {gsub(/[^0-9 ]/," "); split($0,a," "); s+=a[2]} END {print s+0}')"
  failed="$(echo "$report" | awk '/Error distribution/ {e=1; next} e && /\[[0-9]+\]/ {gsub(/[\[\]]/,""); s+=$1} END {print s+0}')"
  rps="$(echo "$report" | awk '/Requests\/sec/ {printf "%.0f", $2}')"
  p50="$(echo "$report" | awk '/ 50% in/ {printf "%.1f", $3*1000}')"
  p99="$(echo "$report" | awk '/ 99% in/ {printf "%.1f", $3*1000}')"
  errors=$(( total - ${ok:-0} + failed ))
  cpu="$(awk -v ms=$(( cpu1 - cpu0 )) -v n="$(( total + failed ))" 'BEGIN {printf "%.2f", (n > 0) ? ms / n : 0}')"
  printf '| %d | %d | %s | %s | %s | %d | %s |\n' "$clients" "$(( total + failed ))" "$rps" "$p50" "$p99" "$errors" "$cpu"
done
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$serving_pid/status")"
