#!/bin/bash
# Mints COUNT reader tokens, one per line, for the wrk scripts beside this file: each a distinct reader
# (sub = PREFIX-000000, PREFIX-000001, ...), signed HS256 with the service's Auth:SigningKey.
# Usage: mint-tokens.sh SIGNING_KEY_BASE64 COUNT PREFIX > tokens.txt
# The tokens have the shape `moderation token --signing-key KEY --subject S` signs (header alg HS256, typ JWT;
# claims sub, name, iss and aud "moderation", iat, nbf, exp two hours on). They are signed here with Python's
# standard library because `moderation token` starts a process per token (about 0.2 s): 100,000 readers would
# take hours that way, and a few seconds this way.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 SIGNING_KEY_BASE64 COUNT PREFIX" >&2; exit 3; }
python3 - "$@" <<'PY'
import base64, hashlib, hmac, json, sys, time
key, count, prefix = base64.b64decode(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
if len(key) < 32:
    sys.exit("the signing key must decode to at least 32 bytes")
def b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=")
header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
now = int(time.time())
out = sys.stdout
for index in range(count):
    subject = f"{prefix}-{index:06d}"
    claims = {"sub": subject, "name": subject, "iss": "moderation", "aud": "moderation",
              "iat": now, "nbf": now, "exp": now + 7200}
    signed = header + b"." + b64(json.dumps(claims, separators=(",", ":")).encode())
    out.write((signed + b"." + b64(hmac.new(key, signed, hashlib.sha256).digest())).decode() + "\n")
PY
