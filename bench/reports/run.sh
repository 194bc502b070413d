#!/usr/bin/env bash
# Reports on PostgreSQL (issue 16; see BENCHMARKS.md): LISTINGS listings of one seller, then
# _GET_MERCHANT_LISTINGS_ALL_DATA_ from RequestReport to downloadable (the request's _DONE_), beside a
# COPY (SELECT the same columns) TO STDOUT of the same rows in the same run; the server's heap
# (-Xmx256m) sampled throughout; then GetReport of the result streamed REPEATS times on loopback.
# Starts a throw-away PostgreSQL from Debian's binaries (as the postgres user when run as root); the
# listings are seeded in SQL (the report under test only reads them), the seller and its developer go
# through the platform. Builds nothing: ./mvnw -B -q -o -pl openmws-server,openmws-benchmarks -am package -DskipTests.
# Usage: bench/reports/run.sh [listings=1000000] [repeats=3] [storage=files|database]
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${1:-1000000}
REPEATS=${2:-3}
STORAGE=${3:-files}
TYPE=_GET_MERCHANT_LISTINGS_ALL_DATA_
JAR=$(realpath openmws-server/target/openmws-server.jar)
BENCH=$(realpath openmws-benchmarks/target/benchmarks.jar)
PORT=18086
PGPORT=55436
export OPERATOR_TOKEN=bench-$RANDOM$RANDOM
PGBIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
WORK=$(mktemp -d)
chmod 755 "$WORK"
SERVER=
SAMPLER=
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  cp "$WORK/run/server.log" /tmp/bench-reports-server.log 2>/dev/null || true
  [ -n "$SAMPLER" ] && { kill $SAMPLER 2>/dev/null || true; }
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

eval "$(java -cp "$BENCH" io.openmws.benchmarks.ReportLoad "http://localhost:$PORT" setup)"
export SELLER_ID ACCESS_KEY_ID SECRET_KEY MWS_AUTH_TOKEN
ACCOUNT=$(sql -c "SELECT id FROM seller_account WHERE seller_id = '$SELLER_ID'")

# The seller's catalog: LINES listings with the descriptive data a product feed gives; one in ten
# out of stock (Inactive), one in a hundred without a price (Incomplete).
t=$(now_ms)
sql <<SQL
INSERT INTO catalog_product (asin, product_id_type, product_id, title, brand, created_by, created_at)
  SELECT 'B0' || lpad(to_hex(g), 8, '0'), 'UPC', lpad(g::text, 12, '0'), 'Bench product ' || g, 'Bench', $ACCOUNT, now()
  FROM generate_series(1, $LINES) g;
INSERT INTO listing (account_id, marketplace_id, sku, asin, product_id_type, product_id, title, brand, description,
                     condition_type, currency, price, quantity, fulfillment_latency, status, created_at, updated_at)
  SELECT $ACCOUNT, 'ATVPDKIKX0DER', 'SKU-' || lpad(g::text, 8, '0'), 'B0' || lpad(to_hex(g), 8, '0'),
         'UPC', lpad(g::text, 12, '0'), 'Bench product ' || g, 'Bench',
         'A sturdy bench product, number ' || g || ', for the report benchmark.', 'New', 'USD',
         CASE WHEN g % 100 = 0 THEN NULL ELSE 10 + (g % 90) + (g % 100) / 100.0 END,
         CASE WHEN g % 10 = 0 THEN 0 ELSE g % 50 + 1 END, 2,
         CASE WHEN g % 100 = 0 THEN 'INCOMPLETE' WHEN g % 10 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END,
         now() - (g % 1000) * interval '1 hour', now()
  FROM generate_series(1, $LINES) g;
ANALYZE;
SQL
echo "seeded $LINES listings in $(( ($(now_ms) - t) / 1000 )) s"

# COPY of the same rows and columns the report holds (listing joined to its product), same run.
t=$(now_ms)
sql -c "COPY (SELECT l.title, l.description, l.id, l.sku, l.price, l.quantity, l.created_at, l.product_id_type,
                     l.condition_type, l.asin, l.product_id, l.status
              FROM listing l JOIN catalog_product p ON p.asin = l.asin
              WHERE l.account_id = $ACCOUNT AND l.marketplace_id = 'ATVPDKIKX0DER' ORDER BY l.sku) TO STDOUT" >"$WORK/copy.txt"
COPY_MS=$(( $(now_ms) - t ))
echo "COPY: $(wc -l <"$WORK/copy.txt") rows, $(( $(stat -c %s "$WORK/copy.txt") / 1024 / 1024 )) MiB in $COPY_MS ms"

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
# Timed by the client: from sending RequestReport to the GetReportRequestList answer that shows it
# _DONE_ (polled every 50 ms), not counting the client's own start.
read -r RID _ REPORT_MS < <(java -cp "$BENCH" io.openmws.benchmarks.ReportLoad "http://localhost:$PORT" request-await $TYPE)
S1=$(samples)
read -r QUEUED_MS WORKED_MS < <(sql -F ' ' -c "SELECT round(extract(epoch FROM started_at - submitted_at) * 1000),
  round(extract(epoch FROM completed_at - started_at) * 1000) FROM report_request WHERE report_request_id = $RID")
read -r REPORT_ID ROWS BYTES < <(sql -F ' ' -c "SELECT r.report_id, r.data_rows, r.blob_length FROM report r
  JOIN report_request q ON q.id = r.request_ref WHERE q.report_request_id = $RID")
read -r REPORT_HEAP REPORT_OLD < <(heap_max "$S0" "$S1")

S2=$(samples)
java -cp "$BENCH" io.openmws.benchmarks.ReportLoad "http://localhost:$PORT" download "$REPORT_ID" "$WORK/report.txt" >/dev/null
RATES=()
for _ in $(seq 1 "$REPEATS"); do
  read -r _ SECONDS_TAKEN RATE < <(java -cp "$BENCH" io.openmws.benchmarks.ReportLoad "http://localhost:$PORT" download "$REPORT_ID" -)
  RATES+=("$RATE MiB/s in $SECONDS_TAKEN s")
done
S3=$(samples)
read -r GET_HEAP GET_OLD < <(heap_max "$S2" "$S3")

echo
echo "| measure | value |"
echo "|---|---:|"
echo "| COPY (SELECT the report's columns) TO STDOUT, $LINES rows | $COPY_MS ms ($(( LINES * 1000 / COPY_MS )) rows/s) |"
echo "| RequestReport to _DONE_ ($TYPE) | $REPORT_MS ms ($(( ROWS * 1000 / REPORT_MS )) rows/s) |"
awk -v c="$COPY_MS" -v r="$REPORT_MS" 'BEGIN { printf "| report rows/s as a share of COPY rows/s | %.0f %% |\n", 100 * c / r }'
echo "| of which: submitted to started, started to completed (platform clock) | $QUEUED_MS ms, $WORKED_MS ms |"
echo "| report: data rows, bytes | $ROWS, $BYTES |"
echo "| heap used, max while generating (young + old, -Xmx256m) | $REPORT_HEAP MB (old gen max $REPORT_OLD MB) |"
echo "| GetReport on loopback, $REPEATS runs | ${RATES[*]} |"
echo "| heap used, max while downloading | $GET_HEAP MB (old gen max $GET_OLD MB) |"
echo "| report header and first row | $(head -2 "$WORK/report.txt" | cut -c1-300 | tr '\t\n' '| ') |"
echo "server log: $(grep -c ' ERROR ' "$WORK/run/server.log" || true) ERROR lines; OutOfMemoryError: $(grep -c OutOfMemoryError "$WORK/run/server.log" || true)"
