#!/usr/bin/env bash
# Load test of the functions app against a real PostgreSQL on this machine; prints a report.
#   /twilio/voice (signed webhook -> number/agent lookup -> <Connect><Stream> TwiML): requests/s and latency percentiles
#   /edge/v1/call-records (edge posts a call record with a 3-turn transcript): records stored per second
# Usage: scripts/bench-functions.sh [seconds per run, default 10] [connections, default 32]
# Needs: wrk, postgresql 15 (scripts/setup.sh installs both), openssl. Everything binds to 127.0.0.1 on free ports
# and is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
pg_bin=/usr/lib/postgresql/15/bin
work=$(mktemp -d /tmp/vc-bench-functions.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -f "$work/pg/PG_VERSION" ] && as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "== PostgreSQL"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work"
pg_port=$(free_port)
as_postgres "$pg_bin/initdb" -D "$work/pg" -A trust -U postgres -E UTF8 --locale=C >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
psql_() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d functions -qtA "$@"; }
psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE functions;"

echo "== functions (Release)"
dotnet build functions -c Release --nologo --verbosity quiet >/dev/null
app_port=$(free_port)
base="http://127.0.0.1:$app_port"
export ASPNETCORE_URLS=$base
export Storage__Provider=postgres
export Storage__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=functions;Maximum Pool Size=64"
export ApiKeys__Pepper=$(openssl rand -hex 24)
export Functions__PublicBaseUrl=$base
export Edge__MediaStreamUrl=wss://edge.example.com/twilio/media
export Edge__Key=$(openssl rand -hex 24)
export Twilio__AccountSid=AC$(openssl rand -hex 16)
export Twilio__AuthToken=$(openssl rand -hex 16)
export Logging__LogLevel__Default=Warning
dll=functions/bin/Release/net10.0/VoiceConnector.Functions.dll
api_key=$(dotnet "$dll" create-tenant bench | sed -n 's/^api key (shown once): //p')
dotnet "$dll" >"$work/functions.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null && break; sleep 0.2; done

agent_id=$(curl -sf -X POST "$base/v1/agents" -H "Authorization: Bearer $api_key" -H 'Content-Type: application/json' \
  -d '{"name":"Bench desk","greeting":"Hello","tools":["hang_up"]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
tenant_id=$(psql_ -c "SELECT id FROM tenants LIMIT 1;")
number=+14155550100
# A Twilio number as if bought (buying needs Twilio): inserted directly.
psql_ -c "INSERT INTO numbers (id, tenant_id, phone_number, agent_id, kind, routing, twilio_sid, created_at)
  VALUES ('num_bench', '$tenant_id', '$number', '$agent_id', 'twilio', 'stream', 'PN0123', '2026-11-21T00:00:00Z');"

# Twilio's signature: HMAC-SHA1(auth token, URL + sorted name+value pairs), base64.
call_sid=CA$(openssl rand -hex 16)
declare -A form=([AccountSid]=$Twilio__AccountSid [ApiVersion]=2010-04-01 [CallSid]=$call_sid [CallStatus]=ringing
  [Called]=$number [Caller]=+16175551212 [Direction]=inbound [From]=+16175551212 [To]=$number)
signed="$base/twilio/voice"; body=""
for name in $(printf '%s\n' "${!form[@]}" | LC_ALL=C sort); do
  signed+="$name${form[$name]}"
  body+="${body:+&}$name=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "${form[$name]}")"
done
export BENCH_VOICE_BODY=$body
export BENCH_VOICE_SIGNATURE=$(printf '%s' "$signed" | openssl dgst -sha1 -hmac "$Twilio__AuthToken" -binary | base64)
curl -sf -X POST "$base/twilio/voice" -H "X-Twilio-Signature: $BENCH_VOICE_SIGNATURE" --data "$body" | grep -q '<Stream' \
  || { echo "voice webhook did not answer a stream"; exit 1; }

echo "== warm-up"
wrk -t2 -c8 -d3s -s scripts/bench/voice.lua "$base/twilio/voice" >/dev/null

echo "== /twilio/voice: ${seconds}s, $connections connections"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s scripts/bench/voice.lua "$base/twilio/voice" | tee "$work/voice.txt"

echo "== /edge/v1/call-records: ${seconds}s, $connections connections"
export BENCH_RUN=$(openssl rand -hex 4) BENCH_NUMBER=$number BENCH_EDGE_KEY=$Edge__Key
before=$(psql_ -c "SELECT COUNT(*) FROM calls;")
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s scripts/bench/call-records.lua "$base/edge/v1/call-records" | tee "$work/records.txt"
after=$(psql_ -c "SELECT COUNT(*) FROM calls;")

pct() { awk -v p="$1" '$1 == p {print $2}' "$2"; }
rps() { awk '/^Requests\/sec/ {print $2}' "$1"; }
echo
echo "================ functions benchmark report ================"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo); PostgreSQL 15 on loopback; Release build"
echo "/twilio/voice          : $(rps "$work/voice.txt") req/s, p50 $(pct 50% "$work/voice.txt"), p99 $(pct 99% "$work/voice.txt") ($connections connections, ${seconds}s)"
echo "/edge/v1/call-records  : $(rps "$work/records.txt") req/s, p50 $(pct 50% "$work/records.txt"), p99 $(pct 99% "$work/records.txt"); rows stored: $((after - before)) = $(( (after - before) / seconds ))/s"
echo "============================================================"
