#!/usr/bin/env bash
# Measures what ConsentGate adds in front of a web server, side by side in one run:
#   1. wrk -> nginx (the baseline: the demo page served as a static file with the demo's Set-Cookie headers)
#   1b. wrk -> nginx as a plain reverse proxy -> nginx (what any proxy in front costs on the same cores)
#   2. wrk -> ConsentGate -> nginx, visitor without consent (cookies filtered, HTML rewritten)
#   3. wrk -> ConsentGate -> nginx, visitor who consented to everything (cookies capped, HTML passed through)
# Prints requests/s and latency for each and the ratios against the baseline.
# Needs: nginx and wrk (apt-get install nginx wrk), a built jar (mvn -q package -DskipTests).
# Usage: src/test/bench/proxy-overhead.sh [SECONDS] [CONNECTIONS]
#   JAR=path/to/consentgate.jar measures another build; WARM=SECONDS of warm-up (default 20, then half that again).
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-10}
connections=${2:-32}
nginx_port=18081
gateway_port=18080
nginx_proxy_port=18084
. src/test/bench/bench-common.sh
bench_setup
cp src/main/resources/demo/index.html "$work/site/index.html"
start_nginx "keepalive_requests 1000000;" '
    add_header Set-Cookie "JSESSIONID=9F1C2A7B3D; Path=/; HttpOnly";
    add_header Set-Cookie "userId=u-48151623; Max-Age=31536000; Path=/";
    add_header Set-Cookie "_ga=GA1.1.1234567890.1764547200; Max-Age=63072000; Path=/";
    add_header Set-Cookie "_fbp=fb.1.1764547200000.1122334455; Max-Age=7776000; Path=/";'
start_nginx_proxy
start_gateway "${JAR:-target/consentgate.jar}" /

run() { # label url [header]
  local out
  if [ $# -ge 3 ]; then
    out=$(wrk -t1 -c"$connections" -d"${seconds}s" --latency -H "$3" "$2")
  else
    out=$(wrk -t1 -c"$connections" -d"${seconds}s" --latency "$2")
  fi
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%s\t%s\t%s\t%s\n' "$1" "$rps" "$p50" "$p99"
}

# Each must answer 200 with the page, not an error page (the figures measured nginx's 403 page until 2026-12-01)
for url in "http://127.0.0.1:$nginx_port/" "http://127.0.0.1:$nginx_proxy_port/" "http://127.0.0.1:$gateway_port/"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$status" = 200 ] || { echo "$url answered $status, not 200: nothing to measure" >&2; exit 1; }
done

# Warm the JVM on both paths so the measured runs see compiled code: after 5 seconds the gateway without consent
# still ran at half the rate it reached after 30 (7,924 against 15,459 requests/s, 2026-12-01).
wrk -t4 -c32 -d"${WARM:-20}s" "http://127.0.0.1:$gateway_port/" > /dev/null
wrk -t4 -c32 -d"$(( ${WARM:-20} / 2 ))s" -H "$FULL_CONSENT" "http://127.0.0.1:$gateway_port/" > /dev/null

run_side_by_side

print_machine
echo "wrk -t1 -c$connections -d${seconds}s, page $(wc -c < "$work/site/index.html") bytes, nginx, wrk and the gateway share the cores"
base=$(awk -F'\t' 'NR==1 {print $2}' "$work/results.tsv")
printf '%-24s %12s %10s %10s %14s\n' "run" "requests/s" "p50" "p99" "vs nginx"
while IFS=$'\t' read -r label rps p50 p99; do
  printf '%-24s %12s %10s %10s %13.2fx\n' "$label" "$rps" "$p50" "$p99" "$(echo "$rps / $base" | bc -l)"
done < "$work/results.tsv"
