# Shared by bench/gateway/run.sh and bench/size/run.sh (source it): the gateway measurement of
# BENCHMARKS.md, "MWS gateway under load", against one base URL (a node or a proxy in front of nodes).
# Needs wrk and the pre-signed bodies GatewayLoad writes.

# measure_gateway BASE_URL BODIES_FILE SECONDS OUT_DIR: warm-up, then with 16 connections as fast as
# each endpoint answers: signed ListMarketplaceParticipations, GET /actuator/health/liveness and
# GET /benchmark/bare (profile benchmark: Spring MVC outside the security chain), in GATEWAY_ROUNDS
# rounds (default 3); then the signed calls at about half the maximum of the median round. Leaves
# OUT_DIR/summary.txt with the median round's rates and ratios, each round's, and the latencies.
# A caller may define gateway_probe (called as "gateway_probe begin|end NAME" around each measured run)
# to sample what the machine does meanwhile.
probe() { if declare -F gateway_probe >/dev/null; then gateway_probe "$@"; fi; }
measure_gateway() {
  local url=$1 out=$4 seconds=$3
  export BODIES=$2
  local signed_lua
  signed_lua="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/gateway/signed.lua"
  # GATEWAY_WARMUP: seconds of signed calls first (a node just started needs more than the default).
  echo "== warm-up"
  wrk -t1 -c16 -d"${GATEWAY_WARMUP:-10}"s -s "$signed_lua" "$url/Sellers/2011-07-01" >/dev/null
  wrk -t1 -c16 -d5s "$url/actuator/health/liveness" >/dev/null
  wrk -t1 -c16 -d5s "$url/benchmark/bare" >/dev/null
  # The three maxima in turn, GATEWAY_ROUNDS times (default 3): this machine's speed drifts by half
  # within minutes, so a ratio is taken within each round and the median round is reported.
  local rounds=${GATEWAY_ROUNDS:-3} r
  for r in $(seq 1 "$rounds"); do
    echo "== round $r of $rounds: signed ListMarketplaceParticipations, 16 connections, as fast as it answers"
    [ "$r" = 1 ] && probe begin signed
    wrk -t1 -c16 -d"${seconds}"s --latency -s "$signed_lua" "$url/Sellers/2011-07-01" | tee "$out/signed-$r.txt"
    [ "$r" = 1 ] && probe end signed
    echo "== round $r of $rounds: GET /actuator/health/liveness, 16 connections, as fast as it answers"
    wrk -t1 -c16 -d"${seconds}"s --latency "$url/actuator/health/liveness" | tee "$out/plain-$r.txt"
    echo "== round $r of $rounds: GET /benchmark/bare (Spring MVC, no security chain), 16 connections"
    wrk -t1 -c16 -d"${seconds}"s --latency "$url/benchmark/bare" | tee "$out/bare-$r.txt"
  done
  rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
  local rows="" signed plain bare delay
  for r in $(seq 1 "$rounds"); do
    rows+="$(rate "$out/signed-$r.txt") $(rate "$out/plain-$r.txt") $(rate "$out/bare-$r.txt")"$'\n'
  done
  # The median round by signed/bare; its three rates are the ones reported.
  read -r signed plain bare < <(printf '%s' "$rows" | awk 'NF == 3 { print $1 / $3, $0 }' | sort -g \
    | awk '{ line[NR] = $2 " " $3 " " $4 } END { print line[int((NR + 1) / 2)] }')
  cp "$out/signed-1.txt" "$out/signed.txt"
  # Half the signed maximum: 16 connections, each pausing so that together they send about that many.
  delay=$(awk -v s="$signed" 'BEGIN { d = int(16 * 1000 / (s / 2)); print (d < 1 ? 1 : d) }')
  echo "== signed calls at about half the maximum (16 connections, ${delay} ms between calls on each)"
  DELAY_MS=$delay wrk -t1 -c16 -d"${seconds}"s --latency -s "$signed_lua" "$url/Sellers/2011-07-01" | tee "$out/half.txt"

  {
    awk -v s="$signed" -v p="$plain" 'BEGIN { printf "signed %.0f/s, liveness %.0f/s, ratio %.0f %%\n", s, p, 100 * s / p }'
    awk -v s="$signed" -v b="$bare" 'BEGIN { printf "signed %.0f/s, bare %.0f/s, ratio %.0f %%\n", s, b, 100 * s / b }'
    awk '/Requests\/sec/ {printf "half rate: %.0f calls/s", $2}' "$out/half.txt"
    awk '/^ +(50|90|99)%/ {printf ", p%s %s", substr($1, 1, length($1) - 1), $2} END {print ""}' "$out/half.txt"
    echo "(the median of $rounds rounds by signed/bare; each round below)"
    printf '%s' "$rows" | awk 'NF == 3 { printf "round %d: signed %.0f/s, liveness %.0f/s, plain MVC %.0f/s: %.0f %%\n", NR, $1, $2, $3, 100 * $1 / $3 }'
    cat "$out"/signed-*.txt "$out/half.txt" | grep -h "non-200 answers" | sed 's/^/signed calls, /'
  } >"$out/summary.txt"
  echo
  cat "$out/summary.txt"
}
