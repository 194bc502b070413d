#!/usr/bin/env bash
# Hostile input (issue 18; see RELIABILITY.md "Hostile input"): COUNT generated MWS API requests of one
# seed (every operation the gateway serves, broken values, encodings and envelopes), the hostile feeds
# (XXE, entity bombs, deep nesting, truncated gzip), then every portal form and control API call ROUNDS
# times with fuzzed values, against the packaged jar on a throw-away PostgreSQL started from Debian's
# binaries (as the postgres user when run as root; apt-get install -y postgresql when missing).
# The generator is the one HostileInputTest runs in the build (openmws-server/src/test/java/io/openmws/
# server/fuzz): compiled here with javac against the protocol classes in benchmarks.jar.
# Builds nothing: ./mvnw -B -q -o -pl openmws-protocol,openmws-server,openmws-benchmarks package -DskipTests
# Usage: bench/fuzz/run.sh [count=100000] [seed=18] [threads=4] [rounds=30]
# Exit code 1 when any answer was a problem (a 5xx, a malformed envelope, a feed not refused).
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-100000}
SEED=${2:-18}
THREADS=${3:-4}
ROUNDS=${4:-30}
JAR=$(realpath openmws-server/target/openmws-server.jar)
BENCH=$(realpath openmws-benchmarks/target/benchmarks.jar)
SOURCES=openmws-server/src/test/java/io/openmws/server/fuzz
PORT=18500
PGPORT=55520
TOKEN=fuzz-$RANDOM$RANDOM
command -v pg_ctl >/dev/null || { echo "No PostgreSQL binaries: apt-get install -y postgresql" >&2; exit 2; }
. bench/lib/postgres.sh
for f in "$JAR" "$BENCH"; do
  [ -f "$f" ] || { echo "No $f: ./mvnw -B -q -o -pl openmws-protocol,openmws-server,openmws-benchmarks package -DskipTests" >&2; exit 2; }
done
WORK=$(mktemp -d)
chmod 755 "$WORK"
SERVER=
cleanup() {
  [ -n "$SERVER" ] && { kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; }
  stop_postgres "$WORK/pg"
  [ -n "${KEEP_LOG:-}" ] && cp "$WORK/run/server.log" "$KEEP_LOG" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir "$WORK/run" "$WORK/classes"
javac -d "$WORK/classes" -cp "$BENCH" $(ls "$SOURCES"/*.java | grep -v 'Test\.java$')
start_postgres "$WORK/pg" $PGPORT
echo "== server on port $PORT"

(cd "$WORK/run" && exec java -Xmx512m -jar "$JAR" --server.port=$PORT --openmws.sandbox.operator-token=$TOKEN \
   --spring.datasource.url=jdbc:postgresql://localhost:$PGPORT/openmws --spring.datasource.username=postgres \
   --spring.datasource.password= --logging.level.root=WARN >"$WORK/run/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 180); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "localhost:$PORT/actuator/health" >/dev/null || { echo "The server did not start:" >&2; tail -20 "$WORK/run/server.log" >&2; exit 1; }

status=0
t=$(date +%s)
echo "== $COUNT MWS API requests, seed $SEED, $THREADS threads; then the hostile feeds"
java -cp "$WORK/classes:$BENCH" io.openmws.server.fuzz.ApiFuzz "http://localhost:$PORT" "$TOKEN" "$COUNT" "$SEED" "$THREADS" || status=1
echo "   ($(( $(date +%s) - t )) s)"
t=$(date +%s)
echo "== portal forms and control API calls, $ROUNDS rounds each, seed $SEED"
java -cp "$WORK/classes:$BENCH" io.openmws.server.fuzz.PortalFuzz "http://localhost:$PORT" "$TOKEN" "$ROUNDS" "$SEED" || status=1
echo "   ($(( $(date +%s) - t )) s)"
echo "== health after the run: $(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/actuator/health")"
echo "== server log: $(grep -c ' ERROR ' "$WORK/run/server.log" || true) ERROR lines, of them $(grep -c 'InternalError\|failed (request' "$WORK/run/server.log" || true) MWS InternalError"
grep ' ERROR ' "$WORK/run/server.log" | sed 's/^.*ERROR [0-9]* --- \[[^]]*\] \[[^]]*\] //' | cut -c1-160 | sort | uniq -c | sort -rn | head -10 || true
exit $status
