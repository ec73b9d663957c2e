#!/bin/bash
# The hot paths against /health/live, in one run on one Release silo (embedded store or redis-server, write limits off), with wrk:
#   GET /health/live (wrk, then `moderation load baseline` beside it), cached GET /api/polls/{id}/results,
#   POST /api/polls/{id}/votes (a new reader each), POST /api/articles/{id}/comments (a new reader and
#   Idempotency-Key each); then checks the stored counts against the answers and prints, per scenario,
#   requests/s, the ratio to wrk's /health/live and the silo's CPU per request (utime+stime from /proc/<pid>/stat),
#   and for the writes the store's write system calls and bytes to disk per write (/proc/<pid>/io of the silo, or of
#   redis-server with STORE=redis).
# Usage: tests/Moderation.Benchmarks/Scripts/wrk/hot-paths.sh
#   DURATION (8s), CONNECTIONS (64), THREADS (2), WARMUP (3s, per scenario, on its own poll or article),
#   TOKENS (250000 readers), PORT (5391; the silo's Orleans ports are PORT+6000 and PORT+25000),
#   SKIP_BUILD=1 to reuse the Release build, SILO_ARGS (more settings for the silo, e.g. --Storage:WriteConnections=2),
#   STORE=embedded (default: the silo's own Garnet, EMBEDDED_MEMORY bytes of memory, 2 GB by default) or STORE=redis (a redis-server from PATH on a free port, with
#   `appendonly yes`, `appendfsync always`: every write fsynced before its reply; its CPU is reported beside the silo's),
#   DRAIN (1: seconds of /health/live at the end of each write run),
#   COUNTERS=1 (dotnet-counters during the writes: thread-pool work items and bytes allocated per write),
#   SCENARIOS ("results votes comments", any subset; /health/live always runs), RUNS (1: runs in a row on one silo),
#   VOTE_KINDS ("single"; any of "single multiple scale": the votes scenario once per poll kind, multiple with 3 picks
#   of 4 options per vote, scale 1 to 5),
#   PROFILE_DIR=dir to profile the silo afterwards during extra vote and comment runs (perf, dotnet-trace,
#   dotnet-counters; see profile() below and profile.py).
# Needs wrk (apt-get install wrk), python3, curl; for PROFILE_DIR also perf (apt-get install linux-perf) and
# `dotnet tool install -g dotnet-trace` and `dotnet-counters`.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
SCRIPTS=tests/Moderation.Benchmarks/Scripts/wrk
DURATION=${DURATION:-8s}; CONNECTIONS=${CONNECTIONS:-64}; THREADS=${THREADS:-2}; WARMUP=${WARMUP:-3s}
TOKENS=${TOKENS:-250000}; PORT=${PORT:-5391}; STORE=${STORE:-embedded}; SCENARIOS=${SCENARIOS:-results votes comments}
URL=http://127.0.0.1:$PORT
SECONDS_RUN=${DURATION%s}
DRAIN=${DRAIN:-1}   # seconds at the end of each write run with only /health/live, so that no write is in flight at the stop
WRITE_SECONDS=$(python3 -c "print(max(1.0, $SECONDS_RUN - $DRAIN))")
DATA=$(mktemp -d /tmp/hot-paths.XXXX)
KEY=$(head -c 48 /dev/urandom | base64 -w0)

if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build -c Release silo > /dev/null
  dotnet build -c Release client > /dev/null
fi
# For perf: the JIT'd code's names in /tmp/perf-<pid>.map, and that code mapped once (W^X double-maps it from a memfd
# that perf cannot name). Only the silo gets these, and only when profiling.
PROFILE_ENV=(); [ -n "${PROFILE_DIR:-}" ] && PROFILE_ENV=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
SILO=""; REDIS=""; STORE_ARGS=()
stop() {
  if [ -n "$SILO" ]; then kill $SILO 2>/dev/null; wait $SILO 2>/dev/null || true; fi
  if [ -n "$REDIS" ]; then kill $REDIS 2>/dev/null; wait $REDIS 2>/dev/null || true; fi
  rm -rf $DATA /tmp/perf-$SILO.map
}
trap stop EXIT
if [ "$STORE" = redis ]; then
  REDIS_PORT=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
  mkdir -p $DATA/redis
  redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly yes --appendfsync always \
    --dir $DATA/redis > $DATA/redis.log 2>&1 &
  REDIS=$!
  until redis-cli -p $REDIS_PORT ping > /dev/null 2>&1; do kill -0 $REDIS; sleep 0.2; done
  STORE_ARGS=(--ConnectionStrings:Redis=127.0.0.1:$REDIS_PORT)
elif [ "$STORE" = embedded ]; then
  # Two runs write about 300,000 votes and 40,000 comments: past what the default 256 MB holds before its capacity
  # guard refuses writes (docs/deploy.md). The benchmark measures the paths, not that limit.
  STORE_ARGS=(--Storage:EmbeddedMemoryBytes=${EMBEDDED_MEMORY:-2147483648})
else
  echo "STORE must be embedded or redis" >&2; exit 3
fi
env "${PROFILE_ENV[@]}" dotnet silo/bin/Release/net10.0/Moderation.Silo.dll --environment=Production --urls=$URL --Auth:SigningKey=$KEY \
  --Storage:DataDirectory=$DATA/store --Orleans:SiloPort=$((PORT + 6000)) --Orleans:GatewayPort=$((PORT + 25000)) \
  --RateLimits:Enabled=false --Comments:PostInterval=00:00:00 --Logging:LogLevel:Default=Warning "${STORE_ARGS[@]}" ${SILO_ARGS:-} > $DATA/silo.log 2>&1 &
SILO=$!
until curl -sf $URL/health/ready > /dev/null; do kill -0 $SILO; sleep 0.5; done

moderation() { dotnet client/bin/Release/net10.0/moderation.dll "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
EDITOR=$(moderation token --signing-key "$KEY" --subject hot-paths-editor --role editor --role moderator)
api() { curl -sf -X "$1" "$URL$2" -H "authorization: Bearer $EDITOR" -H 'content-type: application/json' ${3:+-d "$3"}; }
VOTE_KINDS=${VOTE_KINDS:-single}
# new_poll ARTICLE [KIND]: a poll of that kind; options_of KIND: the votes votes.lua sends in turn on it
new_poll() {
  local body='{"question":"Should the bridge be rebuilt?","options":["Yes","No","Not sure"]}'
  case "${2:-single}" in
    multiple) body='{"question":"Which should be rebuilt?","kind":"multiple","maxChoices":3,"options":["Bridge","Road","School","Library"]}' ;;
    scale) body='{"question":"How far do you agree?","kind":"scale","scale":{"min":1,"max":5,"minLabel":"Not at all","maxLabel":"Fully"}}' ;;
  esac
  api POST /api/articles/$1/polls "$body" | json 'd["id"]'
}
options_of() {
  case "$1" in
    multiple) echo o1+o2+o3,o2+o3+o4,o1+o3+o4,o1+o2+o4 ;;
    scale) echo 1,2,3,4,5 ;;
    *) echo o1,o2,o3 ;;
  esac
}
RUN=$(date +%s)
OPTIONS=$(options_of single)
$SCRIPTS/mint-tokens.sh "$KEY" "$TOKENS" "reader-$RUN" > $DATA/tokens.txt

TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' /proc/${1:-$SILO}/stat; }
store_ticks() { if [ -n "$REDIS" ]; then cpu_ticks $REDIS; else echo 0; fi; }
# syscw: write system calls; write_bytes: to the disk; of the process that holds the store
io() { awk -v key=$1: '$1 == key { print $2 }' /proc/${REDIS:-$SILO}/io; }
STORE_PROCESS=silo; [ -n "$REDIS" ] && STORE_PROCESS=redis-server
wrk_run() { wrk -t$THREADS -c$CONNECTIONS -d$1 --timeout 10s "${@:2}"; }
requests_of() { sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' $1; }
non2xx_of() { sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\)/\1/p' $1; }
field() { sed -n "s/.*RESULT.* $2=\([0-9.]*\).*/\1/p; s/^RESULT $2=\([0-9.]*\).*/\1/p" $1 | head -1; }
# cpu_us TICKS_BEFORE TICKS_AFTER REQUESTS [DRAINED]: CPU µs per request, the drain's /health/live answers taken off at its own cost
cpu_us() { python3 -c "print(round(((($2 - $1) / $TICKS) * 1e6 - ${4:-0} * ${HEALTH_US:-0}) / max(1, $3)))"; }

want() { [[ " $SCENARIOS " == *" $1 "* ]]; }
echo "machine: $(nproc) cores; $(uptime | sed 's/.*load/load/'); store: $STORE"
echo "silo pid $SILO; $TOKENS reader tokens; wrk -t$THREADS -c$CONNECTIONS -d$DURATION; scenarios: $SCENARIOS; runs: ${RUNS:-1}"

# One measured run: /health/live, then each scenario of SCENARIOS on a fresh poll or article, each after its warm-up.
measure() {
  local run=$1 poll warm_poll article=hot-paths-$RUN-$1 warm_article=hot-paths-warm-$RUN-$1
  local before after store_before store_after writes bytes
  echo
  echo "run $run: $(date -u +%H:%M:%S) UTC, $(uptime | sed 's/.*load/load/')"
  wrk_run $WARMUP $URL/health/live > /dev/null
  before=$(cpu_ticks); wrk_run $DURATION $URL/health/live > $DATA/health.txt; after=$(cpu_ticks)
  HEALTH_RATE=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' $DATA/health.txt)
  HEALTH_US=$(cpu_us $before $after $(requests_of $DATA/health.txt))
  moderation load baseline --url $URL -n $CONNECTIONS -d $DURATION --json > $DATA/baseline.json
  local baseline_rate; baseline_rate=$(json 'round(d["throughput"])' < $DATA/baseline.json)
  local checks=() disk=()
  local store_column=""; [ -n "$REDIS" ] && store_column=" redis-server CPU per request |"
  echo
  echo "| request | per second | ratio to /health/live | silo CPU per request |$store_column"
  echo "|---|---|---|---|${store_column:+---|}"
  echo "| GET /health/live (wrk) | ${HEALTH_RATE%.*} | 1 | $HEALTH_US µs |${store_column:+ |}"
  echo "| GET /health/live (moderation load baseline -n $CONNECTIONS) | $baseline_rate | $(ratio $baseline_rate) | |${store_column:+ |}"

  if want results; then
    poll=$(new_poll results-$article)
    wrk_run $WARMUP -s $SCRIPTS/results.lua $URL -- $poll > /dev/null
    before=$(cpu_ticks); store_before=$(store_ticks)
    wrk_run $DURATION -s $SCRIPTS/results.lua $URL -- $poll > $DATA/results.txt
    after=$(cpu_ticks); store_after=$(store_ticks)
    local rate requests; rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' $DATA/results.txt); requests=$(requests_of $DATA/results.txt)
    echo "| GET /api/polls/{id}/results (cached) | ${rate%.*} | $(ratio $rate) | $(cpu_us $before $after $requests) µs |${store_column:+ $(HEALTH_US=0 cpu_us $store_before $store_after $requests) µs |}"
    local bad; bad=$(non2xx_of $DATA/results.txt)
    checks+=("results: non-2xx ${bad:-0}")
  fi

  if want votes; then
    local kind
    for kind in $VOTE_KINDS; do
    local options; options=$(options_of $kind)
    local label="POST /api/polls/{id}/votes, a new reader each"; [ "$kind" != single ] && label="$label ($kind)"
    poll=$(new_poll votes-$kind-$article $kind); warm_poll=$(new_poll votes-$kind-$warm_article $kind)
    wrk_run $WARMUP -s $SCRIPTS/votes.lua $URL -- $DATA/tokens.txt $warm_poll $options $THREADS $WARM_SECONDS > /dev/null
    before=$(cpu_ticks); store_before=$(store_ticks); writes=$(io syscw); bytes=$(io write_bytes)
    counted votes -s $SCRIPTS/votes.lua $URL -- $DATA/tokens.txt $poll $options $THREADS $WRITE_SECONDS
    after=$(cpu_ticks); store_after=$(store_ticks)
    local ok refused answered
    ok=$(field $DATA/votes.txt written); refused=$(field $DATA/votes.txt refused); answered=$((ok + refused))
    echo "| $label | $(printf %.0f $(field $DATA/votes.txt rate)) | $(ratio $(field $DATA/votes.txt rate)) | $(cpu_us $before $after $answered $(field $DATA/votes.txt drain)) µs |${store_column:+ $(HEALTH_US=0 cpu_us $store_before $store_after $answered) µs |}"
    disk+=("per vote ($kind): $(per_write $writes $bytes $ok)$(per_request votes)")
    sleep 1   # the results are published at most 250 ms apart
    local stored differences
    # voters: a multiple-choice vote adds to several options' totals but is one voter
    stored=$(api GET /api/polls/$poll/results | json 'd["voters"]')
    differences=$(api POST /api/polls/$poll/recount | json 'len(d["differences"])')
    checks+=("votes ($kind): $ok counted (200), $refused refused; the poll's voters $stored ($(verdict $ok $stored $DATA/votes.txt)); recount differences: $differences; tokens exhausted: $(field $DATA/votes.txt exhausted)")
    done
  fi

  if want comments; then
    wrk_run $WARMUP -s $SCRIPTS/comments.lua $URL -- $DATA/tokens.txt $warm_article warm-$RUN-$run $THREADS $WARM_SECONDS > /dev/null
    before=$(cpu_ticks); store_before=$(store_ticks); writes=$(io syscw); bytes=$(io write_bytes)
    counted comments -s $SCRIPTS/comments.lua $URL -- $DATA/tokens.txt $article run-$RUN-$run $THREADS $WRITE_SECONDS
    after=$(cpu_ticks); store_after=$(store_ticks)
    local posted refused published answered count scanned corrected
    posted=$(field $DATA/comments.txt written); refused=$(field $DATA/comments.txt refused); answered=$((posted + refused))
    published=$(field $DATA/comments.txt published)
    echo "| POST /api/articles/{id}/comments, a new reader each | $(printf %.0f $(field $DATA/comments.txt rate)) | $(ratio $(field $DATA/comments.txt rate)) | $(cpu_us $before $after $answered $(field $DATA/comments.txt drain)) µs |${store_column:+ $(HEALTH_US=0 cpu_us $store_before $store_after $answered) µs |}"
    disk+=("per comment post: $(per_write $writes $bytes $posted)$(per_request comments)")
    count=$(api GET /api/articles/$article | json 'd["commentCount"]')
    api POST /api/articles/$article/recount > $DATA/recount.json
    scanned=$(json 'd["commentsScanned"]' < $DATA/recount.json)
    corrected=$(json 'int(d["publishedBefore"] != d["published"]) + d["replyCountsCorrected"]' < $DATA/recount.json)
    checks+=("comments: $posted created (201; $published published), $refused refused; recount scanned $scanned ($(verdict $posted $scanned $DATA/comments.txt)), commentCount $count ($(verdict $published $count $DATA/comments.txt)), corrected $corrected; tokens exhausted: $(field $DATA/comments.txt exhausted)")
  fi

  echo
  printf '%s\n' "${checks[@]}"
  [ ${#disk[@]} -gt 0 ] && printf '%s\n' "${disk[@]}" && echo "(write calls and bytes: the $STORE_PROCESS's /proc/<pid>/io, syscw and write_bytes)"
  return 0
}

ratio() { python3 -c "print(f'{$1 / $HEALTH_RATE:.3f}')"; }
# verdict ACKNOWLEDGED STORED WRK_OUTPUT: more stored than acknowledged means answers that never arrived (a write still
# in flight when wrk stopped, or past its --timeout): not a lost write, but the count cannot be checked exactly
verdict() {
  if [ "$1" = "$2" ]; then echo exact
  elif [ "$2" -gt "$1" ]; then echo "MISMATCH: $(( $2 - $1 )) stored without an answer; $(grep -h 'Socket errors' $3 || echo 'no socket errors')"
  else echo "MISMATCH: $(( $1 - $2 )) acknowledged but not stored"; fi
}
per_write() { python3 -c "print(f'{($(io syscw) - $1) / max(1, $3):.2f} write calls and {($(io write_bytes) - $2) / max(1, $3):.0f} bytes to disk')"; }
# counted NAME WRK_ARGS...: wrk_run, with dotnet-counters (COUNTERS=1) recording the silo from 1 s in until 1 s before the writes stop
counted() {
  local counters=""
  if [ -n "${COUNTERS:-}" ]; then
    (sleep 1; ~/.dotnet/tools/dotnet-counters collect -p $SILO --counters System.Runtime --refresh-interval 1 \
      --duration 00:00:00:$(python3 -c "print(f'{max(1, int($WRITE_SECONDS) - 2):02d}')") -o $DATA/$1.counters.csv > /dev/null 2>&1) &
    counters=$!
  fi
  wrk_run $DURATION "${@:2}" > $DATA/$1.txt
  if [ -n "$counters" ]; then wait $counters; fi
}
# per_request NAME: work items and allocations per acknowledged write (COUNTERS=1)
per_request() {
  [ -n "${COUNTERS:-}" ] && echo "; $(python3 $SCRIPTS/profile.py per-request $DATA/$1.counters.csv $(field $DATA/$1.txt rate)) (dotnet-counters)"
  return 0
}
WARM_SECONDS=$(python3 -c "print(max(1.0, ${WARMUP%s} - $DRAIN))")
for run in $(seq 1 ${RUNS:-1}); do measure $run; done

if [ -n "${PROFILE_DIR:-}" ]; then
  mkdir -p "$PROFILE_DIR"
  # profile NAME WRK_ARGS...: wrk for 20 s; perf samples the silo's CPU from the 3rd to the 9th second (-F 499, call
  # graphs by frame pointer, JIT'd names from the perf map), dotnet-trace's thread-time sampler from the 10th to the
  # 16th, dotnet-counters the runtime's counters throughout; the summaries go to NAME.perf.txt and NAME.trace.txt.
  profile() {
    wrk_run 20s "${@:2}" > $PROFILE_DIR/$1.wrk.txt &
    local load=$!
    sleep 2
    ~/.dotnet/tools/dotnet-counters collect -p $SILO --counters System.Runtime --duration 00:00:00:16 \
      -o $PROFILE_DIR/$1.counters.csv > /dev/null 2>&1 &
    local counters=$!
    sleep 1
    perf record -e cpu-clock -F 499 -g -p $SILO -o $PROFILE_DIR/$1.perf.data -- sleep 6 > /dev/null 2>&1
    sleep 1
    ~/.dotnet/tools/dotnet-trace collect -p $SILO --profile dotnet-sampled-thread-time --duration 00:00:00:06 \
      -o $PROFILE_DIR/$1.nettrace > /dev/null 2>&1
    wait $load $counters
    perf script -i $PROFILE_DIR/$1.perf.data 2> /dev/null > $PROFILE_DIR/$1.perf.script
    python3 $SCRIPTS/profile.py perf $PROFILE_DIR/$1.perf.script > $PROFILE_DIR/$1.perf.txt
    ~/.dotnet/tools/dotnet-trace convert --format speedscope -o $PROFILE_DIR/$1 $PROFILE_DIR/$1.nettrace > /dev/null
    python3 $SCRIPTS/profile.py speedscope $PROFILE_DIR/$1.speedscope.json > $PROFILE_DIR/$1.trace.txt
    python3 $SCRIPTS/profile.py counters $PROFILE_DIR/$1.counters.csv > $PROFILE_DIR/$1.counters.txt
    echo "profile $1: $PROFILE_DIR/$1.{perf,trace,counters}.txt; $(grep RESULT $PROFILE_DIR/$1.wrk.txt | head -1)"
  }
  want votes && profile votes -s $SCRIPTS/votes.lua $URL -- $DATA/tokens.txt $(new_poll hot-paths-profile-$RUN) $OPTIONS $THREADS 19.5
  want comments && profile comments -s $SCRIPTS/comments.lua $URL -- $DATA/tokens.txt hot-paths-profile-$RUN profile-$RUN $THREADS 19.5
  cp $DATA/silo.log $PROFILE_DIR/silo.log
fi
