#!/bin/bash
# A generated Disqus export of N comments (default 100,000) imported by `moderation import disqus` into one silo
# (Release build) on redis-server: wall time, the client's and the silo's peak memory, and the recount of a few articles.
# Usage: tests/Moderation.Benchmarks/Scripts/import-disqus.sh [comments]
set -euo pipefail
cd "$(dirname "$0")/../../.."
COMMENTS=${1:-100000}
DATA=$(mktemp -d /tmp/import-disqus.XXXX)
URL=http://127.0.0.1:5183
REDIS_PORT=6493
dotnet build -c Release silo > /dev/null
dotnet build -c Release client > /dev/null
redis-server --port $REDIS_PORT --bind 127.0.0.1 --dir $DATA --appendonly yes --save '' > $DATA/redis.log 2>&1 &
REDIS=$!
dotnet silo/bin/Release/net10.0/Moderation.Silo.dll --environment=Development --urls=$URL --Storage:DataDirectory=$DATA \
  --ConnectionStrings:Redis=127.0.0.1:$REDIS_PORT --Orleans:SiloPort=11193 --Orleans:GatewayPort=30093 --Web:SeedDemo=false \
  --RateLimits:Enabled=false --Model:AutoRetrainLabels=0 > $DATA/silo.log 2>&1 &
SILO=$!
trap 'kill $SILO; wait $SILO || true; kill $REDIS; wait $REDIS || true; rm -rf $DATA' EXIT

# 2,000 threads of 50 comments; a third of the comments are replies (nested), one in 50 is spam, one in 40 deleted;
# one top-level comment in ten is written some 5,000 comments late, so its replies come before it, as Disqus exports have
# it; HTML and non-ASCII in every message.
python3 - "$DATA/disqus.xml" "$COMMENTS" <<'PY'
import random, sys
random.seed(18)
path, total = sys.argv[1], int(sys.argv[2])
threads = max(1, total // 50)
with open(path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n')
    for t in range(threads):
        f.write(f'<thread dsq:id="{t}"><id>bench-article-{t}</id><link>https://news.example/{t}/</link><title>Article {t}</title>'
                f'<createdAt>2019-01-01T00:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>\n')
    recent, held = [[] for _ in range(threads)], []
    for n in range(total):
        t = n % threads
        parent = random.choice(recent[t][-10:]) if n % 3 == 0 and recent[t] else None
        recent[t].append(n)
        text = f"<p>Comment {n} on the r\u00e9sum\u00e9 of article {t}: the council&#39;s plan is <b>fine</b> by me.</p><p>Second paragraph, \u65e5\u672c\u8a9e.</p>"
        post = (f'<post dsq:id="p{n}"><id/><message><![CDATA[{text}]]></message><createdAt>2019-02-01T00:00:{n % 60:02d}Z</createdAt>'
                f'<isDeleted>{"true" if n % 40 == 7 else "false"}</isDeleted><isSpam>{"true" if n % 50 == 3 else "false"}</isSpam>'
                f'<author><name>Reader {n % 5000}</name><email>reader{n % 5000}@example.org</email><isAnonymous>false</isAnonymous></author>'
                f'<thread dsq:id="{t}"/>' + (f'<parent dsq:id="p{parent}"/>' if parent is not None else '') + '</post>\n')
        if parent is None and n % 10 == 0:
            held.append(post)
        else:
            f.write(post)
        if len(held) > 500:
            f.write(held.pop(0))
    f.writelines(held)
    f.write('</disqus>\n')
PY
echo "export: $COMMENTS comments, $(du -m $DATA/disqus.xml | cut -f1) MB"
until curl -sf $URL/health/ready > /dev/null; do kill -0 $SILO; sleep 0.5; done
TOKEN=$(curl -s -X POST $URL/api/dev/tokens -H 'content-type: application/json' -d '{"subject":"bench","roles":["editor"]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
SILO_BEFORE=$(grep VmRSS /proc/$SILO/status | awk '{print $2}')
# The silo's peak (VmHWM) counts from its start, so it is read as the peak of resident memory over the import by polling.
( PEAK=0; while kill -0 $SILO 2>/dev/null; do R=$(grep VmRSS /proc/$SILO/status | awk '{print $2}'); [ "$R" -gt "$PEAK" ] && PEAK=$R && echo $PEAK > $DATA/silo-peak; sleep 0.2; done ) &
WATCH=$!
START=$(date +%s.%N)
/usr/bin/time -f "client: %e s wall, peak resident %M KiB" dotnet client/bin/Release/net10.0/moderation.dll import disqus $DATA/disqus.xml --url $URL --token $TOKEN 2>&1 | tail -4
END=$(date +%s.%N)
echo "import: $(python3 -c "print(round($END - $START, 1))") s, $(python3 -c "print(round($COMMENTS / ($END - $START)))") comments/s"
echo "silo: resident $((SILO_BEFORE / 1024)) MiB before, peak $(( $(cat $DATA/silo-peak) / 1024 )) MiB during the import"
START=$(date +%s.%N)
dotnet client/bin/Release/net10.0/moderation.dll import disqus $DATA/disqus.xml --url $URL --token $TOKEN 2>&1 | tail -2
echo "second run (everything stored): $(python3 -c "print(round($(date +%s.%N) - $START, 1))") s"
kill $WATCH 2>/dev/null || true
for t in 0 1 999; do
  echo "recount bench-article-$t: $(curl -s -X POST $URL/api/articles/bench-article-$t/recount -H "authorization: Bearer $TOKEN")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
