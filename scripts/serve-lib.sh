# shellcheck shell=bash
# Shared by load-test.sh and serve-bench.sh (sourced, not run): a scratch folder with the class path and a drawn
# test digit, `serve` started on a free port as the jar starts it and stopped on exit, and hey's report read.

# Needs hey; makes $work (removed on exit, and the server started there stopped) with cp.txt and seven.png, a
# 280x280 PNG drawing of a 7.
serve_lib_prepare() {
  command -v hey >/dev/null || { echo "needs hey (apt-get install hey)" >&2; exit 1; }
  work="$(mktemp -d)"
  server_pid=""
  trap serve_lib_cleanup EXIT
  mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
  java scripts/DrawDigit.java "$work/seven.png"
}

serve_lib_cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}

# serve_lib_start SECONDS ARGS...: `serve --port 0 ARGS...` through the launcher (which runs serve in a JVM with
# its heap cap and collector), with $serve_java_opts for the JVM; waits at most SECONDS for it to say where it
# serves. Sets server_pid, url, and serving_pid (the launcher's child JVM, if it started one).
serve_lib_start() {
  local seconds="$1"
  shift
  # shellcheck disable=SC2086
  java ${serve_java_opts:-} -cp "target/classes:$(cat "$work/cp.txt")" dev.dl4jmnist.cli.Launcher serve --port 0 "$@" \
    >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  for _ in $(seq 1 $(( seconds * 2 ))); do
    grep -q '^Serving' "$work/serve.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
    sleep 0.5
  done
  url="$(sed -n 's/^Serving \(http[^ ]*\) with .*/\1/p' "$work/serve.out")"
  [ -n "$url" ] || { echo "the server did not start" >&2; cat "$work/serve.err" >&2; exit 1; }
  serving_pid="$(pgrep -P "$server_pid" java || echo "$server_pid")"
}

# hey_read REPORT: sets hey_total (answers, any status), hey_ok (200s), hey_failed (requests with no answer),
# hey_rps, hey_p50 and hey_p99 (ms) from hey's report; a figure the report lacks is left empty.
hey_read() {
  hey_ok="$(echo "$1" | sed -n 's/.*\[200\][[:space:]]*\([0-9]*\) responses.*/\1/p')"
  hey_total="$(echo "$1" | awk '/\[[0-9]+\][[:space:]]+[0-9]+ responses/ {gsub(/[^0-9 ]/," "); split($0,a," "); s+=a[2]} END {print s+0}')"
  hey_failed="$(echo "$1" | awk '/Error distribution/ {e=1; next} e && /\[[0-9]+\]/ {gsub(/[\[\]]/,""); s+=$1} END {print s+0}')"
  hey_rps="$(echo "$1" | awk '/Requests\/sec/ {printf "%.0f", $2}')"
  hey_p50="$(echo "$1" | awk '/ 50% in/ {printf "%.1f", $3*1000}')"
  hey_p99="$(echo "$1" | awk '/ 99% in/ {printf "%.1f", $3*1000}')"
}
