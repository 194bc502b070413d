#!/usr/bin/env bash
# Crashes (issue 18; see RELIABILITY.md "Crashes"): ROUNDS rounds of a fixed workload (CrashLoad) on
# the packaged jar and a throw-away PostgreSQL, each round cut by a `kill -9` of the node in the middle
# of feed processing, report generation or order generation (in turn; the moment seeded by SEED) and a
# restart; then the same workload undisturbed on a fresh database, and the two compared: feeds,
# processing reports, listings, report requests and reports, control orders, financial events and
# settlements must be the same, and the generated orders must keep their invariants in both.
# A round: control orders placed and earlier ones refunded (control API), the round's feeds (product,
# price and quantity, inventory, and the fulfillment of the last round's orders), two reports per
# seller, then the simulated buyers for 31 minutes of platform time. After the last round the clock
# moves 15 days, so the settlement period closes and its reports are generated.
# Starts PostgreSQL from Debian's binaries (bench/lib/postgres.sh; apt-get install -y postgresql). Builds nothing: ./mvnw -B -q -o -pl openmws-protocol,openmws-server,openmws-benchmarks package -DskipTests
# Usage: bench/crash/run.sh [rounds=20] [sellers=3] [seed=18]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-20}
SELLERS=${2:-3}
SEED=${3:-18}
JAR=$(realpath openmws-server/target/openmws-server.jar)
BENCH=$(realpath openmws-benchmarks/target/benchmarks.jar)
PORT=18400
PGPORT=55510
BASE=http://localhost:$PORT
PER_HOUR=600                          # the simulated buyers' rate: one order every 6 s of platform time
BURST_ORDERS=$(( SELLERS * PER_HOUR * 31 / 60 ))
export OPERATOR_TOKEN=crash-$RANDOM$RANDOM
command -v pg_ctl >/dev/null || { echo "No pg_ctl: apt-get install -y postgresql" >&2; exit 2; }
. bench/lib/postgres.sh
WORK=$(mktemp -d)
chmod 755 "$WORK"
SERVER=
cleanup() {
  [ -n "$SERVER" ] && { kill -9 "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
  stop_postgres "$WORK/pg"
  mkdir -p /tmp/bench-crash && cp -r "$WORK"/ref "$WORK"/crash /tmp/bench-crash/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for f in "$JAR" "$BENCH"; do
  [ -f "$f" ] || { echo "No $f: ./mvnw -B -q -o -pl openmws-protocol,openmws-server,openmws-benchmarks package -DskipTests" >&2; exit 2; }
done
DB=
sql() { psql -h localhost -p $PGPORT -U postgres -d "$DB" -qAtX -F '|' "$@"; }
now_ms() { date +%s%3N; }
load() { java -cp "$BENCH" io.openmws.benchmarks.CrashLoad "$BASE" "$@"; }
control() { curl -sf -o /dev/null -H "Authorization: Bearer $OPERATOR_TOKEN" -H 'Content-Type: application/json' -d "$2" "$BASE$1"; }

start_postgres "$WORK/pg" $PGPORT
echo "== $ROUNDS rounds, $SELLERS sellers, seed $SEED"

start() {   # the node on database $DB, files in $RUN; waits until it answers
  (cd "$RUN/node" && exec java -Xmx512m -XX:TieredStopAtLevel=1 -jar "$JAR" --server.port=$PORT --openmws.sandbox.operator-token=$OPERATOR_TOKEN \
     --spring.datasource.url=jdbc:postgresql://localhost:$PGPORT/$DB --spring.datasource.username=postgres \
     --spring.datasource.password= --openmws.feeds.sweep-interval=PT5S --openmws.reports.sweep-interval=PT5S \
     --logging.level.root=WARN >>"$RUN/server.log" 2>&1) &
  SERVER=$!
  for _ in $(seq 1 240); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && return 0; sleep 0.5; done
  echo "the node did not start; $RUN/server.log:" >&2; tail -30 "$RUN/server.log" >&2; exit 1
}
kill9() { kill -9 "$SERVER"; { wait "$SERVER"; } 2>/dev/null || true; SERVER=; }

until_sql() {   # $1: what is awaited, $2: SQL that prints t when done; fails after 300 s
  local t0; t0=$(now_ms)
  until [ "$(sql -c "$2")" = t ]; do
    if [ $(( $(now_ms) - t0 )) -gt 300000 ]; then echo "TIMEOUT waiting for $1" >&2; return 1; fi
    sleep 0.2
  done
}
PLATFORM_NOW="(now() + (SELECT offset_millis FROM platform_clock WHERE id = 1) * interval '1 millisecond')"
feeds_done() { until_sql "feeds" "SELECT count(*) = 0 FROM feed_submission WHERE status <> '_DONE_'"; }
reports_done() { until_sql "reports" "SELECT count(*) = 0 FROM report_request WHERE status IN ('_SUBMITTED_', '_IN_PROGRESS_')"; }
generator_caught_up() {
  until_sql "order generator" "SELECT count(*) = 0 FROM order_generator WHERE per_hour > 0 AND next_at <= $PLATFORM_NOW - interval '3 seconds'"
}
gen_orders() { sql -c "SELECT count(*) FROM order_item WHERE sku = 'GEN-1'"; }

# The kill: waits until the phase reached a seeded point, kills, restarts; prints where it landed.
kill_in_feeds() {   # $1: messages this round
  local target=$(( $1 * (10 + RANDOM % 80) / 100 )) done_msgs
  until_sql "feeds to reach $target messages" "SELECT coalesce(sum(processed), 0) >= $target OR count(*) FILTER (WHERE status <> '_DONE_') = 0 FROM feed_submission WHERE id > $FEED_MARK" || return 1
  kill9
  done_msgs=$(sql -c "SELECT sum(processed) || ' msgs; ' || count(*) FILTER (WHERE status = '_IN_PROGRESS_') || ' feeds in progress, ' || count(*) FILTER (WHERE status = '_DONE_') || ' done' FROM feed_submission WHERE id > $FEED_MARK")
  LANDED="feeds: $done_msgs (aimed at $target of $1)"
}
kill_in_reports() {   # CrashLoad sends the requests and kills the node itself, wait_ms after the last answer
  local wait_ms=$(( RANDOM % 500 ))
  load reports "$RUN/state" "$round" "$SERVER" "$wait_ms"
  { wait "$SERVER"; } 2>/dev/null || true; SERVER=
  LANDED="reports: $(sql -c "SELECT count(*) FILTER (WHERE status = '_IN_PROGRESS_') || ' in progress, ' || count(*) FILTER (WHERE status LIKE '_DONE%') || ' done of ' || count(*) FROM report_request WHERE id > $REPORT_MARK") (+${wait_ms} ms)"
}
kill_in_orders() {
  local target=$(( GEN_MARK + BURST_ORDERS * (10 + RANDOM % 80) / 100 ))
  until_sql "orders to reach $target" "SELECT count(*) >= $target FROM order_item WHERE sku = 'GEN-1'" || return 1
  kill9
  LANDED="orders: $(( $(gen_orders) - GEN_MARK )) of ~$BURST_ORDERS placed (aimed at $(( target - GEN_MARK )))"
}

run_workload() {   # $1: ref|crash
  local mode=$1 round phase t0 messages restarted
  DB=openmws_$mode
  RUN=$WORK/$mode
  mkdir -p "$RUN/node" "$RUN/results"
  psql -h localhost -p $PGPORT -U postgres -qc "CREATE DATABASE $DB" >/dev/null
  RANDOM=$SEED
  start
  load setup "$RUN/state" "$SELLERS"
  load feeds "$RUN/state" 0 >/dev/null
  feeds_done
  [ "$mode" = crash ] && { echo; echo "| round | kill in | where it landed | restart | back to done |"; echo "|---:|---|---|---:|---:|"; }
  for round in $(seq 1 "$ROUNDS"); do
    phase=$(( (round - 1) % 3 ))
    LANDED=
    load orders "$RUN/state" "$round"
    FEED_MARK=$(sql -c "SELECT coalesce(max(id), 0) FROM feed_submission")
    REPORT_MARK=$(sql -c "SELECT coalesce(max(id), 0) FROM report_request")
    messages=$(load feeds "$RUN/state" "$round")
    if [ "$mode" = crash ] && [ $phase = 0 ]; then
      kill_in_feeds "$messages"; t0=$(now_ms); start; restarted=$(( $(now_ms) - t0 ))
    fi
    feeds_done
    if [ "$mode" = crash ] && [ $phase = 1 ]; then
      kill_in_reports; t0=$(now_ms); start; restarted=$(( $(now_ms) - t0 ))
    else
      load reports "$RUN/state" "$round"
    fi
    reports_done
    GEN_MARK=$(gen_orders)
    load generator "$RUN/state" $PER_HOUR
    control /sandbox/v1/clock/advance '{"duration":"PT31M"}'
    if [ "$mode" = crash ] && [ $phase = 2 ]; then
      kill_in_orders; t0=$(now_ms); start; restarted=$(( $(now_ms) - t0 ))
    fi
    generator_caught_up
    load generator "$RUN/state" 0
    if [ "$mode" = crash ]; then
      printf '| %d | %s | %s | %.1f s | %.1f s |\n' "$round" "$(echo feeds reports orders | cut -d' ' -f$((phase + 1)))" "$LANDED" \
        "$(echo "$restarted / 1000" | bc -l)" "$(echo "($(now_ms) - $t0) / 1000" | bc -l)"
    else
      echo "round $round done"
    fi
  done
  # The settlement period ends: its groups close and the platform requests their settlement reports.
  control /sandbox/v1/clock/advance '{"duration":"P15D"}'
  until_sql "settlement" "SELECT count(*) = 0 FROM financial_event_group WHERE processing_status = 'Open' AND event_count > 0"
  until_sql "settlement reports" "SELECT count(*) >= (SELECT count(*) FROM financial_event_group WHERE processing_status = 'Closed') FROM report_request WHERE report_type = '_GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_'"
  reports_done
  load results "$RUN/state" "$RUN/results"
  dump
  kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
}

SELLER="a.business_name"
dump() {
  local out=$RUN/results
  sql -c "SELECT $SELLER, f.feed_type, f.status, f.processed, f.messages_successful, f.messages_with_error, f.messages_with_warning
          FROM feed_submission f JOIN seller_account a ON a.id = f.account_id ORDER BY 1, f.submitted_at, f.id" >"$out/db-feeds.txt"
  sql -c "SELECT $SELLER, l.sku, l.product_id, l.title, l.brand, l.price, l.quantity, l.status
          FROM listing l JOIN seller_account a ON a.id = l.account_id WHERE l.sku <> 'GEN-1' ORDER BY 1, 2" >"$out/db-listings.txt"
  sql -c "SELECT $SELLER, q.report_type, q.source, q.status, (SELECT count(*) FROM report r WHERE r.request_ref = q.id)
          FROM report_request q JOIN seller_account a ON a.id = q.account_id ORDER BY 1, 2, 3, 4" >"$out/db-report-requests.txt"
  sql -c "SELECT $SELLER, o.status, o.order_total, o.items_shipped, o.items_unshipped, i.sku, i.quantity_ordered, i.quantity_shipped,
                 i.item_price, i.shipping_price, i.item_tax
          FROM customer_order o JOIN order_item i ON i.order_ref = o.id JOIN seller_account a ON a.id = o.account_id
          WHERE i.sku LIKE 'CTRL-%' ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11" >"$out/db-control-orders.txt"
  sql -c "SELECT $SELLER, e.event_type, e.amount, e.currency,
                 (SELECT string_agg(t.seller_sku || ':' || t.quantity, ',' ORDER BY t.seq) FROM financial_event_item t WHERE t.event_ref = e.id)
          FROM financial_event e JOIN seller_account a ON a.id = e.account_id ORDER BY 1, 2, 3, 4, 5" >"$out/db-financial-events.txt"
  sql -c "SELECT $SELLER, g.processing_status, g.original_total, g.event_count, g.fund_transfer_status
          FROM financial_event_group g JOIN seller_account a ON a.id = g.account_id ORDER BY 1, g.period_start" >"$out/db-settlements.txt"
  # Invariants of the generated orders (random SKU choice and service levels: not comparable one to one).
  sql -c "WITH gen AS (SELECT o.account_id, o.purchase_date FROM customer_order o JOIN order_item i ON i.order_ref = o.id WHERE i.sku = 'GEN-1'),
               steps AS (SELECT account_id, purchase_date - lag(purchase_date) OVER (PARTITION BY account_id ORDER BY purchase_date) AS step FROM gen)
          SELECT $SELLER,
                 (SELECT count(*) FROM gen WHERE gen.account_id = a.id) AS orders,
                 (SELECT count(*) - count(DISTINCT purchase_date) FROM gen WHERE gen.account_id = a.id) AS twice,
                 (SELECT count(*) FROM steps s WHERE s.account_id = a.id AND s.step > interval '6 seconds') AS gaps,
                 (SELECT count(*) FROM steps s WHERE s.account_id = a.id AND s.step < interval '6 seconds') AS short_steps,
                 1000000 - (SELECT quantity FROM listing l WHERE l.account_id = a.id AND l.sku = 'GEN-1') AS units_taken,
                 (SELECT count(*) FROM order_item i JOIN customer_order o ON o.id = i.order_ref WHERE o.account_id = a.id AND i.sku = 'GEN-1' AND i.quantity_ordered <> 1) AS not_one_unit
          FROM seller_account a WHERE a.business_name LIKE 'Crash Seller %' ORDER BY 1" >"$out/invariants-generated.txt"
  sql -c "SELECT $SELLER, g.group_id, g.original_total, coalesce(sum(e.amount), 0), g.event_count, count(e.id)
          FROM financial_event_group g JOIN seller_account a ON a.id = g.account_id LEFT JOIN financial_event e ON e.group_ref = g.id
          GROUP BY 1, 2, 3, 5 HAVING g.original_total <> coalesce(sum(e.amount), 0) OR g.event_count <> count(e.id)" >"$out/invariants-totals.txt"
  sql -c "SELECT amazon_order_id, event_type, count(*) FROM financial_event GROUP BY 1, 2 HAVING count(*) > 1" >"$out/invariants-events-once.txt"
}

T0=$(now_ms)
echo "== the crash run: a kill -9 in every round"
run_workload crash
echo "crash run: $(( ($(now_ms) - T0) / 1000 )) s; server log: $(grep -c ' ERROR ' "$WORK/crash/server.log" || true) ERROR lines"
T1=$(now_ms)
echo "== the undisturbed run of the same workload on a fresh database"
run_workload ref >/dev/null
echo "undisturbed run: $(( ($(now_ms) - T1) / 1000 )) s"

echo
echo "| compared | undisturbed | after $ROUNDS kills | same |"
echo "|---|---:|---:|---|"
FAILED=0
compare() {   # $1: what, $2: file or dir name under results
  local a=$WORK/ref/results/$2 b=$WORK/crash/results/$2 n same
  if [ -d "$a" ]; then n="$(ls "$a" | wc -l) files"; else n="$(wc -l <"$a") rows"; fi
  if [ -d "$a" ]; then nb="$(ls "$b" | wc -l) files"; else nb="$(wc -l <"$b") rows"; fi
  if diff -r "$a" "$b" >"$WORK/diff.txt"; then same=yes; else same="**NO**"; FAILED=1; head -20 "$WORK/diff.txt" >&2; fi
  echo "| $1 | $n | $nb | $same |"
}
mkdir -p "$WORK/ref/results/processing" "$WORK/crash/results/processing" "$WORK/ref/results/reports" "$WORK/crash/results/reports"
for m in ref crash; do
  mv "$WORK/$m/results"/feed.*.txt "$WORK/$m/results/processing/"
  mv "$WORK/$m/results"/report.*.txt "$WORK/$m/results/reports/"
done
compare "feeds: status and counts, one row each" db-feeds.txt
compare "processing reports (ids named by place)" processing
compare "listings" db-listings.txt
compare "report requests and their reports (count)" db-report-requests.txt
compare "requested reports (listings whole, orders' control lines)" reports
compare "control orders and their items" db-control-orders.txt
compare "financial events (multiset)" db-financial-events.txt
compare "settlement groups: status, total, events" db-settlements.txt
for m in ref crash; do
  echo
  echo "generated orders ($m run): seller | orders | same due time twice | gaps (expect $(( ROUNDS - 1 ))) | steps < 6 s | units taken | not one unit"
  cat "$WORK/$m/results/invariants-generated.txt"
  awk -F'|' -v gaps=$(( ROUNDS - 1 )) '$3 != 0 || $4 != gaps || $5 != 0 || $6 != $2 || $7 != 0 { bad = 1 } END { exit bad }' \
    "$WORK/$m/results/invariants-generated.txt" || { echo "**generated orders broke an invariant**"; FAILED=1; }
  for f in invariants-totals invariants-events-once; do
    [ -s "$WORK/$m/results/$f.txt" ] && { echo "**$f ($m):**"; cat "$WORK/$m/results/$f.txt"; FAILED=1; }
  done
done
echo
[ $FAILED = 0 ] && echo "ALL SAME" || echo "DIFFERENCES FOUND"
exit $FAILED
