#!/usr/bin/env bash
# What any design of a price and quantity feed must spend on PostgreSQL (issue 14; see BENCHMARKS.md,
# "The floor under the target"): on one database with LINES listings of one seller (the listing
# table's own columns and indexes, made by Flyway's migrations on a throw-away server start), times
#   1. COPY of the feed's LINES rows (sku, price, quantity) into a bare table: the target's yardstick;
#   2. COPY of the same rows into an unindexed append-only change log (feed, line, sku, price, quantity):
#      the cheapest way to keep them;
#   3. the anti-join that finds the feed's SKUs without a listing: what the processing report must
#      name (error 90111), whatever the design;
#   4. one set-based UPDATE ... FROM of all the listings from the log: applying them at once.
# Starts a throw-away PostgreSQL from Debian's binaries; needs the packaged server jar for the schema.
# Usage: bench/feeds/floor.sh [lines=1000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${1:-1000000}
JAR=$(realpath openmws-server/target/openmws-server.jar)
PORT=18087
PGPORT=55437
WORK=$(mktemp -d)
chmod 755 "$WORK"
SERVER=
source bench/lib/postgres.sh
cleanup() {
  [ -n "$SERVER" ] && { kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; }
  stop_postgres "$WORK/pg"
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -f "$JAR" ] || { echo "No $JAR: ./mvnw -B -q -o -pl openmws-server -am package -DskipTests" >&2; exit 2; }
sql() { psql -h localhost -p $PGPORT -U postgres -d openmws -qAtX "$@"; }
now_ms() { date +%s%3N; }
timed() { local t; t=$(now_ms); "$@" >/dev/null; echo $(( $(now_ms) - t )); }

mkdir "$WORK/run"
start_postgres "$WORK/pg" $PGPORT
# The schema as the platform makes it (fillfactor 50 and all), then the server is stopped: only SQL runs.
(cd "$WORK/run" && exec java -jar "$JAR" --server.port=$PORT --spring.datasource.url=jdbc:postgresql://localhost:$PGPORT/openmws \
   --spring.datasource.username=postgres --spring.datasource.password= --logging.level.root=WARN >"$WORK/run/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=

sql <<SQL
INSERT INTO seller_account (seller_id, email, email_normalized, business_name, contact_name, password_hash, status,
                            home_marketplace_id, created_at, verified_at)
  VALUES ('AFLOOR0000001', 'floor@example.com', 'floor@example.com', 'Floor', 'Floor', 'x', 'ACTIVE', 'ATVPDKIKX0DER', now(), now());
INSERT INTO catalog_product (asin, product_id_type, product_id, title, created_by, created_at)
  SELECT 'B0' || lpad(to_hex(g), 8, '0'), 'UPC', lpad(g::text, 12, '0'), 'Floor product ' || g,
         (SELECT id FROM seller_account), now()
  FROM generate_series(1, $LINES) g;
INSERT INTO listing (account_id, marketplace_id, sku, asin, title, currency, price, quantity, status, created_at, updated_at)
  SELECT (SELECT id FROM seller_account), 'ATVPDKIKX0DER', 'SKU-' || lpad(g::text, 8, '0'), 'B0' || lpad(to_hex(g), 8, '0'),
         'Floor product ' || g, 'USD', 10.00, 5, 'ACTIVE', now(), now()
  FROM generate_series(1, $LINES) g;
CREATE TABLE floor_copy (sku VARCHAR(40), price DECIMAL(18, 2), quantity INT);
CREATE TABLE floor_log (feed BIGINT NOT NULL, line INT NOT NULL, sku VARCHAR(40) NOT NULL, price DECIMAL(18, 2), quantity INT);
VACUUM ANALYZE;
SQL
ACCOUNT=$(sql -c "SELECT id FROM seller_account")
awk -v n="$LINES" 'BEGIN { for (i = 1; i <= n; i++) printf "SKU-%08d\t%d.%02d\t%d\n", i, 10 + i % 90, i % 100, i % 50 }' >"$WORK/feed.tsv"
awk -v OFS='\t' '{ print 1, NR, $0 }' "$WORK/feed.tsv" >"$WORK/log.tsv"

echo "== $LINES rows, default settings"
COPY_MS=$(timed sql -c "\\copy floor_copy FROM '$WORK/feed.tsv'")
LOG_MS=$(timed sql -c "\\copy floor_log FROM '$WORK/log.tsv'")
sql -c "ANALYZE floor_log"
UNKNOWN_MS=$(timed sql -c "SELECT count(*) FROM floor_log f WHERE f.feed = 1 AND NOT EXISTS (SELECT 1 FROM listing l
  WHERE l.account_id = $ACCOUNT AND l.marketplace_id = 'ATVPDKIKX0DER' AND l.sku = f.sku)")
UPDATE_MS=$(timed sql -c "UPDATE listing l SET price = f.price, quantity = f.quantity,
  status = CASE WHEN f.quantity > 0 THEN 'ACTIVE' ELSE 'INACTIVE' END, updated_at = now()
  FROM floor_log f WHERE f.feed = 1 AND l.account_id = $ACCOUNT AND l.marketplace_id = 'ATVPDKIKX0DER' AND l.sku = f.sku")
rate() { awk -v n="$LINES" -v ms="$1" 'BEGIN { printf "%.0f rows/s", n * 1000 / ms }'; }
echo "1. COPY into a bare table:                       $COPY_MS ms ($(rate "$COPY_MS"))"
echo "2. COPY into an append-only log:                 $LOG_MS ms ($(rate "$LOG_MS"))"
echo "3. anti-join for SKUs without a listing:         $UNKNOWN_MS ms"
echo "4. one UPDATE ... FROM of every listing:         $UPDATE_MS ms ($(rate "$UPDATE_MS"))"
awk -v c="$COPY_MS" -v l="$LOG_MS" -v u="$UNKNOWN_MS" -v p="$UPDATE_MS" 'BEGIN {
  printf "best case of a change log (2 + 3) against COPY: %.0f %%; of applying in place (2 + 3 + 4): %.0f %%\n",
         100 * c / (l + u), 100 * c / (l + u + p) }'
