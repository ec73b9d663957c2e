#!/bin/bash
# Live results at 10,000 listeners, before and after, in one run; and the load generator against wrk.
#   1. Builds the client and the silo (Release) of this work tree, and the silo of BEFORE (a commit, default the code
#      before issue 15's fan-out work) from `git archive` in a temporary folder.
#   2. For each silo (before, then after), RUNS times: starts it afresh on the embedded store (Production, fresh signing
#      key, write limits off), warms it with 200 listeners, then runs `moderation load listeners -n $LISTENERS --votes
#      $VOTES --silo-pid <silo>`; each run prints delays (vote sent -> results event showing it, every listener),
#      the generator's and the silo's CPU, and the silo's working set and managed heap (dotnet-gcdump, after a full
#      collection) before and after the listeners connected.
#   3. On the after silo: `wrk -t2 -c64 -d8s` on /health/live, then `moderation load baseline -n 64 -d 8s`, the ratio.
# Usage: tests/Moderation.Benchmarks/Scripts/listeners/listeners.sh
#   LISTENERS (10000), VOTES (10), RUNS (3), BEFORE (8a2620f; empty to skip), PORT (5371), SKIP_BUILD=1, SKIP_WRK=1
# Needs: wrk (apt-get install wrk), `dotnet tool install -g dotnet-gcdump` (else no heap figure), and a file-descriptor
# limit above LISTENERS + 1,000 for both processes (the script raises the soft limit to the hard one).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
LISTENERS=${LISTENERS:-10000}; VOTES=${VOTES:-10}; RUNS=${RUNS:-3}; BEFORE=${BEFORE-8a2620f}; PORT=${PORT:-5371}
URL=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/listeners.XXXX)
KEY=$(head -c 48 /dev/urandom | base64 -w0)
export PATH="$PATH:$HOME/.dotnet/tools"

ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt $((LISTENERS + 1000)) ]; then
  echo "ulimit -n is $(ulimit -n): raise the hard limit above $((LISTENERS + 1000)) (LimitNOFILE= for a service)" >&2; exit 1
fi

SILO=""
cleanup() {
  [ -n "$SILO" ] && kill "$SILO" 2>/dev/null && wait "$SILO" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build -c Release silo > /dev/null
  dotnet build -c Release client > /dev/null
fi
if [ -n "$BEFORE" ]; then
  mkdir "$WORK/before" && git archive "$BEFORE" | tar -x -C "$WORK/before"
  dotnet build -c Release "$WORK/before/silo" > /dev/null
fi

moderation() { dotnet client/bin/Release/net10.0/moderation.dll "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

start_silo() {  # start_silo DIR-OF-MODERATION.SILO.DLL NAME
  dotnet "$1/Moderation.Silo.dll" --environment=Production --urls=$URL --Auth:SigningKey=$KEY \
    --Storage:DataDirectory=$WORK/store-$2 --Orleans:SiloPort=11371 --Orleans:GatewayPort=30371 \
    --RateLimits:Enabled=false --Logging:LogLevel:Default=Warning > $WORK/silo-$2.log 2>&1 &
  SILO=$!
  until curl -sf $URL/health/ready > /dev/null; do kill -0 $SILO; sleep 0.5; done
}
stop_silo() { kill $SILO; wait $SILO 2>/dev/null || true; SILO=""; }

measure() {  # measure SLUG LABEL DIR-OF-MODERATION.SILO.DLL
  for run in $(seq 1 $RUNS); do
    # A fresh silo per run: a process's working set does not shrink when listeners leave, so only a first run's
    # difference means anything. 200 listeners warm the code paths (the JIT) and hardly touch the working set.
    start_silo "$3" "$1-$run"
    moderation load listeners --url $URL -n 200 --votes 3 --signing-key "$KEY" --json > /dev/null
    local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
    moderation load listeners --url $URL -n $LISTENERS --votes $VOTES --signing-key "$KEY" --silo-pid $SILO --json > "$WORK/$1-$run.json"
    json "'| $2 | $run | ' + f'{d[\"deliveries\"]:,} | {d[\"missing\"]} | {d[\"p50Ms\"]:.0f} | {d[\"p90Ms\"]:.0f} | **{d[\"p99Ms\"]:.0f}** | {d[\"maxMs\"]:.0f} | ' + f'{d[\"siloCpuPerDeliveryUs\"]:.1f} | {d[\"clientCpuSeconds\"]/d[\"votePhaseSeconds\"]:.0%} | ' + (f'{d[\"memory\"][\"workingSetPerListener\"]:,} / ' + (f'{d[\"memory\"][\"gcHeapPerListener\"]:,}' if d[\"memory\"][\"gcHeapPerListener\"] is not None else 'n/a')) +  ' | $load |'" < "$WORK/$1-$run.json"
    [ "$run" = "$RUNS" ] || stop_silo
  done
}

echo "machine: $(nproc) cores; ulimit -n $(ulimit -n); $(uptime | sed 's/.*load/load/')"
echo "$LISTENERS listeners, $VOTES votes per run, one at a time, 1.00 to 1.35 s apart"
echo
echo "| code | run | deliveries | missing | p50 ms | p90 ms | p99 ms | max ms | silo CPU µs per delivery | generator CPU (one core) | bytes per listener: working set / managed heap | load average (1, 5, 15 min) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
if [ -n "$BEFORE" ]; then
  measure before "before ($BEFORE)" "$WORK/before/silo/bin/Release/net10.0"
  stop_silo
fi
measure after "after ($(git rev-parse --short HEAD))" silo/bin/Release/net10.0

if [ -z "${SKIP_WRK:-}" ]; then
  wrk -t2 -c64 -d3s $URL/health/live > /dev/null
  WRK=$(wrk -t2 -c64 -d8s $URL/health/live | sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p')
  BASELINE=$(moderation load baseline --url $URL -n 64 -d 8s --json | json 'd["throughput"]')
  echo
  python3 -c "print(f'/health/live: wrk -t2 -c64 -d8s {float(\"$WRK\"):,.0f}/s; moderation load baseline -n 64 -d 8s {float(\"$BASELINE\"):,.0f}/s: {float(\"$BASELINE\")/float(\"$WRK\"):.2f} of wrk')"
fi
stop_silo
