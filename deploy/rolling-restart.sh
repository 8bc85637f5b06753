#!/usr/bin/env bash
# Two `serve` replicas behind Debian's nginx (deploy/nginx.conf), restarted one after the other under load
# (loopback only; bounded in time; stops everything it started):
#   MNIST_DIR=... deploy/rolling-restart.sh [SECONDS]
# Starts replicas A and B (the Keras-trained tutorial MLP as model "mnist", --drain-seconds 2) and nginx in front,
# sends Open Inference Protocol requests from 32 clients with `hey` for SECONDS (default 40) through nginx, and
# meanwhile restarts A (SIGTERM, wait for its exit, start it again, wait until it is ready), then B. Prints hey's
# status codes and errors, and "failed requests: N". Ports: LB_PORT, A_PORT, B_PORT (default 18080-18082);
# SERVE_CLASSPATH, when set, is the class path to run serve with (else Maven builds it); INFER_BODY, when set,
# the request to send (else one MNIST test image from MNIST_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_OF_LOAD="${1:-40}"
LB_PORT="${LB_PORT:-18080}" A_PORT="${A_PORT:-18081}" B_PORT="${B_PORT:-18082}"
[ -n "${INFER_BODY:-}" ] || : "${MNIST_DIR:?set MNIST_DIR to the MNIST files (the requests are MNIST test images)}"
for tool in nginx:nginx hey:hey curl:curl; do
  command -v "${tool%%:*}" >/dev/null || [ -x "/usr/sbin/${tool%%:*}" ] || { echo "needs ${tool%%:*} (apt-get install ${tool##*:})" >&2; exit 1; }
done
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d)"
declare -A pid=()
cleanup() {
  for r in "${!pid[@]}"; do kill "${pid[$r]}" 2>/dev/null || true; wait "${pid[$r]}" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && "$NGINX" -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${SERVE_CLASSPATH:-}" ]; then
  classpath="$SERVE_CLASSPATH"
else
  mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
  classpath="target/classes:$(cat "$work/cp.txt")"
fi
if [ -n "${INFER_BODY:-}" ]; then
  cp "$INFER_BODY" "$work/infer-1.json"
else
  python3 scripts/infer-bodies.py "$MNIST_DIR" "$work"
fi
mkdir -p "$work/store/mnist/1" "$work/logs" "$work/tmp"
cp models/keras/keras-3.11.3-torch/trained_model.h5 "$work/store/mnist/1/"
sed -e "s/127.0.0.1:8080/127.0.0.1:$LB_PORT/; s/127.0.0.1:8081/127.0.0.1:$A_PORT/; s/127.0.0.1:8082/127.0.0.1:$B_PORT/" \
  deploy/nginx.conf >"$work/nginx.conf"

start() {  # replica port
  java -cp "$classpath" dev.dl4jmnist.cli.Launcher serve --port "$2" \
    --model-store "$work/store" --drain-seconds 2 >"$work/$1.out" 2>"$work/$1.err" &
  pid[$1]=$!
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/v2/health/ready")" = 200 ] && { echo "$(date +%T) replica $1 ready"; return; }
    kill -0 "${pid[$1]}" 2>/dev/null || { cat "$work/$1.err" >&2; exit 1; }
    sleep 0.25
  done
  echo "replica $1 did not become ready" >&2; exit 1
}
restart() {  # replica port
  echo "$(date +%T) SIGTERM to replica $1"
  kill -TERM "${pid[$1]}"
  wait "${pid[$1]}" || true
  echo "$(date +%T) replica $1 exited"
  start "$1" "$2"
}

start A "$A_PORT"
start B "$B_PORT"
"$NGINX" -p "$work" -c "$work/nginx.conf"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s -o /dev/null -w "through nginx: %{http_code}\n" -H 'Content-Type: application/json' \
  --data-binary @"$work/infer-1.json" "http://127.0.0.1:$LB_PORT/v2/models/mnist/infer"

timeout $(( SECONDS_OF_LOAD + 60 )) hey -z "${SECONDS_OF_LOAD}s" -c 32 -t 30 -m POST -T application/json \
  -D "$work/infer-1.json" "http://127.0.0.1:$LB_PORT/v2/models/mnist/infer" >"$work/hey.txt" 2>&1 &
hey_pid=$!
sleep 5
restart A "$A_PORT"
sleep 3
restart B "$B_PORT"
wait "$hey_pid" || true

sed -n '/Summary/,/Requests\/sec/p; /Status code distribution/,$p' "$work/hey.txt"
total="$(awk '/\[[0-9]+\][[:space:]]+[0-9]+ responses/ {gsub(/[^0-9 ]/," "); split($0,a," "); s+=a[2]} END {print s+0}' "$work/hey.txt")"
ok="$(sed -n 's/.*\[200\][[:space:]]*\([0-9]*\) responses.*/\1/p' "$work/hey.txt")"
failed="$(awk '/Error distribution/ {e=1; next} e && /\[[0-9]+\]/ {gsub(/[\[\]]/,""); s+=$1} END {print s+0}' "$work/hey.txt")"
echo "requests: $(( total + failed )), answered 200: ${ok:-0}"
echo "failed requests: $(( total - ${ok:-0} + failed ))"
