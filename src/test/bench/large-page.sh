#!/usr/bin/env bash
# Streams one large HTML page (a tracker in every 2 KB article) side by side in one run:
#   1. curl -> nginx (the baseline: the page served as a static file)
#   1b. curl -> nginx as a plain reverse proxy (its default buffering) -> nginx
#   2. curl -> ConsentGate -> nginx, visitor without consent (every article's trackers rewritten)
#   3. curl -> ConsentGate -> nginx, visitor who consented to everything (the page passed through)
# Each run downloads the page ROUNDS times; prints the best and median MiB/s of each and the ratios against nginx.
# Needs: nginx and curl (apt-get install nginx), a built jar (mvn -q package -DskipTests).
# Usage: src/test/bench/large-page.sh [MIB] [ROUNDS]
#   JAR=path/to/consentgate.jar measures another build; JAVA_OPTS are passed to its JVM (a profiler, say).
set -euo pipefail
cd "$(dirname "$0")/../../.."
mib=${1:-256}
rounds=${2:-5}
jar=${JAR:-target/consentgate.jar}
nginx_port=18083
gateway_port=18082
nginx_proxy_port=18085
. src/test/bench/bench-common.sh
bench_setup

# one article of about 2 KB: a tag manager, a pixel and an inline pixel snippet, the site's own script, text
{
  printf '<article><p>Some text about the news of the day, with a <a href="/story">link</a>.</p>\n'
  printf '<script async src="https://www.googletagmanager.com/gtag/js?id=G-BIG"></script>\n'
  printf '<img src="https://px.ads.linkedin.com/collect/?pid=1&fmt=gif" width="1" height="1" alt="">\n'
  printf "<script>fbq('init','1');fbq('track','PageView');</script>\n"
  printf '<script src="/js/app.js"></script>\n<p>'
  for _ in $(seq 1 36); do printf 'words of an article '; done
  printf '</p></article>\n'
} > "$work/block"
# doubled until the page reaches the size asked for
cp "$work/block" "$work/body"
while [ "$(stat -c %s "$work/body")" -lt $((mib << 20)) ]; do
  cat "$work/body" "$work/body" > "$work/body2" && mv "$work/body2" "$work/body"
done
{ printf '<!DOCTYPE html>\n<html><head><title>A long page</title></head><body>\n'; head -c $((mib << 20)) "$work/body"
  printf '</body></html>\n'; } > "$work/site/index.html"
rm "$work/body"

start_nginx "sendfile on;" ""
start_nginx_proxy
start_gateway "$jar" /js/none

fetch() { # url [header]: bytes per second of one download
  if [ $# -ge 2 ]; then
    curl -s -o /dev/null -H "$2" -w '%{speed_download}' "$1"
  else
    curl -s -o /dev/null -w '%{speed_download}' "$1"
  fi
}
run() { # label url [header]: best and median MiB/s of the rounds
  local speeds=()
  for _ in $(seq 1 "$rounds"); do speeds+=("$(fetch "${@:2}")"); done
  printf '%s\n' "${speeds[@]}" | sort -g | awk -v label="$1" '{ s[NR] = $1 / 1048576 }
    END { printf "%s\t%.1f\t%.1f\n", label, s[NR], (NR % 2 ? s[(NR + 1) / 2] : (s[NR / 2] + s[NR / 2 + 1]) / 2) }'
}

# warm the gateway's JIT on the page once each way
fetch "http://127.0.0.1:$gateway_port/" > /dev/null
fetch "http://127.0.0.1:$gateway_port/" "$FULL_CONSENT" > /dev/null

run_side_by_side

print_machine
echo "page $(($(stat -c %s "$work/site/index.html") >> 20)) MiB, $rounds downloads each; curl, nginx and the gateway share the cores"
base=$(awk -F'\t' 'NR==1 {print $3}' "$work/results.tsv")
printf '%-24s %12s %12s %14s\n' "run" "best MiB/s" "median" "median vs nginx"
while IFS=$'\t' read -r label best median; do
  printf '%-24s %12s %12s %13.2fx\n' "$label" "$best" "$median" "$(echo "$median / $base" | bc -l)"
done < "$work/results.tsv"
