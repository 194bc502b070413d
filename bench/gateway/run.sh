#!/usr/bin/env bash
# Load on the MWS gateway from a second process on this machine (see BENCHMARKS.md):
# signed ListMarketplaceParticipations for 100 sellers x 10 developers (throttling off) beside
# GET /actuator/health/liveness and a bare Spring MVC endpoint outside the security chain (profile
# benchmark) of the same server, then the signed calls at about half the rate.
# Needs wrk (apt-get install -y wrk). Usage: bench/gateway/run.sh [seconds=20]
# SERVER_JAVA_OPTS adds JVM options to the server (a profile: -XX:StartFlightRecording=filename=/tmp/gw.jfr);
# SERVER_JAR measures another build of the server (an earlier commit's jar, for a before/after).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-20}
export GATEWAY_WARMUP=${GATEWAY_WARMUP:-60}   # a JIT warm after 10 s still ran the first round at half speed
PORT=18080
TOKEN=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f openmws-server/target/openmws-server.jar ] && [ -f openmws-benchmarks/target/benchmarks.jar ] \
  || ./mvnw -B -q -DskipTests package

(cd "$WORK" && exec java -Xmx1g ${SERVER_JAVA_OPTS:-} -jar "${SERVER_JAR:-$OLDPWD/openmws-server/target/openmws-server.jar}" --server.port=$PORT \
   --spring.profiles.active=benchmark --openmws.sandbox.operator-token=$TOKEN --logging.level.root=WARN >"$WORK/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 90); do curl -sf "localhost:$PORT/actuator/health/liveness" >/dev/null && break; sleep 1; done

java -cp openmws-benchmarks/target/benchmarks.jar io.openmws.benchmarks.GatewayLoad \
  "http://localhost:$PORT" "$TOKEN" 100 10 "$SECONDS_EACH" 16 "$WORK/bodies.txt"
source bench/lib/gateway-measure.sh
measure_gateway "http://localhost:$PORT" "$WORK/bodies.txt" "$SECONDS_EACH" "$WORK"
grep -c " ERROR " "$WORK/server.log" | sed 's/^/server log ERROR lines: /' || true
