#!/usr/bin/env bash
# Long lists on PostgreSQL (issue 13, item 4; see BENCHMARKS.md): the seller's Current Authorizations
# and the developer's Authorized sellers with N authorizations each, timed with curl. Starts a
# throw-away PostgreSQL from Debian's binaries (initdb in a temporary folder, as the postgres user
# when run as root) and the packaged jar on it; seeds through the sandbox control API (Seed.java).
# Builds nothing: ./mvnw -B -q -o -pl openmws-server package -DskipTests.
# Usage: bench/authorized-sellers/run.sh [authorizations=1000] [gets=50] [jar=openmws-server/target/openmws-server.jar]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000}
GETS=${2:-50}
JAR=$(realpath "${3:-openmws-server/target/openmws-server.jar}")
PORT=18083
PGPORT=55433
TOKEN=bench-$RANDOM$RANDOM
PASSWORD=bench-$RANDOM$RANDOM-password
PGBIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
WORK=$(mktemp -d)
chmod 755 "$WORK"
SERVER=
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$SERVER" ] && { kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; }
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -f "$JAR" ] || { echo "No $JAR: ./mvnw -B -q -o -pl openmws-server package -DskipTests" >&2; exit 2; }

mkdir "$WORK/pg" "$WORK/run"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres -A trust >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k /tmp -c listen_addresses=localhost" -l "$WORK/pg/log" -w start >/dev/null
psql -h localhost -p $PGPORT -U postgres -qc 'CREATE DATABASE openmws' >/dev/null
echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT"

(cd "$WORK/run" && exec java -Xmx512m -jar "$JAR" --server.port=$PORT --openmws.sandbox.operator-token=$TOKEN \
   --spring.datasource.url=jdbc:postgresql://localhost:$PGPORT/openmws --spring.datasource.username=postgres \
   --spring.datasource.password= --logging.level.root=WARN >"$WORK/run/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done

read -r SHOP DEVELOPER < <(java bench/authorized-sellers/Seed.java "http://localhost:$PORT" "$TOKEN" "$PASSWORD" "$N")
psql -h localhost -p $PGPORT -U postgres -d openmws -qc 'ANALYZE' >/dev/null

signin() {   # $1: email, $2: cookie jar
  local csrf
  csrf=$(curl -s -c "$2" -b "$2" "localhost:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$2" -b "$2" --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$csrf" "localhost:$PORT/login"
}

timeit() {   # $1: label, $2: cookie jar, $3: path
  local times
  for _ in $(seq 1 20); do curl -s -o /dev/null -b "$2" "localhost:$PORT$3"; done   # warm-up
  times=$(for _ in $(seq 1 "$GETS"); do
    curl -s -o /dev/null -b "$2" -w '%{http_code} %{time_total}\n' "localhost:$PORT$3"; done)
  if [ "$(echo "$times" | grep -vc '^200 ' || true)" != 0 ]; then
    echo "$1: not all 200" >&2; echo "$times" | awk '{print $1}' | sort | uniq -c >&2; exit 1
  fi
  echo "$times" | awk '{print $2 * 1000}' | sort -n | awk -v label="$1" -v n="$GETS" '
    { t[NR] = $1; sum += $1 }
    END { printf "%-58s n=%d  mean %6.1f ms  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", label, n, sum / n,
          t[int(n * 0.5) + 1], t[int(n * 0.95)], t[n] }'
}

signin "$SHOP" "$WORK/shop.jar"
signin "$DEVELOPER" "$WORK/dev.jar"
echo "== $N authorizations per list ($((N / 10)) revoked), $GETS GETs each, one at a time"
timeit "seller: Current Authorizations, page 1" "$WORK/shop.jar" "/sellercentral/settings/user-permissions"
timeit "seller: page 10, sorted by expiry" "$WORK/shop.jar" "/sellercentral/settings/user-permissions?sort=expiry&page=10"
timeit "seller: search 'partner 99'" "$WORK/shop.jar" "/sellercentral/settings/user-permissions?q=partner+99"
timeit "seller: CSV of all" "$WORK/shop.jar" "/sellercentral/settings/user-permissions/authorizations.csv"
timeit "developer: Authorized sellers, page 1" "$WORK/dev.jar" "/sellercentral/developer-central/sellers"
timeit "developer: page 10, sorted by expiry" "$WORK/dev.jar" "/sellercentral/developer-central/sellers?sort=expiry&page=10"
timeit "developer: search 'store 99'" "$WORK/dev.jar" "/sellercentral/developer-central/sellers?q=store+99"
timeit "developer: CSV of all" "$WORK/dev.jar" "/sellercentral/developer-central/sellers.csv"
timeit "seller: Current Authorizations, page 1 (again, warm)" "$WORK/shop.jar" "/sellercentral/settings/user-permissions"
timeit "developer: Authorized sellers, page 1 (again, warm)" "$WORK/dev.jar" "/sellercentral/developer-central/sellers"
echo "CSV lines: seller $(curl -s -b "$WORK/shop.jar" "localhost:$PORT/sellercentral/settings/user-permissions/authorizations.csv" | wc -l), developer $(curl -s -b "$WORK/dev.jar" "localhost:$PORT/sellercentral/developer-central/sellers.csv" | wc -l)"
echo "server log: $(grep -c ' ERROR ' "$WORK/run/server.log" || true) ERROR lines"
