# Shared by the scripts that put several nodes behind HAProxy (source it). Needs Debian's haproxy.

# start_proxy PROXY_PORT DIR NODE_PORT...: HAProxy on 127.0.0.1:PROXY_PORT, round-robin over the nodes,
# plain HTTP mode, no stickiness, each node's readiness as its health check; config and log in DIR.
# Leaves its pid in PROXY_PID and returns once the proxy answers.
start_proxy() {
  local port=$1 dir=$2; shift 2
  command -v haproxy >/dev/null || { echo "No haproxy: apt-get install -y haproxy" >&2; return 2; }
  {
    echo "global"
    echo "  maxconn 2000"
    echo "defaults"
    echo "  mode http"
    echo "  timeout connect 5s"
    echo "  timeout client 120s"
    echo "  timeout server 120s"
    echo "frontend openmws"
    echo "  bind 127.0.0.1:$port"
    echo "  default_backend nodes"
    echo "backend nodes"
    echo "  balance roundrobin"
    echo "  option httpchk GET /actuator/health/readiness"
    local n=0 node
    for node in "$@"; do
      n=$((n + 1))
      echo "  server node$n 127.0.0.1:$node check inter 2s"
    done
  } >"$dir/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy.cfg"
  haproxy -db -f "$dir/haproxy.cfg" >"$dir/haproxy.log" 2>&1 &
  PROXY_PID=$!
  for _ in $(seq 1 30); do curl -sf "localhost:$port/actuator/health" >/dev/null && return 0; sleep 0.5; done
  echo "HAProxy did not answer on port $port" >&2
  return 1
}
