#!/usr/bin/env bash
# What WRITE_DELAY=0 costs on the embedded H2 database (issue 11, item 7; see BENCHMARKS.md):
# the same sequential control-API writes against the packaged jar, once with the shipped URL
# (each commit written to the file before it is answered) and once without WRITE_DELAY=0 (H2's
# default: written within 500 ms). Builds nothing: ./mvnw -B -q -o -pl openmws-server package -DskipTests.
# Usage: bench/durability/run.sh [writes=2000] [jar=openmws-server/target/openmws-server.jar]
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-2000}
JAR=$(realpath "${2:-openmws-server/target/openmws-server.jar}")
PORT=18082
TOKEN=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
SERVER=
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
[ -f "$JAR" ] || { echo "No $JAR: ./mvnw -B -q -o -pl openmws-server package -DskipTests" >&2; exit 2; }
BASE_URL='jdbc:h2:file:./data/openmws;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH'

measure() {   # $1: label, $2...: extra server arguments
  local label=$1; shift
  rm -rf "$WORK/run" && mkdir -p "$WORK/run"
  (cd "$WORK/run" && exec java -Xmx512m -jar "$JAR" --server.port=$PORT --openmws.sandbox.operator-token=$TOKEN \
     --logging.level.root=WARN "$@" >"$WORK/run/server.log" 2>&1) &
  SERVER=$!
  for _ in $(seq 1 90); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
  local developer
  developer=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' \
    "localhost:$PORT/sandbox/v1/developers" | sed 's/.*"developerId":"\([^"]*\)".*/\1/')
  echo "$label: $(java bench/durability/WriteRate.java "http://localhost:$PORT" "$TOKEN" "$developer" "$COUNT")"
  kill $SERVER; wait $SERVER 2>/dev/null || true
}

for round in 1 2; do
  measure "round $round, WRITE_DELAY=0 (shipped)"
  measure "round $round, H2 default (500 ms)  " "--spring.datasource.url=$BASE_URL"
done
