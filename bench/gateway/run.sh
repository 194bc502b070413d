#!/usr/bin/env bash
# Load on the MWS gateway from a second process on this machine (see BENCHMARKS.md):
# signed ListMarketplaceParticipations for 100 sellers x 10 developers (throttling off) beside
# GET /actuator/health/liveness and a bare Spring MVC endpoint outside the security chain (profile
# benchmark) of the same server, then the signed calls at about half the rate.
# Needs wrk (apt-get install -y wrk). Usage: bench/gateway/run.sh [seconds=20]
# SERVER_JAVA_OPTS adds JVM options to the server (a profile: -XX:StartFlightRecording=filename=/tmp/gw.jfr).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-20}
PORT=18080
TOKEN=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f openmws-server/target/openmws-server.jar ] && [ -f openmws-benchmarks/target/benchmarks.jar ] \
  || ./mvnw -B -q -DskipTests package

(cd "$WORK" && exec java -Xmx1g ${SERVER_JAVA_OPTS:-} -jar "$OLDPWD/openmws-server/target/openmws-server.jar" --server.port=$PORT \
   --spring.profiles.active=benchmark --openmws.sandbox.operator-token=$TOKEN --logging.level.root=WARN >"$WORK/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 90); do curl -sf "localhost:$PORT/actuator/health/liveness" >/dev/null && break; sleep 1; done

java -cp openmws-benchmarks/target/benchmarks.jar io.openmws.benchmarks.GatewayLoad \
  "http://localhost:$PORT" "$TOKEN" 100 10 "$SECONDS_EACH" 16 "$WORK/bodies.txt"
export BODIES="$WORK/bodies.txt"

echo "== warm-up"
wrk -t1 -c16 -d10s -s bench/gateway/signed.lua "http://localhost:$PORT/Sellers/2011-07-01" >/dev/null
wrk -t1 -c16 -d5s "http://localhost:$PORT/actuator/health/liveness" >/dev/null
wrk -t1 -c16 -d5s "http://localhost:$PORT/benchmark/bare" >/dev/null
echo "== signed ListMarketplaceParticipations, 16 connections, as fast as it answers"
wrk -t1 -c16 -d${SECONDS_EACH}s --latency -s bench/gateway/signed.lua "http://localhost:$PORT/Sellers/2011-07-01" | tee "$WORK/signed.txt"
echo "== GET /actuator/health/liveness, 16 connections, as fast as it answers"
wrk -t1 -c16 -d${SECONDS_EACH}s --latency "http://localhost:$PORT/actuator/health/liveness" | tee "$WORK/plain.txt"
echo "== GET /benchmark/bare (Spring MVC, no security chain), 16 connections, as fast as it answers"
wrk -t1 -c16 -d${SECONDS_EACH}s --latency "http://localhost:$PORT/benchmark/bare" | tee "$WORK/bare.txt"

signed=$(awk '/Requests\/sec/ {print $2}' "$WORK/signed.txt")
plain=$(awk '/Requests\/sec/ {print $2}' "$WORK/plain.txt")
bare=$(awk '/Requests\/sec/ {print $2}' "$WORK/bare.txt")
# Half the signed maximum: 16 connections, each pausing so that together they send about that many.
delay=$(awk -v s="$signed" 'BEGIN { printf "%d", 16 * 1000 / (s / 2) }')
echo "== signed calls at about half the maximum (16 connections, ${delay} ms between calls on each)"
DELAY_MS=$delay wrk -t1 -c16 -d${SECONDS_EACH}s --latency -s bench/gateway/signed.lua "http://localhost:$PORT/Sellers/2011-07-01" | tee "$WORK/half.txt"

echo
awk -v s="$signed" -v p="$plain" 'BEGIN { printf "signed %.0f/s, liveness %.0f/s, ratio %.0f %%\n", s, p, 100 * s / p }'
awk -v s="$signed" -v b="$bare" 'BEGIN { printf "signed %.0f/s, bare %.0f/s, ratio %.0f %%\n", s, b, 100 * s / b }'
grep -E "^ +99%" "$WORK/half.txt" | sed 's/^/p99 at half rate: /'
grep -c " ERROR " "$WORK/server.log" | sed 's/^/server log ERROR lines: /' || true
