#!/usr/bin/env bash
# The gateway at size on PostgreSQL (issue 18, "Load at size"; see BENCHMARKS.md): the gateway
# measurement of bench/gateway/run.sh on a nearly empty platform, then again on the same server after
# seeding SELLERS sellers, DEVELOPERS developers (each with an access key, each authorized by ten
# sellers), LISTINGS listings and ORDERS orders (one item each) in SQL. While the signed calls run at
# their maximum it counts the CPU seconds of the server, of PostgreSQL and of wrk, the server's GC
# time, and samples how many server threads wait for a pool connection: where the first bottleneck is.
# Starts a throw-away PostgreSQL from Debian's binaries (as the postgres user when run as root).
# Builds nothing: ./mvnw -B -q -o -pl openmws-server,openmws-benchmarks -am package -DskipTests.
# Last, with haproxy installed, a second node on the same database joins and the measurement runs once
# more through HAProxy, round-robin over both.
# Needs wrk (apt-get install -y wrk) and, for the two-node run, haproxy.
# Usage: bench/size/run.sh [sellers=10000] [developers=1000] [listings=1000000] [orders=1000000] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
SELLERS=${1:-10000}
DEVELOPERS=${2:-1000}
LISTINGS=${3:-1000000}
ORDERS=${4:-1000000}
SECONDS_EACH=${5:-20}
JAR=$(realpath openmws-server/target/openmws-server.jar)
BENCH=$(realpath openmws-benchmarks/target/benchmarks.jar)
PORT=18086
PORT2=18088
PROXY_PORT=18089
PGPORT=55436
TOKEN=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
chmod 755 "$WORK"
SERVER=
SERVER2=
PROXY_PID=
source bench/lib/postgres.sh
cleanup() {
  [ -n "$PROXY_PID" ] && kill $PROXY_PID 2>/dev/null || true
  [ -n "$SERVER2" ] && { kill $SERVER2 2>/dev/null || true; wait $SERVER2 2>/dev/null || true; }
  [ -n "$SERVER" ] && { kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; }
  stop_postgres "$WORK/pg"
  rm -rf "$WORK"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
for f in "$JAR" "$BENCH"; do
  [ -f "$f" ] || { echo "No $f: ./mvnw -B -q -o -pl openmws-server,openmws-benchmarks -am package -DskipTests" >&2; exit 2; }
done
sql() { psql -h localhost -p $PGPORT -U postgres -d openmws -qAtX "$@"; }
now_ms() { date +%s%3N; }
source bench/lib/gateway-measure.sh
source bench/lib/proxy.sh

mkdir "$WORK/run" "$WORK/small" "$WORK/size" "$WORK/two"
start_postgres "$WORK/pg" $PGPORT

# The settings of a node that shares its database with others (README, "Several nodes on one database").
start_node() {   # DIR PORT: the jar in DIR (its ./data), logging to DIR/server.log; waits until it answers
  (cd "$1" && exec java -Xmx1g ${SERVER_JAVA_OPTS:-} -jar "$JAR" --server.port=$2 --spring.profiles.active=benchmark \
     --openmws.sandbox.operator-token=$TOKEN --openmws.throttling.store=database --openmws.storage.type=database \
     --spring.datasource.url=jdbc:postgresql://localhost:$PGPORT/openmws --spring.datasource.username=postgres \
     --spring.datasource.password= --logging.level.root=WARN >"$1/server.log" 2>&1) &
  NODE_PID=$!
  for _ in $(seq 1 120); do curl -sf "localhost:$2/actuator/health" >/dev/null && return 0; sleep 1; done
  echo "The node on port $2 did not come up:" >&2; tail -20 "$1/server.log" >&2; exit 1
}
start_node "$WORK/run" $PORT
SERVER=$NODE_PID
JVMS=$(pgrep -f -- "--server.port=$PORT" | head -1)   # the server JVMs the probe watches

# CPU seconds (user + system, in clock ticks) of a set of processes, and busy/idle ticks of the machine, from /proc.
cpu_of() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
machine_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
machine_idle() { awk '/^cpu / {print $5 + $6}' /proc/stat; }
postgres_pids() { local master; master=$(head -1 "$WORK/pg/postmaster.pid"); echo "$master $(pgrep -P "$master" | tr '\n' ' ')"; }
gc_seconds() { local j t=0; for j in $JVMS; do t=$(jstat -gcutil "$j" | awk -v t="$t" 'NR == 2 {print t + $NF}'); done; echo "$t"; }
# Threads in HikariPool.getConnection (counted once each, though the method is on the stack twice).
pool_waits() { local j; for j in $JVMS; do jstack "$j" 2>/dev/null; done | awk '/^"/ {seen = 0} /HikariPool.getConnection/ && !seen {n++; seen = 1} END {print n + 0}'; }
gateway_probe() {   # begin|end NAME: what the machine did while the signed calls ran at their maximum
  if [ "$1" = begin ]; then
    PROBE_SERVER=$(cpu_of $JVMS); PROBE_PG=$(cpu_of $(postgres_pids)); PROBE_BUSY=$(machine_busy)
    PROBE_IDLE=$(machine_idle); PROBE_GC=$(gc_seconds); PROBE_T=$(now_ms)
    rm -f "$PROBE_OUT/stop"
    (sleep 2; while [ ! -f "$PROBE_OUT/stop" ]; do pool_waits; sleep 2; done) >"$PROBE_OUT/pool-waits.txt" &
    PROBE_SAMPLER=$!
  else
    local server pg busy idle gc seconds
    server=$(( $(cpu_of $JVMS) - PROBE_SERVER )); pg=$(( $(cpu_of $(postgres_pids)) - PROBE_PG ))
    busy=$(( $(machine_busy) - PROBE_BUSY )); idle=$(( $(machine_idle) - PROBE_IDLE ))
    gc=$(gc_seconds); seconds=$(( $(now_ms) - PROBE_T ))
    touch "$PROBE_OUT/stop"; wait $PROBE_SAMPLER || true
    {
      awk -v s="$server" -v p="$pg" -v b="$busy" -v i="$idle" -v t="$(getconf CLK_TCK)" -v w="$seconds" \
        'BEGIN { printf "during the signed maximum (%.1f s): server(s) %.1f CPU-s, PostgreSQL %.1f, everything else (wrk) %.1f, idle %.1f\n", w / 1000, s / t, p / t, (b - s - p) / t, i / t }'
      awk -v a="$PROBE_GC" -v b="$gc" 'BEGIN { printf "server GC time meanwhile: %.2f s\n", b - a }'
      echo "server threads waiting for a pool connection, sampled every 2 s: $(tr '\n' ' ' <"$PROBE_OUT/pool-waits.txt")"
    } >>"$PROBE_OUT/probe.txt"
  fi
}

echo "== small: the platform with only the gateway's fixtures"
java -cp "$BENCH" io.openmws.benchmarks.GatewayLoad "http://localhost:$PORT" "$TOKEN" 100 10 "$SECONDS_EACH" 16 "$WORK/small/bodies.txt"
# The node has just started: a longer warm-up, so that the small run is not measured on a cold JIT.
GATEWAY_WARMUP=60 PROBE_OUT=$WORK/small measure_gateway "http://localhost:$PORT" "$WORK/small/bodies.txt" "$SECONDS_EACH" "$WORK/small"

echo "== seeding $SELLERS sellers, $DEVELOPERS developers, $LISTINGS listings and $ORDERS orders in SQL"
t=$(now_ms)
HAVE_SELLERS=$(sql -c "SELECT count(*) FROM seller_account")
HAVE_DEVELOPERS=$(sql -c "SELECT count(*) FROM developer")
NEW_SELLERS=$(( SELLERS > HAVE_SELLERS ? SELLERS - HAVE_SELLERS : 0 ))
NEW_DEVELOPERS=$(( DEVELOPERS > HAVE_DEVELOPERS ? DEVELOPERS - HAVE_DEVELOPERS : 0 ))
[ "$NEW_DEVELOPERS" -le "$NEW_SELLERS" ] || { echo "each seeded developer needs a seeded seller of its own" >&2; exit 2; }
sql <<SQL
INSERT INTO seller_account (seller_id, email, email_normalized, business_name, contact_name, password_hash, status,
                            home_marketplace_id, created_at, verified_at)
  SELECT 'ASIZE' || lpad(g::text, 9, '0'), 'size' || g || '@example.com', 'size' || g || '@example.com',
         'Size seller ' || g, 'Size', 'x', 'ACTIVE', 'ATVPDKIKX0DER', now(), now()
  FROM generate_series(1, $NEW_SELLERS) g;
INSERT INTO seller_marketplace (account_id, marketplace_id)
  SELECT id, 'ATVPDKIKX0DER' FROM seller_account WHERE seller_id LIKE 'ASIZE%';
-- A developer for each of the first seeded sellers, with one access key whose sealed secret is a
-- placeholder (these keys never sign: only the measured developers of GatewayLoad call).
INSERT INTO developer (developer_id, account_id, region, developer_name, developer_name_normalized, status,
    contact_email, legal_name, business_type, country_code, city, street, phone, contact_person, data_use,
    license_version, license_accepted_at, license_accepted_by, license_accepted_from, registered_at)
  SELECT '9' || lpad(a.n::text, 11, '0'), a.id, 'NA', 'Size developer ' || a.n, 'size developer ' || a.n, 'ACTIVE',
         'dev' || a.n || '@example.com', 'Size Developer ' || a.n || ' LLC', 'CORPORATION', 'US', 'Seattle',
         '1 Main St', '+1 206 555 0100', 'Size', 'Order and listing sync', '2020-01', now(), a.id, '127.0.0.1', now()
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM seller_account WHERE seller_id LIKE 'ASIZE%') a
  WHERE a.n <= $NEW_DEVELOPERS;
INSERT INTO developer_access_key (access_key_id, developer_ref, secret_sealed, status, created_at, status_changed_at)
  SELECT 'AKIASIZE' || lpad(d.id::text, 12, '0'), d.id, '\\x00'::bytea, 'ACTIVE', now(), now()
  FROM developer d WHERE d.developer_name LIKE 'Size developer %';
-- Each seeded developer authorized by ten seeded sellers: 10 x DEVELOPERS authorizations.
INSERT INTO seller_authorization (account_id, developer_ref, status, token_hash, token_sealed, token_last4,
    terms_version, terms_accepted_at, terms_accepted_from, authorized_at, verified_at, active_since, expires_at)
  SELECT s.id, d.id, 'ACTIVE', encode(sha256(('size-' || d.id || '-' || k)::bytea), 'hex'), '\\x00'::bytea, 'SIZE',
         '2020-01', now(), '127.0.0.1', now(), now(), now(), now() + interval '300 days'
  FROM developer d CROSS JOIN generate_series(0, 9) k
  JOIN LATERAL (SELECT id FROM seller_account WHERE seller_id = 'ASIZE' || lpad((1 + (d.id * 7 + k * 101) % $NEW_SELLERS)::text, 9, '0')) s ON true
  WHERE d.developer_name LIKE 'Size developer %';
-- LISTINGS listings and ORDERS orders spread evenly over the seeded sellers.
CREATE TEMPORARY TABLE size_seller AS
  SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM seller_account WHERE seller_id LIKE 'ASIZE%';
INSERT INTO catalog_product (asin, product_id_type, product_id, title, created_by, created_at)
  SELECT 'B1' || lpad(to_hex(g), 8, '0'), 'UPC', lpad(g::text, 12, '0'), 'Size product ' || g,
         (SELECT id FROM size_seller WHERE n = g % $NEW_SELLERS), now()
  FROM generate_series(1, $LISTINGS) g;
INSERT INTO listing (account_id, marketplace_id, sku, asin, title, currency, price, quantity, status, created_at, updated_at)
  SELECT s.id, 'ATVPDKIKX0DER', 'SKU-' || lpad(g::text, 8, '0'), 'B1' || lpad(to_hex(g), 8, '0'),
         'Size product ' || g, 'USD', 10.00, 5, 'ACTIVE', now(), now()
  FROM generate_series(1, $LISTINGS) g JOIN size_seller s ON s.n = g % $NEW_SELLERS;
INSERT INTO customer_order (account_id, amazon_order_id, marketplace_id, status, sales_channel, ship_service_level,
    shipment_service_level_category, buyer_name, buyer_email, ship_name, ship_address_line1, ship_city,
    ship_state_or_region, ship_postal_code, ship_country_code, currency, order_total, items_shipped, items_unshipped,
    purchase_date, pending_until, last_update_date, earliest_ship_date, latest_ship_date, earliest_delivery_date,
    latest_delivery_date)
  SELECT s.id, '8' || lpad((g / 10000000)::text, 2, '0') || '-' || lpad((g % 10000000)::text, 7, '0') || '-0000001',
         'ATVPDKIKX0DER', 'Shipped', 'Amazon.com', 'Std US Dom_1', 'Standard', 'Size Buyer', 'b' || g || '@marketplace.amazon.com',
         'Size Buyer', '1 Main St', 'Seattle', 'WA', '98101', 'US', 'USD', 25.00, 1, 0,
         now() - interval '366 days' + g * interval '30 seconds', now() - interval '366 days' + g * interval '30 seconds' + interval '30 minutes',
         now() - interval '365 days' + g * interval '30 seconds',
         now() - interval '366 days' + g * interval '30 seconds', now() - interval '364 days' + g * interval '30 seconds',
         now() - interval '362 days' + g * interval '30 seconds', now() - interval '358 days' + g * interval '30 seconds'
  FROM generate_series(1, $ORDERS) g JOIN size_seller s ON s.n = g % $NEW_SELLERS;
INSERT INTO order_item (order_ref, order_item_id, seq, sku, asin, title, condition_type, quantity_ordered, quantity_shipped,
                        unit_price, item_price, shipping_price)
  SELECT o.id, lpad(o.id::text, 14, '0'), 1, 'SKU-1', 'B000000001', 'Size product', 'New', 1, 1, 20.00, 20.00, 5.00
  FROM customer_order o WHERE o.buyer_name = 'Size Buyer';
VACUUM ANALYZE;
SQL
echo "seeded in $(( ($(now_ms) - t) / 1000 )) s: $(sql -c "SELECT (SELECT count(*) FROM seller_account) || ' sellers, '
  || (SELECT count(*) FROM developer) || ' developers, ' || (SELECT count(*) FROM seller_authorization) || ' authorizations, '
  || (SELECT count(*) FROM listing) || ' listings, ' || (SELECT count(*) FROM customer_order) || ' orders'"),\
 database $(sql -c "SELECT pg_size_pretty(pg_database_size('openmws'))")"

echo "== at size: the same measurement, fresh fixtures and signatures"
java -cp "$BENCH" io.openmws.benchmarks.GatewayLoad "http://localhost:$PORT" "$TOKEN" 100 10 "$SECONDS_EACH" 16 "$WORK/size/bodies.txt"
PROBE_OUT=$WORK/size measure_gateway "http://localhost:$PORT" "$WORK/size/bodies.txt" "$SECONDS_EACH" "$WORK/size"

RUNS="small size"
if command -v haproxy >/dev/null; then
  echo "== at size, two nodes behind HAProxy (round-robin), fresh fixtures and signatures"
  mkdir -p -m 700 "$WORK/run2/data"
  cp -p "$WORK/run/data/secrets.keyset.json" "$WORK/run2/data/"
  start_node "$WORK/run2" $PORT2
  SERVER2=$NODE_PID
  JVMS="$JVMS $(pgrep -f -- "--server.port=$PORT2" | head -1)"
  start_proxy $PROXY_PORT "$WORK" $PORT $PORT2
  java -cp "$BENCH" io.openmws.benchmarks.GatewayLoad "http://localhost:$PROXY_PORT" "$TOKEN" 100 10 "$SECONDS_EACH" 16 "$WORK/two/bodies.txt"
  GATEWAY_WARMUP=60 PROBE_OUT=$WORK/two measure_gateway "http://localhost:$PROXY_PORT" "$WORK/two/bodies.txt" "$SECONDS_EACH" "$WORK/two"
  RUNS="small size two"
else
  echo "(no haproxy: the two-node run is left out; apt-get install -y haproxy)"
fi

echo
for run in $RUNS; do
  echo "-- $run"
  cat "$WORK/$run/summary.txt" "$WORK/$run/probe.txt"
done
ratio() { awk '/^signed .* bare / {print $(NF - 1)}' "$1"; }
for run in $RUNS; do
  [ "$run" = small ] && continue
  awk -v a="$(ratio "$WORK/small/summary.txt")" -v b="$(ratio "$WORK/$run/summary.txt")" -v r="$run" \
    'BEGIN { printf "signed/bare, %s against small: %d %% against %d %%, a change of %+.0f %% (target: within 10 %%)\n", r, b, a, 100 * (b - a) / a }'
done
echo "server logs: $(cat "$WORK"/run*/server.log | grep -c ' ERROR ' || true) ERROR lines"
