#!/bin/bash
# How many comments, or votes, the embedded store (no storage tier) holds in its memory before its capacity guard
# refuses writes: one Release silo on a fresh data directory, writes with wrk (comments.lua or votes.lua, a new reader
# each) in rounds of ROUND seconds until readiness says writes are refused (503 store-full; a round may also have 503s
# from a store that did not answer in time, on a loaded machine); then the acknowledged writes, the fill
# that readiness reports, and a check that every acknowledged write is stored (the article's commentCount, or the poll's
# total votes).
# Usage: tests/Moderation.Benchmarks/Scripts/wrk/capacity.sh
#   KIND (comments or votes), MEMORY (Storage:EmbeddedMemoryBytes, default 268435456: the default 256 MB),
#   ROUND (30s), TOKENS (100000 readers per round), CONNECTIONS (64), THREADS (2), PORT (5392), SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
SCRIPTS=tests/Moderation.Benchmarks/Scripts/wrk
KIND=${KIND:-comments}; MEMORY=${MEMORY:-268435456}; ROUND=${ROUND:-30s}; TOKENS=${TOKENS:-100000}
CONNECTIONS=${CONNECTIONS:-64}; THREADS=${THREADS:-2}; PORT=${PORT:-5392}
URL=http://127.0.0.1:$PORT
DATA=$(mktemp -d /tmp/capacity.XXXX)
KEY=$(head -c 48 /dev/urandom | base64 -w0)
if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build -c Release silo > /dev/null
  dotnet build -c Release client > /dev/null
fi
SILO=""
stop() {
  if [ -n "$SILO" ]; then kill $SILO 2>/dev/null; wait $SILO 2>/dev/null || true; fi
  rm -rf $DATA
}
trap stop EXIT
dotnet silo/bin/Release/net10.0/Moderation.Silo.dll --environment=Production --urls=$URL --Auth:SigningKey=$KEY \
  --Storage:DataDirectory=$DATA/store --Storage:EmbeddedMemoryBytes=$MEMORY \
  --Orleans:SiloPort=$((PORT + 6000)) --Orleans:GatewayPort=$((PORT + 25000)) \
  --RateLimits:Enabled=false --Comments:PostInterval=00:00:00 --Logging:LogLevel:Default=Warning > $DATA/silo.log 2>&1 &
SILO=$!
until curl -sf $URL/health/ready > /dev/null; do kill -0 $SILO; sleep 0.5; done

moderation() { dotnet client/bin/Release/net10.0/moderation.dll "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
EDITOR=$(moderation token --signing-key "$KEY" --subject capacity-editor --role editor --role moderator)
api() { curl -sf -X "$1" "$URL$2" -H "authorization: Bearer $EDITOR" -H 'content-type: application/json' ${3:+-d "$3"}; }
fill() { curl -s $URL/health/ready | json 'd["checks"]["store-capacity"]["description"]'; }
field() { sed -n "s/^RESULT.* $2=\([0-9.]*\).*/\1/p; s/^RESULT $2=\([0-9.]*\).*/\1/p" $1 | head -1; }
SECONDS_RUN=${ROUND%s}

RUN=$(date +%s); ARTICLE=capacity-$RUN
[ "$KIND" = votes ] && POLL=$(api POST /api/articles/$ARTICLE/polls '{"question":"Should the bridge be rebuilt?","options":["Yes","No","Not sure"]}' | json 'd["id"]')
echo "machine: $(nproc) cores; $(uptime | sed 's/.*load/load/'); kind: $KIND; memory: $MEMORY bytes; rounds of $ROUND"
total=0; published=0; round=0; started=$(date +%s)
while true; do
  round=$((round + 1))
  $SCRIPTS/mint-tokens.sh "$KEY" "$TOKENS" "reader-$RUN-$round" > $DATA/tokens.txt
  if [ "$KIND" = votes ]; then
    wrk -t$THREADS -c$CONNECTIONS -d$ROUND --timeout 10s -s $SCRIPTS/votes.lua $URL -- $DATA/tokens.txt $POLL o1,o2,o3 $THREADS $((SECONDS_RUN - 1)) > $DATA/round.txt
  else
    wrk -t$THREADS -c$CONNECTIONS -d$ROUND --timeout 10s -s $SCRIPTS/comments.lua $URL -- $DATA/tokens.txt $ARTICLE $RUN-$round $THREADS $((SECONDS_RUN - 1)) > $DATA/round.txt
  fi
  written=$(field $DATA/round.txt written); refused=$(field $DATA/round.txt refused)
  total=$((total + written)); published=$((published + $(field $DATA/round.txt published || true) + 0))
  echo "round $round, $(( $(date +%s) - started )) s: written $written (total $total), refused $refused; $(grep '^REFUSED' $DATA/round.txt | tr '\n' ' ')$(fill)"
  if [[ "$(fill)" == *"writes are refused (503)"* ]]; then break; fi
done
curl -s -X POST $URL/api/articles/$ARTICLE/comments -H "authorization: Bearer $EDITOR" -H 'content-type: application/json' -d '{"body":"One more, refused?"}'
echo
if [ "$KIND" = votes ]; then
  stored=$(api GET /api/polls/$POLL/results | json 'd["totalVotes"]')
else
  stored=$(api GET /api/articles/$ARTICLE | json 'd["commentCount"]')
fi
echo "acknowledged $KIND: $total (published comments: $published); stored (the article's commentCount, or the poll's total votes): $stored"
grep -E "full|refused" $DATA/silo.log | head -5 || true
