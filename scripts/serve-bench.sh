#!/usr/bin/env bash
# Benchmark of `serve` over a model store (loopback only; every run bounded in count and time; stops by itself):
#   MNIST_DIR=... scripts/serve-bench.sh [REQUESTS]
# Serves the Keras-trained tutorial MLP (models/keras/keras-3.11.3-torch) as version 1 of "mnist", as the jar
# starts serve (the launcher: its own JVM, 512 MiB heap), and after a warm-up sends with `hey`, at 1, 8 and 32
# clients: POST /api/predict with a 280x280 PNG drawing, and Open Inference Protocol requests of 1 and of 64 MNIST
# test images. Prints requests/s, images/s, p50 and p99 latency and errors per level. Then a hot swap under 32
# clients: version 2 (the Keras 2 MLP) is loaded during 10 s of inference requests; prints how many failed.
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS="${1:-2000}"
: "${MNIST_DIR:?set MNIST_DIR to the MNIST files (the inference bodies are MNIST test images)}"
# shellcheck source=scripts/serve-lib.sh
source scripts/serve-lib.sh
serve_lib_prepare
python3 scripts/infer-bodies.py "$MNIST_DIR" "$work"
mkdir -p "$work/store/mnist/1"
cp models/keras/keras-3.11.3-torch/trained_model.h5 "$work/store/mnist/1/"

serve_lib_start 90 --model-store "$work/store"
head -1 "$work/serve.out"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $REQUESTS requests per level (a third at 1 client, a tenth for batches of 64)"

predict() { timeout 120 hey -n "$2" -c "$1" -t 30 -m POST -T image/png -D "$work/seven.png" "${url}api/predict" 2>&1 || true; }
infer() { timeout 120 hey -n "$2" -c "$1" -t 30 -m POST -T application/json -D "$work/infer-$3.json" "${url}v2/models/mnist/infer" 2>&1 || true; }

predict 8 4000 >/dev/null                     # warm-up: the JIT compiles the request paths
infer 8 4000 1 >/dev/null
infer 8 200 64 >/dev/null

row() {  # name clients images-per-request report
  hey_read "$4"
  printf '| %s | %d | %d | %s | %s | %s | %s | %d |\n' "$1" "$2" "$(( hey_total + hey_failed ))" "$hey_rps" \
    "$(awk -v r="$hey_rps" -v b="$3" 'BEGIN {printf "%.0f", r * b}')" "$hey_p50" "$hey_p99" "$(( hey_total - ${hey_ok:-0} + hey_failed ))"
}

printf '| request | clients | requests | requests/s | images/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|\n'
for clients in 1 8 32; do
  n="$REQUESTS"; [ "$clients" = 1 ] && n=$(( REQUESTS / 3 ))
  row "/api/predict, PNG" "$clients" 1 "$(predict "$clients" "$n")"
  row "v2 infer, batch 1" "$clients" 1 "$(infer "$clients" "$n" 1)"
  row "v2 infer, batch 64" "$clients" 64 "$(infer "$clients" "$(( n / 10 > clients ? n / 10 : clients ))" 64)"
done

# Hot swap under load: 32 clients for 10 s; version 2 is loaded after 4 s.
timeout 60 hey -z 10s -c 32 -t 30 -m POST -T application/json -D "$work/infer-1.json" "${url}v2/models/mnist/infer" >"$work/swap.txt" 2>&1 &
hey_pid=$!
sleep 4
mkdir -p "$work/store/mnist/2"
cp models/keras/keras-2.3.1-theano/trained_model.h5 "$work/store/mnist/2/"
load="$(curl -s -w ' %{http_code} %{time_total}s' -X POST "${url}v2/repository/models/mnist/load")"
wait "$hey_pid" || true
after="$(curl -s -H 'Content-Type: application/json' --data-binary @"$work/infer-1.json" "${url}v2/models/mnist/infer" | sed -n 's/.*"model_version":"\([0-9]*\)".*/\1/p')"
hey_read "$(cat "$work/swap.txt")"
echo "hot swap under 32 clients for 10 s: load answered$load; $(( hey_total + hey_failed )) requests, $(( hey_total - ${hey_ok:-0} + hey_failed )) failed; version served after: $after"
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$serving_pid/status")"
