#!/usr/bin/env bash
# Orders on PostgreSQL (issue 15; see BENCHMARKS.md): 1,000,000 orders across 10,000 sellers, one of
# them holding half; ListOrders page PAGE (100 orders a page, reached with ListOrdersByNextToken)
# against page 1, p99 of REPEATS calls each. Then 16 concurrent buyers on the control API for one
# listing with 10 units. Starts a throw-away PostgreSQL from Debian's binaries (as the postgres user
# when run as root); the other sellers and the orders are seeded in SQL (the calls under test only read
# them), the measured seller, its developer and the race's buyers go through the platform.
# Builds nothing: ./mvnw -B -q -o -pl openmws-server,openmws-benchmarks -am package -DskipTests.
# Usage: bench/orders/run.sh [orders=1000000] [sellers=10000] [page=5000] [repeats=200]
set -euo pipefail
cd "$(dirname "$0")/../.."
ORDERS=${1:-1000000}
SELLERS=${2:-10000}
PAGE=${3:-5000}
REPEATS=${4:-200}
MINE=$(( PAGE * 100 + 50 ))                              # the measured seller's orders: page PAGE is full
OTHERS=$(( (ORDERS - MINE) / (SELLERS - 1) ))            # each other seller's
JAR=$(realpath openmws-server/target/openmws-server.jar)
BENCH=$(realpath openmws-benchmarks/target/benchmarks.jar)
PORT=18085
PGPORT=55435
export OPERATOR_TOKEN=bench-$RANDOM$RANDOM
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
for f in "$JAR" "$BENCH"; do
  [ -f "$f" ] || { echo "No $f: ./mvnw -B -q -o -pl openmws-server,openmws-benchmarks -am package -DskipTests" >&2; exit 2; }
done
[ "$OTHERS" -ge 0 ] || { echo "orders=$ORDERS cannot fill page $PAGE of one seller" >&2; exit 2; }
sql() { psql -h localhost -p $PGPORT -U postgres -d openmws -qAtX "$@"; }
now_ms() { date +%s%3N; }

mkdir "$WORK/pg" "$WORK/run"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres -A trust >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k /tmp -c listen_addresses=localhost" -l "$WORK/pg/log" -w start >/dev/null
psql -h localhost -p $PGPORT -U postgres -qc 'CREATE DATABASE openmws' >/dev/null
echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT"

(cd "$WORK/run" && exec java -Xmx512m -jar "$JAR" --server.port=$PORT --openmws.sandbox.operator-token=$OPERATOR_TOKEN \
   --spring.datasource.url=jdbc:postgresql://localhost:$PGPORT/openmws --spring.datasource.username=postgres \
   --spring.datasource.password= --logging.level.root=WARN >"$WORK/run/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done

eval "$(java -cp "$BENCH" io.openmws.benchmarks.OrderLoad "http://localhost:$PORT" setup)"
export SELLER_ID ACCESS_KEY_ID SECRET_KEY MWS_AUTH_TOKEN
ACCOUNT=$(sql -c "SELECT id FROM seller_account WHERE seller_id = '$SELLER_ID'")

# The other sellers, then the orders (one item each): the measured seller's first, a day apart from
# the others' only in their account. Purchase dates spread over the past year, all settled (Shipped).
t=$(now_ms)
sql <<SQL
INSERT INTO seller_account (seller_id, email, email_normalized, business_name, contact_name, password_hash, status,
                            home_marketplace_id, created_at, verified_at)
  SELECT 'ABENCH' || lpad(g::text, 8, '0'), 'bench' || g || '@example.com', 'bench' || g || '@example.com',
         'Bench seller ' || g, 'Bench', 'x', 'ACTIVE', 'ATVPDKIKX0DER', now(), now()
  FROM generate_series(1, $SELLERS - 1) g;
INSERT INTO seller_marketplace (account_id, marketplace_id)
  SELECT id, 'ATVPDKIKX0DER' FROM seller_account WHERE seller_id LIKE 'ABENCH%';
CREATE TEMPORARY TABLE bench_owner AS
  SELECT $ACCOUNT AS account_id, g AS n FROM generate_series(1, $MINE) g
  UNION ALL
  SELECT a.id, $MINE + row_number() OVER () FROM seller_account a, generate_series(1, $OTHERS) g
  WHERE a.seller_id LIKE 'ABENCH%';
INSERT INTO customer_order (account_id, amazon_order_id, marketplace_id, status, sales_channel, ship_service_level,
    shipment_service_level_category, buyer_name, buyer_email, ship_name, ship_address_line1, ship_city,
    ship_state_or_region, ship_postal_code, ship_country_code, currency, order_total, items_shipped, items_unshipped,
    purchase_date, pending_until, last_update_date, earliest_ship_date, latest_ship_date, earliest_delivery_date,
    latest_delivery_date)
  SELECT o.account_id, '9' || lpad((o.n / 10000000)::text, 2, '0') || '-' || lpad((o.n % 10000000)::text, 7, '0') || '-0000001',
         'ATVPDKIKX0DER', 'Shipped', 'Amazon.com', 'Std US Dom_1', 'Standard', 'Bench Buyer', 'b' || o.n || '@marketplace.amazon.com',
         'Bench Buyer', '1 Main St', 'Seattle', 'WA', '98101', 'US', 'USD', 25.00, 1, 0,
         now() - interval '366 days' + o.n * interval '30 seconds', now() - interval '366 days' + o.n * interval '30 seconds' + interval '30 minutes',
         now() - interval '365 days' + o.n * interval '30 seconds',
         now() - interval '366 days' + o.n * interval '30 seconds', now() - interval '364 days' + o.n * interval '30 seconds',
         now() - interval '362 days' + o.n * interval '30 seconds', now() - interval '358 days' + o.n * interval '30 seconds'
  FROM bench_owner o;
INSERT INTO order_item (order_ref, order_item_id, seq, sku, asin, title, condition_type, quantity_ordered, quantity_shipped,
                        unit_price, item_price, shipping_price)
  SELECT id, lpad(id::text, 14, '0'), 1, 'SKU-1', 'B000000001', 'Bench product', 'New', 1, 1, 20.00, 20.00, 5.00
  FROM customer_order;
-- The race's listing: 10 units of one live SKU.
INSERT INTO catalog_product (asin, title, created_by, created_at) VALUES ('B0RACE0001', 'Race product', $ACCOUNT, now());
INSERT INTO listing (account_id, marketplace_id, sku, asin, title, currency, price, quantity, status, created_at, updated_at)
  VALUES ($ACCOUNT, 'ATVPDKIKX0DER', 'RACE-1', 'B0RACE0001', 'Race product', 'USD', 10.00, 10, 'ACTIVE', now(), now());
VACUUM ANALYZE;
SQL
echo "seeded $SELLERS sellers and $(sql -c 'SELECT count(*) FROM customer_order') orders ($MINE of the measured seller) in $(( ($(now_ms) - t) / 1000 )) s"

echo "== ListOrders: page 1 against page $PAGE, $REPEATS calls each"
java -cp "$BENCH" io.openmws.benchmarks.OrderLoad "http://localhost:$PORT" pages "$PAGE" "$REPEATS"

echo "== 16 concurrent buyers, 4 attempts each, for 10 units"
read -r PLACED REFUSED SECONDS < <(java -cp "$BENCH" io.openmws.benchmarks.OrderLoad "http://localhost:$PORT" race \
  "$SELLER_ID" RACE-1 16 4)
LEFT=$(sql -c "SELECT quantity FROM listing WHERE account_id = $ACCOUNT AND sku = 'RACE-1'")
SOLD=$(sql -c "SELECT coalesce(sum(i.quantity_ordered), 0) FROM order_item i JOIN customer_order o ON o.id = i.order_ref
               WHERE o.account_id = $ACCOUNT AND i.sku = 'RACE-1'")
echo "placed $PLACED, refused $REFUSED in $SECONDS s; units sold $SOLD, left in stock $LEFT"
echo "server log: $(grep -c ' ERROR ' "$WORK/run/server.log" || true) ERROR lines"
