#!/bin/bash
# Comment post latency on one silo (embedded store, Release build) idle, while a retrain runs, and idle again, in one run.
# Usage: tests/Moderation.Benchmarks/Scripts/retrain-latency.sh labels.csv [more.csv ...]   (CSV columns: text, toxic 0/1)
set -euo pipefail
cd "$(dirname "$0")/../../.."
DATA=$(mktemp -d /tmp/retrain-latency.XXXX)
URL=http://127.0.0.1:5181
DURATION=${DURATION:-25s}
dotnet build -c Release silo > /dev/null
dotnet build -c Release client > /dev/null
dotnet silo/bin/Release/net10.0/Moderation.Silo.dll --environment=Development --urls=$URL --Storage:DataDirectory=$DATA \
  --Orleans:SiloPort=11191 --Orleans:GatewayPort=30091 --Web:SeedDemo=false \
  --Comments:PostInterval=00:00:00 --RateLimits:Enabled=false --Model:AutoRetrainLabels=0 > $DATA/silo.log 2>&1 &
SILO=$!
trap 'kill $SILO; wait $SILO || true; rm -rf $DATA' EXIT
until curl -sf $URL/health/ready > /dev/null; do kill -0 $SILO; sleep 0.5; done
TOKEN=$(curl -s -X POST $URL/api/dev/tokens -H 'content-type: application/json' -d '{"subject":"bench","roles":["moderator"]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
python3 - "$DATA" "$@" <<'PY'
import csv, json, sys, os
rows = []
for path in sys.argv[2:]:
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["toxic"] in ("0", "1") and 0 < len(row["text"].strip()) <= 5000:
                rows.append({"text": row["text"], "toxic": row["toxic"] == "1", "source": os.path.basename(path)})
for i in range(0, len(rows), 5000):
    with open(os.path.join(sys.argv[1], f"labels-{i // 5000:03}.json"), "w") as f:
        json.dump({"items": rows[i:i + 5000]}, f)
PY
for file in $DATA/labels-*.json; do
  curl -sf -X POST $URL/api/model/labels -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' --data-binary @$file > /dev/null
done
echo "labels: $(curl -s $URL/api/model/labels -H "authorization: Bearer $TOKEN")"
load() { dotnet client/bin/Release/net10.0/moderation.dll load comments --url $URL -n 8 -d "$1" --interval 100ms --json; }
summary() { python3 -c 'import json,sys; r=json.load(sys.stdin); l=r["latencyMs"]; print("%-16s requests %5d  errors %d  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms" % (sys.argv[1], r["requests"], r["errors"], l["p50"], l["p90"], l["p99"], l["max"]))' "$1"; }
job() { curl -s $URL/api/model/retrain/$1 -H "authorization: Bearer $TOKEN"; }
load 5s > /dev/null
load $DURATION | summary "idle"
JOB=$(curl -s -X POST $URL/api/model/retrain -H "authorization: Bearer $TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until job $JOB | grep -q '"progress":0\.[0-9]*[1-9]'; do sleep 0.5; done
load $DURATION | summary "retrain running"
echo "job after that load: $(job $JOB | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["status"], j["stage"], round(j["progress"], 2))')"
until job $JOB | grep -qE '"status":"(succeeded|failed)"'; do sleep 1; done
load $DURATION | summary "idle again"
echo "job: $(job $JOB)"
