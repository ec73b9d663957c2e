#!/bin/bash
# The hot paths against /health/live, in one run on one Release silo (embedded store, write limits off), with wrk:
#   GET /health/live (wrk, then `moderation load baseline` beside it), cached GET /api/polls/{id}/results,
#   POST /api/polls/{id}/votes (a new reader each), POST /api/articles/{id}/comments (a new reader and
#   Idempotency-Key each); then checks the stored counts against the answers and prints, per scenario,
#   requests/s, the ratio to wrk's /health/live and the silo's CPU per request (utime+stime from /proc/<pid>/stat),
#   and for the writes the silo's write system calls and bytes to disk per write (/proc/<pid>/io).
# Usage: tests/Moderation.Benchmarks/Scripts/wrk/hot-paths.sh
#   DURATION (8s), CONNECTIONS (64), THREADS (2), WARMUP (3s, per scenario, on its own poll or article),
#   TOKENS (250000 readers), PORT (5391), SKIP_BUILD=1 to reuse the Release build,
#   PROFILE_DIR=dir to profile the silo afterwards during extra vote and comment runs (perf, dotnet-trace,
#   dotnet-counters; see profile() below and profile.py).
# Needs wrk (apt-get install wrk), python3, curl; for PROFILE_DIR also perf (apt-get install linux-perf) and
# `dotnet tool install -g dotnet-trace` and `dotnet-counters`.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
SCRIPTS=tests/Moderation.Benchmarks/Scripts/wrk
DURATION=${DURATION:-8s}; CONNECTIONS=${CONNECTIONS:-64}; THREADS=${THREADS:-2}; WARMUP=${WARMUP:-3s}
TOKENS=${TOKENS:-250000}; PORT=${PORT:-5391}
URL=http://127.0.0.1:$PORT
SECONDS_RUN=${DURATION%s}
WRITE_SECONDS=$(python3 -c "print(max(1.0, $SECONDS_RUN - 0.5))")   # the last 0.5 s drains on /health/live
DATA=$(mktemp -d /tmp/hot-paths.XXXX)
KEY=$(head -c 48 /dev/urandom | base64 -w0)

if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build -c Release silo > /dev/null
  dotnet build -c Release client > /dev/null
fi
# For perf: the JIT'd code's names in /tmp/perf-<pid>.map, and that code mapped once (W^X double-maps it from a memfd
# that perf cannot name). Only the silo gets these, and only when profiling.
PROFILE_ENV=(); [ -n "${PROFILE_DIR:-}" ] && PROFILE_ENV=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
env "${PROFILE_ENV[@]}" dotnet silo/bin/Release/net10.0/Moderation.Silo.dll --environment=Production --urls=$URL --Auth:SigningKey=$KEY \
  --Storage:DataDirectory=$DATA/store --Orleans:SiloPort=11391 --Orleans:GatewayPort=30391 \
  --RateLimits:Enabled=false --Comments:PostInterval=00:00:00 --Logging:LogLevel:Default=Warning > $DATA/silo.log 2>&1 &
SILO=$!
trap 'kill $SILO 2>/dev/null; wait $SILO 2>/dev/null || true; rm -rf $DATA /tmp/perf-$SILO.map' EXIT
until curl -sf $URL/health/ready > /dev/null; do kill -0 $SILO; sleep 0.5; done

moderation() { dotnet client/bin/Release/net10.0/moderation.dll "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
EDITOR=$(moderation token --signing-key "$KEY" --subject hot-paths-editor --role editor --role moderator)
api() { curl -sf -X "$1" "$URL$2" -H "authorization: Bearer $EDITOR" -H 'content-type: application/json' ${3:+-d "$3"}; }
new_poll() { api POST /api/articles/$1/polls '{"question":"Should the bridge be rebuilt?","options":["Yes","No","Not sure"]}' | json 'd["id"]'; }
RUN=$(date +%s)
POLL=$(new_poll hot-paths-$RUN); WARM_POLL=$(new_poll hot-paths-warm-$RUN)
ARTICLE=hot-paths-$RUN; WARM_ARTICLE=hot-paths-warm-$RUN
OPTIONS=o1,o2,o3
$SCRIPTS/mint-tokens.sh "$KEY" "$TOKENS" "reader-$RUN" > $DATA/tokens.txt

TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' /proc/$SILO/stat; }
io() { awk -v key=$1: '$1 == key { print $2 }' /proc/$SILO/io; }   # syscw: write system calls; write_bytes: to the disk
wrk_run() { wrk -t$THREADS -c$CONNECTIONS -d$1 --timeout 10s "${@:2}"; }
requests_of() { sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' $1; }
non2xx_of() { sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\)/\1/p' $1; }
field() { sed -n "s/.*RESULT.* $2=\([0-9.]*\).*/\1/p; s/^RESULT $2=\([0-9.]*\).*/\1/p" $1 | head -1; }
# cpu_us TICKS_BEFORE TICKS_AFTER REQUESTS [DRAINED]: CPU µs per request, the drain's /health/live answers taken off at its own cost
cpu_us() { python3 -c "print(round(((($2 - $1) / $TICKS) * 1e6 - ${4:-0} * ${HEALTH_US:-0}) / max(1, $3)))"; }

echo "machine: $(nproc) cores; $(uptime | sed 's/.*load/load/')"
echo "silo pid $SILO; poll $POLL; article $ARTICLE; $TOKENS reader tokens; wrk -t$THREADS -c$CONNECTIONS -d$DURATION"

# /health/live
wrk_run $WARMUP $URL/health/live > /dev/null
BEFORE=$(cpu_ticks); wrk_run $DURATION $URL/health/live > $DATA/health.txt; AFTER=$(cpu_ticks)
HEALTH_RATE=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' $DATA/health.txt)
HEALTH_US=$(cpu_us $BEFORE $AFTER $(requests_of $DATA/health.txt))
moderation load baseline --url $URL -n $CONNECTIONS -d $DURATION --json > $DATA/baseline.json
BASELINE_RATE=$(json 'round(d["throughput"])' < $DATA/baseline.json)

# cached results
wrk_run $WARMUP -s $SCRIPTS/results.lua $URL -- $POLL > /dev/null
BEFORE=$(cpu_ticks); wrk_run $DURATION -s $SCRIPTS/results.lua $URL -- $POLL > $DATA/results.txt; AFTER=$(cpu_ticks)
RESULTS_RATE=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' $DATA/results.txt)
RESULTS_US=$(cpu_us $BEFORE $AFTER $(requests_of $DATA/results.txt))
RESULTS_BAD=$(non2xx_of $DATA/results.txt)

# votes
WARM_SECONDS=$(python3 -c "print(max(1.0, ${WARMUP%s} - 0.5))")
wrk_run $WARMUP -s $SCRIPTS/votes.lua $URL -- $DATA/tokens.txt $WARM_POLL $OPTIONS $THREADS $WARM_SECONDS > /dev/null
BEFORE=$(cpu_ticks); WRITES=$(io syscw); BYTES=$(io write_bytes)
wrk_run $DURATION -s $SCRIPTS/votes.lua $URL -- $DATA/tokens.txt $POLL $OPTIONS $THREADS $WRITE_SECONDS > $DATA/votes.txt
AFTER=$(cpu_ticks)
VOTES_OK=$(field $DATA/votes.txt written); VOTES_REFUSED=$(field $DATA/votes.txt refused)
VOTES_RATE=$(field $DATA/votes.txt rate)
VOTES_US=$(cpu_us $BEFORE $AFTER $((VOTES_OK + VOTES_REFUSED)) $(field $DATA/votes.txt drain))
VOTES_DISK=$(python3 -c "print(f'{($(io syscw) - $WRITES) / max(1, $VOTES_OK):.2f} write calls and {($(io write_bytes) - $BYTES) / max(1, $VOTES_OK):.0f} bytes to disk')")
sleep 1   # the results are published at most 250 ms apart
VOTES_STORED=$(api GET /api/polls/$POLL/results | json 'd["totalVotes"]')
VOTES_DIFFERENCES=$(api POST /api/polls/$POLL/recount | json 'len(d["differences"])')

# comments
wrk_run $WARMUP -s $SCRIPTS/comments.lua $URL -- $DATA/tokens.txt $WARM_ARTICLE warm-$RUN $THREADS $WARM_SECONDS > /dev/null
BEFORE=$(cpu_ticks); WRITES=$(io syscw); BYTES=$(io write_bytes)
wrk_run $DURATION -s $SCRIPTS/comments.lua $URL -- $DATA/tokens.txt $ARTICLE run-$RUN $THREADS $WRITE_SECONDS > $DATA/comments.txt
AFTER=$(cpu_ticks)
POSTS_OK=$(field $DATA/comments.txt written); POSTS_REFUSED=$(field $DATA/comments.txt refused)
POSTS_PUBLISHED=$(field $DATA/comments.txt published); POSTS_RATE=$(field $DATA/comments.txt rate)
POSTS_US=$(cpu_us $BEFORE $AFTER $((POSTS_OK + POSTS_REFUSED)) $(field $DATA/comments.txt drain))
POSTS_DISK=$(python3 -c "print(f'{($(io syscw) - $WRITES) / max(1, $POSTS_OK):.2f} write calls and {($(io write_bytes) - $BYTES) / max(1, $POSTS_OK):.0f} bytes to disk')")
ARTICLE_COUNT=$(api GET /api/articles/$ARTICLE | json 'd["commentCount"]')
api POST /api/articles/$ARTICLE/recount > $DATA/recount.json
POSTS_SCANNED=$(json 'd["commentsScanned"]' < $DATA/recount.json)
POSTS_CORRECTED=$(json 'int(d["publishedBefore"] != d["published"]) + d["replyCountsCorrected"]' < $DATA/recount.json)

ratio() { python3 -c "print(f'{$1 / $HEALTH_RATE:.3f}')"; }
verdict() { [ "$1" = "$2" ] && echo exact || echo "MISMATCH"; }
echo
echo "| request | per second | ratio to /health/live | silo CPU per request |"
echo "|---|---|---|---|"
echo "| GET /health/live (wrk) | ${HEALTH_RATE%.*} | 1 | $HEALTH_US µs |"
echo "| GET /health/live (moderation load baseline -n $CONNECTIONS) | $BASELINE_RATE | $(ratio $BASELINE_RATE) | |"
echo "| GET /api/polls/{id}/results (cached) | ${RESULTS_RATE%.*} | $(ratio $RESULTS_RATE) | $RESULTS_US µs |"
echo "| POST /api/polls/{id}/votes, a new reader each | ${VOTES_RATE%.*} | $(ratio $VOTES_RATE) | $VOTES_US µs |"
echo "| POST /api/articles/{id}/comments, a new reader each | ${POSTS_RATE%.*} | $(ratio $POSTS_RATE) | $POSTS_US µs |"
echo
echo "results: non-2xx ${RESULTS_BAD:-0}"
echo "votes: $VOTES_OK counted (200), $VOTES_REFUSED refused; the poll's totalVotes $VOTES_STORED ($(verdict $VOTES_OK $VOTES_STORED)); recount differences: $VOTES_DIFFERENCES"
echo "comments: $POSTS_OK created (201; $POSTS_PUBLISHED published), $POSTS_REFUSED refused; recount scanned $POSTS_SCANNED ($(verdict $POSTS_OK $POSTS_SCANNED)), commentCount $ARTICLE_COUNT ($(verdict $POSTS_PUBLISHED $ARTICLE_COUNT)), corrected $POSTS_CORRECTED"
echo "per vote: $VOTES_DISK; per comment post: $POSTS_DISK (the silo's /proc/<pid>/io: syscw, write_bytes)"
echo "exhausted token files: votes $(field $DATA/votes.txt exhausted), comments $(field $DATA/comments.txt exhausted)"

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
  profile votes -s $SCRIPTS/votes.lua $URL -- $DATA/tokens.txt $(new_poll hot-paths-profile-$RUN) $OPTIONS $THREADS 19.5
  profile comments -s $SCRIPTS/comments.lua $URL -- $DATA/tokens.txt hot-paths-profile-$RUN profile-$RUN $THREADS 19.5
  cp $DATA/silo.log $PROFILE_DIR/silo.log
fi
