#!/usr/bin/env bash
# Runs the whole system locally on its embedded defaults (flite, PocketSphinx, WebRTC VAD, the scripted responder):
#   functions  http://127.0.0.1:8081 (SQLite in .data/functions.db)
#   edge       SIP 127.0.0.1:5060 (UDP+TCP), HTTP http://127.0.0.1:8080
# The first run generates the edge-functions key and the API-key pepper under .data/ (git-ignored, never committed),
# creates a tenant (its API key is printed once and kept in .data/api-key), an agent and the SIP number 1000
# (+1000, attached through the provisioning API). Later runs reuse all of it. Ctrl-C stops both apps.
# Ports: FUNCTIONS_PORT, EDGE_HTTP_PORT, SIP_PORT override the defaults. SKIP_SETUP=1 skips apt/restore.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
data="$root/.data"
functions_port=${FUNCTIONS_PORT:-8081}
edge_port=${EDGE_HTTP_PORT:-8080}
sip_port=${SIP_PORT:-5060}
functions_url="http://127.0.0.1:$functions_port"
edge_url="http://127.0.0.1:$edge_port"
local_number="+1000"

[ "${SKIP_SETUP:-0}" = 1 ] || ./scripts/setup.sh
echo "run-local: building edge and functions (Release)"
dotnet build edge -c Release --verbosity quiet --nologo
dotnet build functions -c Release --verbosity quiet --nologo

mkdir -p "$data"
chmod 700 "$data"
secret() { # a random hex secret kept in .data/<name>, created once
  local file="$data/$1"
  if [ ! -s "$file" ]; then
    (umask 077 && od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$file")
  fi
  cat "$file"
}
edge_key=$(secret edge-key)
pepper=$(secret api-key-pepper)

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

functions_env=(
  ASPNETCORE_URLS="$functions_url"
  Storage__Provider=sqlite
  Storage__ConnectionString="Data Source=$data/functions.db"
  ApiKeys__Pepper="$pepper"
  Functions__PublicBaseUrl="$functions_url"
  Edge__Key="$edge_key"
  Edge__MediaStreamUrl="ws://127.0.0.1:$edge_port/twilio/media"
  Edge__SipUri="sip:127.0.0.1:$sip_port"
)
functions_dll="$root/functions/bin/Release/net10.0/VoiceConnector.Functions.dll"
edge_dll="$root/edge/bin/Release/net10.0/VoiceConnector.Edge.dll"

wait_healthy() { # url name pid
  for _ in $(seq 1 120); do
    if curl -sf "$1/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then echo "run-local: $2 exited (see its log above)" >&2; exit 1; fi
    sleep 0.5
  done
  echo "run-local: $2 did not answer $1/health in 60 s" >&2
  exit 1
}

(cd "$(dirname "$functions_dll")" && exec env "${functions_env[@]}" dotnet "$functions_dll") &
pids+=($!)
wait_healthy "$functions_url" functions "${pids[0]}"

(cd "$(dirname "$edge_dll")" && exec env \
  ASPNETCORE_URLS="$edge_url" \
  Sip__ListenAddress=127.0.0.1 Sip__Port="$sip_port" \
  Rtp__BindAddress=127.0.0.1 \
  Functions__BaseUrl="$functions_url" Functions__EdgeKey="$edge_key" \
  Outbox__Directory="$data/outbox" \
  dotnet "$edge_dll") &
pids+=($!)
wait_healthy "$edge_url" edge "${pids[1]}"

api() { # method path [json]
  curl -sf -X "$1" "$functions_url$2" -H "Authorization: Bearer $(cat "$data/api-key")" \
    -H 'Content-Type: application/json' ${3:+-d "$3"}
}
json_field() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p" | head -n1; }

first_run=0
if [ ! -s "$data/api-key" ]; then
  first_run=1
  out=$(cd "$(dirname "$functions_dll")" && env "${functions_env[@]}" dotnet "$functions_dll" create-tenant "Local")
  key=$(printf '%s\n' "$out" | sed -n 's/^api key (shown once): //p')
  [ -n "$key" ] || { echo "run-local: create-tenant failed: $out" >&2; exit 1; }
  (umask 077 && printf '%s' "$key" >"$data/api-key")
fi

if [ ! -s "$data/agent-id" ]; then
  agent=$(api POST /v1/agents '{
    "name": "Local front desk",
    "systemPrompt": "You are the friendly front desk of a local test line. Answer briefly.",
    "greeting": "Hello, this is your local voice agent. Ask me about our opening hours, or say goodbye to hang up.",
    "voice": "slt", "language": "en-US", "model": "", "tools": ["hang_up"],
    "timings": {"endOfTurnSilenceMs": 600, "bargeInMinSpeechMs": 250, "idleRepromptMs": 10000, "maxIdleReprompts": 2, "maxCallSeconds": 600}}' \
    | json_field id)
  [ -n "$agent" ] || { echo "run-local: creating the agent failed" >&2; exit 1; }
  printf '%s' "$agent" >"$data/agent-id"
fi
agent=$(cat "$data/agent-id")

if ! api GET /v1/numbers | grep -q "\"$local_number\""; then
  api POST /v1/numbers "{\"kind\": \"sip\", \"phoneNumber\": \"$local_number\", \"agentId\": \"$agent\"}" >/dev/null \
    || { echo "run-local: attaching $local_number failed" >&2; exit 1; }
fi

cat <<EOF

==========================================================================================
 Voice Connector is running locally.
   functions  $functions_url   (SQLite: .data/functions.db)
   edge       SIP sip:127.0.0.1:$sip_port (UDP/TCP), HTTP $edge_url (/health, /metrics)
   agent      $agent, answering the SIP number ${local_number#+} ($local_number)
EOF
if [ "$first_run" = 1 ]; then
  cat <<EOF

 Your API key (shown once; also kept in .data/api-key, git-ignored):
   $(cat "$data/api-key")
EOF
fi
cat <<EOF

 Call the agent with any SIP softphone, e.g. baresip:
   baresip -e "/dial sip:${local_number#+}@127.0.0.1:$sip_port"
 (say "what are your opening hours?", then "goodbye"; or type /hangup)

 Then read the call and its transcript through the API:
   K=\$(cat .data/api-key)
   curl -s "$functions_url/v1/calls?limit=5" -H "Authorization: Bearer \$K"
   curl -s "$functions_url/v1/calls/<id from the list>" -H "Authorization: Bearer \$K"

 Ctrl-C stops both apps.
==========================================================================================
EOF

wait -n "${pids[@]}"
