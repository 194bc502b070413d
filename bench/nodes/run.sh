#!/usr/bin/env bash
# Several nodes on one PostgreSQL behind a real reverse proxy (issue 18; RELIABILITY.md "Several nodes
# behind a proxy"): a throw-away PostgreSQL, NODES nodes of the packaged jar with the shared settings of
# README "Several nodes on one database" (one keyset file copied to each, one operator token,
# throttling.store and storage.type `database`), HAProxy in front (round-robin, plain HTTP, no
# stickiness), then io.openmws.benchmarks.NodesCheck, which prints PASS or FAIL per promise; last, a node
# started with another keyset must refuse to start. Exits 1 when anything failed.
# Needs Debian's haproxy (apt-get install -y haproxy) and PostgreSQL's binaries (pg_ctl on the PATH).
# Builds nothing: ./mvnw -B -o -q -pl openmws-protocol,openmws-server,openmws-benchmarks package -DskipTests
# Usage: bench/nodes/run.sh [nodes=2]
# THROTTLING_STORE=memory (or STORAGE_TYPE=files) leaves a shared setting out, to watch the check fail;
# NODES_CHECK_OPTS="-Dnodes.feeds=30 -Dnodes.reports=30 -Dnodes.reminders=10" (the defaults) sizes the job checks.
set -euo pipefail
cd "$(dirname "$0")/../.."
NODES=${1:-2}
[ "$NODES" -ge 2 ] || { echo "Give at least 2 nodes" >&2; exit 2; }
JAR=$(realpath openmws-server/target/openmws-server.jar)
BENCH=$(realpath openmws-benchmarks/target/benchmarks.jar)
PROXY_PORT=18300
FIRST_NODE_PORT=18301
STRANGER_PORT=18399
PGPORT=55500
THROTTLING_STORE=${THROTTLING_STORE:-database}
STORAGE_TYPE=${STORAGE_TYPE:-database}
export OPERATOR_TOKEN=nodes-$RANDOM$RANDOM$RANDOM
for f in "$JAR" "$BENCH"; do
  [ -f "$f" ] || { echo "No $f: ./mvnw -B -o -q -pl openmws-protocol,openmws-server,openmws-benchmarks package -DskipTests" >&2; exit 2; }
done
command -v haproxy >/dev/null || { echo "No haproxy: apt-get install -y haproxy" >&2; exit 2; }
command -v pg_ctl >/dev/null || { echo "No pg_ctl on the PATH: apt-get install -y postgresql" >&2; exit 2; }
source bench/lib/postgres.sh
source bench/lib/proxy.sh
WORK=$(mktemp -d)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_postgres "$WORK/pg"
  if [ -n "${KEEP_WORK:-}" ]; then echo "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
T0=$(now_ms)

start_postgres "$WORK/pg" $PGPORT
echo "== $NODES nodes, throttling.store=$THROTTLING_STORE, storage.type=$STORAGE_TYPE"

# start_node DIR PORT [ARGS...]: the jar in DIR (its ./data), logging to DIR/server.log; its pid in NODE_PID.
start_node() {
  local dir=$1 port=$2; shift 2
  mkdir -p "$dir"
  (cd "$dir" && exec java -Xmx384m -XX:TieredStopAtLevel=1 -jar "$JAR" --server.port="$port" \
     --openmws.sandbox.operator-token="$OPERATOR_TOKEN" \
     --spring.datasource.url=jdbc:postgresql://localhost:$PGPORT/openmws --spring.datasource.username=postgres \
     --spring.datasource.password= --openmws.throttling.store="$THROTTLING_STORE" --openmws.storage.type="$STORAGE_TYPE" \
     --logging.level.root=WARN --logging.level.io.openmws=INFO "$@" >"$dir/server.log" 2>&1) &
  NODE_PID=$!
  PIDS+=("$NODE_PID")
}
await_up() {   # PORT PID
  for _ in $(seq 1 180); do
    curl -sf "localhost:$1/actuator/health/readiness" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "The node on port $1 stopped:" >&2; tail -30 "$WORK/node-$(( $1 - FIRST_NODE_PORT + 1 ))/server.log" >&2; exit 1; }
    sleep 1
  done
  echo "The node on port $1 did not come up" >&2; exit 1
}

# Node 1 first: in sandbox mode it makes the keyset (./data/secrets.keyset.json) and seals the database's
# keyset check with it; the others get a copy of that file, as README says.
start_node "$WORK/node-1" $FIRST_NODE_PORT
await_up $FIRST_NODE_PORT "$NODE_PID"
echo "node 1 up on port $FIRST_NODE_PORT after $(( ($(now_ms) - T0) / 1000 )) s"
LOGS="$WORK/node-1/server.log"
URLS=("http://localhost:$FIRST_NODE_PORT")
for n in $(seq 2 "$NODES"); do
  mkdir -p -m 700 "$WORK/node-$n/data"
  cp -p "$WORK/node-1/data/secrets.keyset.json" "$WORK/node-$n/data/"
  port=$(( FIRST_NODE_PORT + n - 1 ))
  start_node "$WORK/node-$n" "$port"
  LOGS="$LOGS:$WORK/node-$n/server.log"
  URLS+=("http://localhost:$port")
done
for n in $(seq 2 "$NODES"); do
  port=$(( FIRST_NODE_PORT + n - 1 ))
  await_up "$port" "${PIDS[$(( n - 1 ))]}"
done
echo "$NODES nodes up after $(( ($(now_ms) - T0) / 1000 )) s"

# HAProxy: round-robin over every node, plain HTTP mode, no stickiness, readiness as the health check.
start_proxy $PROXY_PORT "$WORK" $(seq $FIRST_NODE_PORT $(( FIRST_NODE_PORT + NODES - 1 ))) \
  || { [ -n "${PROXY_PID:-}" ] && PIDS+=("$PROXY_PID"); exit 1; }
PIDS+=("$PROXY_PID")
echo "HAProxy $(haproxy -v | head -1 | awk '{print $3}') on port $PROXY_PORT, round-robin over ${URLS[*]}"
echo

FAILED=0
T1=$(now_ms)
NODE_LOGS=$LOGS java ${NODES_CHECK_OPTS:-} -cp "$BENCH" io.openmws.benchmarks.NodesCheck "http://localhost:$PROXY_PORT" "${URLS[0]}" "${URLS[1]}" \
  || FAILED=1
echo "checker: $(( ($(now_ms) - T1) / 1000 )) s"

# A node with a keyset of its own (sandbox mode, empty ./data: it makes a new one) must refuse to start.
start_node "$WORK/stranger" $STRANGER_PORT
PID=$NODE_PID
for _ in $(seq 1 120); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
if kill -0 "$PID" 2>/dev/null; then
  echo "FAIL a node with another keyset refuses to start"; echo "     it is still running"; FAILED=1
else
  wait "$PID" && RC=0 || RC=$?
  if [ "$RC" -ne 0 ] && grep -q "cannot open the secrets in its database" "$WORK/stranger/server.log" \
      && ! curl -sf "localhost:$STRANGER_PORT/actuator/health" >/dev/null; then
    echo "PASS a node with another keyset refuses to start"
  else
    echo "FAIL a node with another keyset refuses to start"; FAILED=1
  fi
  echo "     exit status $RC; its log: $(grep -o "This node's secrets keyset cannot open[^.]*\." "$WORK/stranger/server.log" | head -1)"
fi

echo
echo "server logs: $(cat ${LOGS//:/ } | grep -c ' ERROR ' || true) ERROR lines, $(cat ${LOGS//:/ } | grep -c ' WARN ' || true) WARN lines;" \
  "whole run $(( ($(now_ms) - T0) / 1000 )) s"
if [ "$FAILED" -ne 0 ]; then
  grep -h ' ERROR ' ${LOGS//:/ } | head -5 || true
  echo "SOME PROMISES FAILED"
  exit 1
fi
echo "ALL PROMISES HELD"
