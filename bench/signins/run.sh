#!/usr/bin/env bash
# 200 browsers sign in at the same moment to a server started with -Xmx256m (issue 11, item 6; see
# BENCHMARKS.md). Builds nothing: package first with ./mvnw -B -q -o -pl openmws-server package -DskipTests.
# Usage: bench/signins/run.sh [clients=200] [jar=openmws-server/target/openmws-server.jar]
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${1:-200}
JAR=$(realpath "${2:-openmws-server/target/openmws-server.jar}")
PORT=18081
TOKEN=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f "$JAR" ] || { echo "No $JAR: ./mvnw -B -q -o -pl openmws-server package -DskipTests" >&2; exit 2; }
(cd "$WORK" && exec java -Xmx256m -jar "$JAR" --server.port=$PORT \
   --openmws.sandbox.operator-token=$TOKEN --logging.level.root=WARN >"$WORK/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 90); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done

PASSWORD=burst-$RANDOM$RANDOM-password
EMAIL=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"password\":\"$PASSWORD\"}" "localhost:$PORT/sandbox/v1/sellers" | sed 's/.*"email":"\([^"]*\)".*/\1/')
echo "== $CLIENTS concurrent sign-ins of $EMAIL, server -Xmx256m, right after start"
java bench/signins/SignInBurst.java "http://localhost:$PORT" "$CLIENTS" "$EMAIL" "$PASSWORD"
echo "== a sign-in after the burst"
java bench/signins/SignInBurst.java "http://localhost:$PORT" 1 "$EMAIL" "$PASSWORD" | tail -n +2
echo "== health after the burst: $(curl -s -o /dev/null -w '%{http_code} ' "localhost:$PORT/actuator/health")$(curl -s "localhost:$PORT/actuator/health" | head -c 200)"
echo "server log: $(grep -c OutOfMemoryError "$WORK/server.log" || true) OutOfMemoryError, $(grep -c ' ERROR ' "$WORK/server.log" || true) ERROR lines"
