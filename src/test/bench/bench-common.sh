# Shared by the benchmark scripts here (sourced, not run): a work folder, nginx serving a folder of it, and the
# gateway in front of nginx; all stopped and removed on exit. The caller sets nginx_port and gateway_port.

# Makes $work with site/ (served by nginx) and logs/, removed on exit with the servers.
bench_setup() {
  work=$(mktemp -d)
  mkdir -p "$work/site" "$work/logs"
  # nginx's workers run as an unprivileged user: they must be able to read the site
  chmod 755 "$work" "$work/site"
  trap bench_cleanup EXIT
}

bench_cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -f "$work/proxy.pid" ] && kill "$(cat "$work/proxy.pid")" 2>/dev/null || true
  [ -n "${gateway_pid:-}" ] && kill "$gateway_pid" 2>/dev/null || true
  rm -rf "$work"
}

# Starts nginx on $nginx_port serving $work/site; $1: more http-level directives, $2: more server-level ones.
start_nginx() {
  cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/logs;
  proxy_temp_path $work/logs;
  fastcgi_temp_path $work/logs;
  uwsgi_temp_path $work/logs;
  scgi_temp_path $work/logs;
  $1
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/site;
    default_type text/html;
    $2
  }
}
CONF
  nginx -c "$work/nginx.conf"
}

# Starts a second nginx on $nginx_proxy_port as a plain reverse proxy in front of the first (keep-alive to it, its
# default buffering, two workers for the two cores): what any proxy in that place costs, the baseline for the gateway.
start_nginx_proxy() {
  cat > "$work/proxy.conf" <<CONF
worker_processes 2;
pid $work/proxy.pid;
error_log $work/logs/proxy-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/logs;
  proxy_temp_path $work/logs;
  fastcgi_temp_path $work/logs;
  uwsgi_temp_path $work/logs;
  scgi_temp_path $work/logs;
  upstream site { server 127.0.0.1:$nginx_port; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_proxy_port;
    location / {
      proxy_pass http://site;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
  nginx -c "$work/proxy.conf"
}

# Starts the gateway (jar $1, JAVA_OPTS passed to its JVM) on $gateway_port in front of nginx, and waits until it
# answers a request for path $2.
start_gateway() {
  java ${JAVA_OPTS:-} -jar "$1" --upstream "http://127.0.0.1:$nginx_port" --listen "127.0.0.1:$gateway_port" \
    > "$work/logs/gateway.log" 2>&1 &
  gateway_pid=$!
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$gateway_port$2" && return 0
    sleep 0.1
  done
  echo "the gateway did not answer; its log:" >&2
  cat "$work/logs/gateway.log" >&2
  return 1
}

# The consent cookie of a visitor who granted every category of the shipped ruleset.
FULL_CONSENT="Cookie: cg_consent=2025-12-16:functionality+analytics+advertising"

# Calls the script's own run(label, url[, header]) for nginx, nginx as a proxy (when $nginx_proxy_port is set), then
# the gateway without and with full consent, one result line each into $work/results.tsv.
run_side_by_side() {
  {
    run "nginx direct" "http://127.0.0.1:$nginx_port/"
    if [ -n "${nginx_proxy_port:-}" ]; then
      run "nginx proxy_pass" "http://127.0.0.1:$nginx_proxy_port/"
    fi
    run "gateway, no consent" "http://127.0.0.1:$gateway_port/"
    run "gateway, full consent" "http://127.0.0.1:$gateway_port/" "$FULL_CONSENT"
  } > "$work/results.tsv"
}

print_machine() {
  echo "machine: $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | xargs)," \
    "$(java -version 2>&1 | head -1)"
}
