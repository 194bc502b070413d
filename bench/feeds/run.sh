#!/usr/bin/env bash
# Feed processing on PostgreSQL (issue 14; see BENCHMARKS.md): a 1,000,000-line
# _POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_ feed for one seller with 1,000,000 listings, timed
# from SubmitFeed to _DONE_, beside a COPY of the same rows into a bare table of the same database in
# the same run; then a 1 GiB upload. The server runs with -Xmx256m; its heap is sampled with jstat.
# Starts a throw-away PostgreSQL from Debian's binaries (as the postgres user when run as root).
# Builds nothing: ./mvnw -B -q -o -pl openmws-server,openmws-benchmarks -am package -DskipTests.
# Usage: bench/feeds/run.sh [lines=1000000] [upload-bytes=1073741824] [storage=files|database]
# SERVER_JAVA_OPTS adds JVM options to the server (a profiler: -XX:StartFlightRecording=filename=/tmp/feed.jfr).
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${1:-1000000}
UPLOAD=${2:-1073741824}
STORAGE=${3:-files}
JAR=$(realpath openmws-server/target/openmws-server.jar)
BENCH=$(realpath openmws-benchmarks/target/benchmarks.jar)
PORT=18084
PGPORT=55434
export OPERATOR_TOKEN=bench-$RANDOM$RANDOM
PGBIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
WORK=$(mktemp -d)
chmod 755 "$WORK"
SERVER=
SAMPLER=
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$SAMPLER" ] && kill $SAMPLER 2>/dev/null || true
  [ -n "$SERVER" ] && { kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; }
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for f in "$JAR" "$BENCH"; do
  [ -f "$f" ] || { echo "No $f: ./mvnw -B -q -o -pl openmws-server,openmws-benchmarks -am package -DskipTests" >&2; exit 2; }
done
sql() { psql -h localhost -p $PGPORT -U postgres -d openmws -qAtX "$@"; }
now_ms() { date +%s%3N; }

mkdir "$WORK/pg" "$WORK/run"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres -A trust >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k /tmp -c listen_addresses=localhost" -l "$WORK/pg/log" -w start >/dev/null
psql -h localhost -p $PGPORT -U postgres -qc 'CREATE DATABASE openmws' >/dev/null
echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT, storage $STORAGE"

(cd "$WORK/run" && exec java -Xmx256m ${SERVER_JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --openmws.sandbox.operator-token=$OPERATOR_TOKEN \
   --spring.datasource.url=jdbc:postgresql://localhost:$PGPORT/openmws --spring.datasource.username=postgres \
   --spring.datasource.password= --openmws.storage.type=$STORAGE --logging.level.root=WARN >"$WORK/run/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
JVM=$(pgrep -f -- "--server.port=$PORT" | head -1)

eval "$(java -cp "$BENCH" io.openmws.benchmarks.FeedLoad "http://localhost:$PORT" setup)"
export SELLER_ID ACCESS_KEY_ID SECRET_KEY MWS_AUTH_TOKEN
ACCOUNT=$(sql -c "SELECT id FROM seller_account WHERE seller_id = '$SELLER_ID'")

# The seller's catalog: LINES listings, seeded in SQL (the feed under test only changes them).
t=$(now_ms)
sql <<SQL
INSERT INTO catalog_product (asin, product_id_type, product_id, title, created_by, created_at)
  SELECT 'B0' || lpad(to_hex(g), 8, '0'), 'UPC', lpad(g::text, 12, '0'), 'Bench product ' || g, $ACCOUNT, now()
  FROM generate_series(1, $LINES) g;
INSERT INTO listing (account_id, marketplace_id, sku, asin, title, currency, price, quantity, status, created_at, updated_at)
  SELECT $ACCOUNT, 'ATVPDKIKX0DER', 'SKU-' || lpad(g::text, 8, '0'), 'B0' || lpad(to_hex(g), 8, '0'),
         'Bench product ' || g, 'USD', 10.00, 5, 'ACTIVE', now(), now()
  FROM generate_series(1, $LINES) g;
ANALYZE;
SQL
echo "seeded $LINES listings in $(( ($(now_ms) - t) / 1000 )) s"

FEED="$WORK/price-and-quantity.txt"
awk -v n="$LINES" 'BEGIN { print "sku\tprice\tquantity"; for (i = 1; i <= n; i++) printf "SKU-%08d\t%d.%02d\t%d\n", i, 10 + i % 90, i % 100, i % 50 }' >"$FEED"
echo "feed: $LINES lines, $(( $(stat -c %s "$FEED") / 1024 / 1024 )) MiB"

# COPY of the same rows into a bare table, same database, same run.
sql -c "CREATE TABLE bench_copy (sku VARCHAR(40), price DECIMAL(18, 2), quantity INT)"
t=$(now_ms)
tail -n +2 "$FEED" | sql -c "\\copy bench_copy FROM STDIN"
COPY_MS=$(( $(now_ms) - t ))
echo "COPY: $(sql -c 'SELECT count(*) FROM bench_copy') rows in $COPY_MS ms"

# Heap: total used (young + old) and old generation every 250 ms, for the rest of the run.
jstat -gc "$JVM" 250 >"$WORK/jstat.txt" &
SAMPLER=$!
heap_max() {   # $1: first sample line, $2: last; prints "max-used-MB max-old-MB"
  awk -v a="$1" -v b="$2" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    NR - 1 >= a && NR - 1 <= b && $1 ~ /^[0-9.]+$/ {
      used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (used > mu) mu = used; if ($col["OU"] > mo) mo = $col["OU"] }
    END { printf "%.0f %.0f\n", mu / 1024, mo / 1024 }' "$WORK/jstat.txt"
}
samples() { echo $(( $(wc -l <"$WORK/jstat.txt") - 1 )); }

S0=$(samples)
t=$(now_ms)
ID=$(java -cp "$BENCH" io.openmws.benchmarks.FeedLoad "http://localhost:$PORT" submit \
  _POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_ "$FEED")
SUBMIT_MS=$(( $(now_ms) - t ))
until [ "$(sql -c "SELECT status FROM feed_submission WHERE feed_submission_id = $ID")" = "_DONE_" ]; do sleep 0.2; done
FEED_MS=$(( $(now_ms) - t ))
S1=$(samples)
read -r SUCCESSFUL ERRORS QUEUED_MS WORKED_MS < <(sql -F ' ' -c "SELECT messages_successful, messages_with_error,
  round(extract(epoch FROM started_at - submitted_at) * 1000), round(extract(epoch FROM completed_at - started_at) * 1000)
  FROM feed_submission WHERE feed_submission_id = $ID")
CHANGED=$(sql -c "SELECT count(*) FROM listing l JOIN bench_copy c ON c.sku = l.sku WHERE l.account_id = $ACCOUNT AND l.price = c.price AND l.quantity = c.quantity")
java -cp "$BENCH" io.openmws.benchmarks.FeedLoad "http://localhost:$PORT" result "$ID" "$WORK/report.txt"
read -r FEED_HEAP FEED_OLD < <(heap_max "$S0" "$S1")

echo "== 1 GiB upload (a feed the reader refuses at its first element)"
S2=$(samples)
read -r JUNK_ID JUNK_S JUNK_RATE < <(java -cp "$BENCH" io.openmws.benchmarks.FeedLoad "http://localhost:$PORT" submit-junk \
  _POST_PRODUCT_DATA_ "$UPLOAD")
S3=$(samples)
read -r UPLOAD_HEAP UPLOAD_OLD < <(heap_max "$S2" "$S3")
STORED=$(sql -c "SELECT body_length FROM feed_submission WHERE feed_submission_id = $JUNK_ID")

echo
echo "| measure | value |"
echo "|---|---:|"
echo "| COPY of $LINES rows into a bare table | $COPY_MS ms ($(( LINES * 1000 / COPY_MS )) rows/s) |"
echo "| SubmitFeed upload of the feed | $SUBMIT_MS ms |"
echo "| SubmitFeed to _DONE_ | $FEED_MS ms ($(( LINES * 1000 / FEED_MS )) rows/s) |"
awk -v c="$COPY_MS" -v f="$FEED_MS" 'BEGIN { printf "| feed rows/s as a share of COPY rows/s | %.0f %% |\n", 100 * c / f }'
echo "| of which: submitted to started, started to completed (platform clock) | $QUEUED_MS ms, $WORKED_MS ms |"
echo "| messages successful / with error | $SUCCESSFUL / $ERRORS |"
echo "| listings holding the feed's price and quantity | $CHANGED |"
echo "| heap used, max while processing (young + old, -Xmx256m) | $FEED_HEAP MB (old gen max $FEED_OLD MB) |"
echo "| 1 GiB upload: time, rate | $JUNK_S s, $JUNK_RATE MiB/s ($STORED bytes stored) |"
echo "| heap used, max during the upload | $UPLOAD_HEAP MB (old gen max $UPLOAD_OLD MB) |"
echo "| processing report | $(head -c 300 "$WORK/report.txt" | tr '\t\n' '  ') |"
echo "server log: $(grep -c ' ERROR ' "$WORK/run/server.log" || true) ERROR lines; OutOfMemoryError: $(grep -c OutOfMemoryError "$WORK/run/server.log" || true)"
