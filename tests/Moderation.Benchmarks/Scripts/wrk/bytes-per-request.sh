#!/bin/bash
# Bytes allocated and thread-pool work items per request, exact rather than sampled: the runtime's cumulative counters
# (dotnet.gc.heap.total_allocated, dotnet.thread_pool.work_item.count) read from /metrics before and after a wrk run of
# 8 s, over the requests answered; for GET /health/live and for POST /api/polls/{id}/votes (a new reader each). Unlike
# CPU time, these do not move with the machine's load, so a small cut shows on a busy machine.
# One Release silo on the embedded store, write limits off, Telemetry:Prometheus on (its own per-request metrics are in
# both figures). The votes run sends votes to its end (no drain): the at most 64 votes in flight at the stop are
# allocated but not counted, well under 1 % of a run.
# Usage: tests/Moderation.Benchmarks/Scripts/wrk/bytes-per-request.sh   PORT (5391), SKIP_BUILD=1, SILO_ARGS
# Needs wrk, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
SCRIPTS=tests/Moderation.Benchmarks/Scripts/wrk
PORT=${PORT:-5391}; URL=http://127.0.0.1:$PORT
DATA=$(mktemp -d /tmp/bytes-per-request.XXXX); KEY=$(head -c 48 /dev/urandom | base64 -w0)
if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build -c Release silo > /dev/null
  dotnet build -c Release client > /dev/null
fi
dotnet silo/bin/Release/net10.0/Moderation.Silo.dll --environment=Production --urls=$URL --Auth:SigningKey=$KEY \
  --Storage:DataDirectory=$DATA/store --Orleans:SiloPort=$((PORT + 6000)) --Orleans:GatewayPort=$((PORT + 25000)) \
  --RateLimits:Enabled=false --Logging:LogLevel:Default=Warning --Telemetry:Prometheus=true ${SILO_ARGS:-} > $DATA/silo.log 2>&1 &
SILO=$!
stop() { kill $SILO 2>/dev/null; wait $SILO 2>/dev/null || true; rm -rf $DATA; }
trap stop EXIT
until curl -sf $URL/health/ready > /dev/null; do kill -0 $SILO; sleep 0.5; done
EDITOR=$(dotnet client/bin/Release/net10.0/moderation.dll token --signing-key "$KEY" --subject bytes-editor --role editor)
new_poll() {
  curl -sf -X POST $URL/api/articles/$1/polls -H "authorization: Bearer $EDITOR" -H 'content-type: application/json' \
    -d '{"question":"Should the bridge be rebuilt?","options":["Yes","No","Not sure"]}' | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])"
}
# counter NAME: the sum of a counter's series in the Prometheus text
counter() { curl -sf $URL/metrics | awk -v name="$1" '$1 ~ "^" name "(_total)?({.*})?$" { sum += $2 } END { printf "%.0f\n", sum }'; }
$SCRIPTS/mint-tokens.sh "$KEY" 200000 "bytes-$(date +%s)" > $DATA/tokens.txt
wrk -t2 -c64 -d3s $URL/health/live > /dev/null
wrk -t2 -c64 -d4s -s $SCRIPTS/votes.lua $URL -- $DATA/tokens.txt "$(new_poll bytes-warm)" o1,o2,o3 2 3 > /dev/null

echo "machine: $(nproc) cores; $(uptime | sed 's/.*load/load/')"
# measure LABEL WRK_ARGS...: one 8 s wrk run, its requests answered and the counters' growth over them
measure() {
  local bytes work answered
  bytes=$(counter dotnet_gc_heap_total_allocated_bytes); work=$(counter dotnet_thread_pool_work_item_count)
  wrk -t2 -c64 -d8s --timeout 10s "${@:2}" > $DATA/run.txt
  bytes=$(( $(counter dotnet_gc_heap_total_allocated_bytes) - bytes )); work=$(( $(counter dotnet_thread_pool_work_item_count) - work ))
  answered=$(python3 -c "import re; t = open('$DATA/run.txt').read(); m = re.search(r'RESULT written=(\d+) refused=(\d+)', t); print(int(m.group(1)) + int(m.group(2)) if m else int(re.search(r'(\d+) requests in', t).group(1)))")
  python3 -c "import sys; print(f'{sys.argv[1]}: {$answered} answered; {$bytes / $answered / 1024:.2f} KB allocated and {$work / $answered:.2f} thread-pool work items per request')" "$1"
}
measure "GET /health/live" $URL/health/live
measure "POST /api/polls/{id}/votes" -s $SCRIPTS/votes.lua $URL -- $DATA/tokens.txt "$(new_poll bytes-votes)" o1,o2,o3 2 30
grep -h RESULT $DATA/run.txt
