#!/usr/bin/env bash
# SIP load benchmark (not a unit test): prints a report.
#  (a) concurrent sipp uac_pcap calls (RTP from pcap, ~9 s each) in steps: every call must complete and the edge's
#      outgoing RTP spacing (histogram voiceconnector.rtp.send_interval from /metrics) must have p1 >= 15 ms and
#      p99 <= 25 ms; reports CPU and memory per call.
#  (b) call setup rate: sipp uac against the edge vs against `sipp -sn uas`, same machine, same run, as a ratio.
# Usage: scripts/bench-sip.sh [--steps "50 100 200"] [--rate 40] [--setup-calls 1000] [--setup-rate 300]
# Every step is bounded in time; all processes it starts are stopped on exit.
set -uo pipefail
cd "$(dirname "$0")/.."

steps="50 100 200"; rate=40; setup_calls=1000; setup_rate=300
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) steps="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --setup-calls) setup_calls="$2"; shift 2 ;;
    --setup-rate) setup_rate="$2"; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done

specs="${SIPP_SPECS:-$(cd .. && pwd)/shared/specs/sipp}"
[ -d "$specs" ] || { echo "missing $specs"; exit 2; }
work=$(mktemp -d /tmp/bench-sip.XXXXXX)
edge_pid=""; uas_pid=""
cleanup() {
  [ -n "$edge_pid" ] && kill "$edge_pid" 2>/dev/null
  [ -n "$uas_pid" ] && kill "$uas_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build edge -c Release --nologo --verbosity quiet >/dev/null || { echo "build failed"; exit 1; }
edge_dll=edge/bin/Release/net10.0/VoiceConnector.Edge.dll

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Every number is answered by the echo test agent: the load is telephony, not speech recognition.
echo '{ "*": { "agentId": "echo" } }' > "$work/agents.json"

start_edge() {
  sip_port=$(free_port); http_port=$(free_port)
  Agents__File="$work/agents.json" Outbox__Directory="$work/outbox" Sip__ListenAddress=127.0.0.1 Sip__Port=$sip_port ASPNETCORE_URLS=http://127.0.0.1:$http_port \
  Sip__RequestsPerSecondPerSource=1000000 Sip__RequestBurstPerSource=1000000 Sip__MaxCalls=20000 \
  Rtp__PortMin=20000 Rtp__PortMax=29999 Logging__LogLevel__Default=Warning \
    dotnet "$edge_dll" >"$work/edge.log" 2>&1 &
  edge_pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$http_port/health" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "edge did not start"; cat "$work/edge.log"; exit 1
}
stop_edge() { kill "$edge_pid" 2>/dev/null; wait "$edge_pid" 2>/dev/null; edge_pid=""; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
rss_kb() { awk '/VmRSS/{print $2}' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)

# Quantiles (p1, p99) of the send-interval histogram from Prometheus text.
interval_quantiles() {
  curl -sf "http://127.0.0.1:$http_port/metrics" | python3 -c '
import sys, re
b = []
for line in sys.stdin:
    m = re.match(r"(\S*send_interval\S*)_bucket\{.*le=\"([^\"]+)\".*\}\s+(\d+)", line)
    if m: b.append((float("inf") if m.group(2) == "+Inf" else float(m.group(2)), int(m.group(3))))
if not b or b[-1][1] == 0: print("n/a n/a 0"); sys.exit()
n = b[-1][1]
def q(p):
    r = p * n
    for le, c in b:
        if c >= r: return le
print(q(0.01), q(0.99), n)'
}

echo "== SIP benchmark on $(nproc) cores, $(date -u +%FT%TZ) =="
echo
echo "(a) concurrent uac_pcap calls (ramp $rate calls/s, each ~9 s of RTP from pcap + 1 DTMF digit)"
printf "%8s %8s %8s %10s %10s %12s %14s %s\n" calls ok failed p1_ms p99_ms cpu%/call rss_kB/call verdict
best=0
for n in $steps; do
  start_edge
  base_rss=$(rss_kb "$edge_pid"); t0=$(cpu_ticks "$edge_pid"); peak_rss=$base_rss
  bound=$(( n / rate + 60 ))
  (cd "$specs" && timeout $((bound + 30)) sipp -sf uac_pcap.xml "127.0.0.1:$sip_port" -i 127.0.0.1 -p 0 -mp 40000 \
      -m "$n" -l "$n" -r "$rate" -timeout "${bound}s" -timeout_error -nostdin -trace_stat -stf "$work/stat.csv" \
      >"$work/sipp.out" 2>&1) &
  sipp_pid=$!
  start=$(date +%s.%N); full_since=""; t_full=0
  while kill -0 "$sipp_pid" 2>/dev/null; do
    r=$(rss_kb "$edge_pid"); [ "$r" -gt "$peak_rss" ] && peak_rss=$r
    sleep 1
  done
  wait "$sipp_pid"; rc=$?
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  t1=$(cpu_ticks "$edge_pid")
  read -r p1 p99 samples < <(interval_quantiles)
  ok=$(tail -1 "$work/stat.csv" 2>/dev/null | awk -F';' '{print $16}')
  failed=$(tail -1 "$work/stat.csv" 2>/dev/null | awk -F';' '{print $18}')
  cpu_pct=$(echo "scale=3; 100 * ($t1 - $t0) / $hz / $elapsed / $n" | bc)
  rss_call=$(( (peak_rss - base_rss) / n ))
  verdict=FAIL
  if [ "$rc" -eq 0 ] && [ "${failed:-1}" = "0" ] && [ "$p1" != "n/a" ] \
     && python3 -c "import sys; sys.exit(0 if $p1 >= 15 and $p99 <= 25 else 1)"; then verdict=PASS; best=$n; fi
  printf "%8s %8s %8s %10s %10s %12s %14s %s (sipp rc=%s, %s intervals)\n" "$n" "${ok:-?}" "${failed:-?}" "$p1" "$p99" "$cpu_pct" "$rss_call" "$verdict" "$rc" "$samples"
  stop_edge
  [ "$verdict" = PASS ] || break
done
echo "most concurrent calls carried within limits: $best"
echo

echo "(b) call setup rate: sipp -sn uac ($setup_calls calls at up to $setup_rate/s), edge vs sipp -sn uas"
setup_run() { # $1 target port, $2 calls -> prints "cps failed rc"
  local s e rc
  s=$(date +%s.%N)
  timeout 300 sipp -sn uac "127.0.0.1:$1" -i 127.0.0.1 -p 0 -mp 42000 -m "$2" -r "$setup_rate" -l 2000 -d 0 \
      -timeout 240s -timeout_error -nostdin -trace_stat -stf "$work/setup.csv" >"$work/setup.out" 2>&1
  rc=$?
  e=$(date +%s.%N)
  local failed; failed=$(tail -1 "$work/setup.csv" | awk -F';' '{print $18}')
  echo "$(echo "scale=1; $2 / ($e - $s)" | bc) ${failed:-?} $rc"
}
uas_port=$(free_port)
sipp -sn uas -i 127.0.0.1 -p "$uas_port" -mp 43000 -nostdin >"$work/uas.out" 2>&1 &
uas_pid=$!
sleep 1
setup_run "$uas_port" 200 >/dev/null   # warm-up, not counted
read -r uas_cps uas_failed uas_rc < <(setup_run "$uas_port" "$setup_calls")
kill "$uas_pid" 2>/dev/null; wait "$uas_pid" 2>/dev/null; uas_pid=""
start_edge
setup_run "$sip_port" 200 >/dev/null   # warm-up (JIT), not counted
read -r edge_cps edge_failed edge_rc < <(setup_run "$sip_port" "$setup_calls")
stop_edge
echo "  sipp uas : $uas_cps calls/s, failed $uas_failed (rc $uas_rc)"
echo "  edge     : $edge_cps calls/s, failed $edge_failed (rc $edge_rc)"
echo "  ratio edge/uas: $(echo "scale=2; $edge_cps / $uas_cps" | bc)"
