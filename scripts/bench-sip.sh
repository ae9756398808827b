#!/usr/bin/env bash
# SIP load benchmark (not a unit test): prints a report.
#  (a) concurrent sipp calls with RTP (scripts/bench/uac_rtp_stream.xml: 24 s of flite speech streamed by sipp's
#      rtp_stream, then an RFC 2833 digit from the specs' pcap) in steps, on one edge process warmed up by a first 100-call uac_pcap run (JIT tiering done, as
#      in a long-running edge). Each step ramps up at --rate calls/s, waits until the edge has every call's RTP
#      session up, then measures a 5 s window: the edge's outgoing RTP spacing (histogram
#      voiceconnector.rtp.send_interval from /metrics, window difference) must have p1 >= 15 ms and p99 <= 25 ms,
#      every call must still be up at the end of the window, and every call must complete. Reports CPU and memory
#      per call in the window.
#  (b) call setup rate: sipp uac against the edge vs against `sipp -sn uas`, same machine, same run, as a ratio.
# Usage: scripts/bench-sip.sh [--steps "250 500 750 1000"] [--rate 100] [--setup-calls 1000] [--setup-rate 300]
#                             [--without-sys-nice]
# Every step is bounded in time; all processes it starts are stopped on exit.
set -uo pipefail
cd "$(dirname "$0")/.."

steps="250 500 750 1000"; rate=100; setup_calls=1000; setup_rate=300; run_as=()
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) steps="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --setup-calls) setup_calls="$2"; shift 2 ;;
    --setup-rate) setup_rate="$2"; shift 2 ;;
    # The edge without CAP_SYS_NICE (as in a container without --cap-add SYS_NICE): pacing at normal priority.
    --without-sys-nice) run_as=(setpriv --inh-caps=-sys_nice --bounding-set=-sys_nice); shift ;;
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
  Rtp__PortMin=20000 Rtp__PortMax=29999 Rtp__MaxCpuLoad=1 Logging__LogLevel__Default=Warning \
    env "Logging__LogLevel__VoiceConnector.Edge.Media.PacingClock=Information" "${run_as[@]}" dotnet "$edge_dll" >"$work/edge.log" 2>&1 &
  edge_pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$http_port/health" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "edge did not start"; cat "$work/edge.log"; exit 1
}
stop_edge() { kill "$edge_pid" 2>/dev/null; wait "$edge_pid" 2>/dev/null; edge_pid=""; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
rss_kb() { awk '/VmRSS/{print $2}' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)

# Quantiles (p1, p99) and count of the send-interval histogram between two Prometheus snapshots ($1 then $2).
interval_quantiles() {
  python3 - "$1" "$2" <<'PY'
import sys, re
def load(path):
    b = []
    for line in open(path):
        m = re.match(r"(\S*send_interval\S*)_bucket\{.*le=\"([^\"]+)\".*\}\s+(\d+)", line)
        if m: b.append((float("inf") if m.group(2) == "+Inf" else float(m.group(2)), int(m.group(3))))
    return b
a, b = load(sys.argv[1]), load(sys.argv[2])
if not a: a = [(le, 0) for le, _ in b]
d = [(le, c2 - c1) for (le, c1), (_, c2) in zip(a, b)]
if not d or d[-1][1] == 0: print("n/a n/a 0"); sys.exit()
n = d[-1][1]
def q(p):
    for le, c in d:
        if c >= p * n: return le
print(q(0.01), q(0.99), n)
PY
}
snapshot() { curl -sf "http://127.0.0.1:$http_port/metrics" > "$1" || : > "$1"; }

run_calls() { # $1 calls, $2 rate, $3 stat file, $4 scenario -> runs sipp in the background, pid in sipp_pid
  local bound=$(( $1 / $2 + 90 ))
  (cd "$work" && timeout $((bound + 30)) sipp -sf "$4" "127.0.0.1:$sip_port" -i 127.0.0.1 -p 0 -mp 40000 \
      -m "$1" -l "$1" -r "$2" -timeout "${bound}s" -timeout_error -nostdin -trace_stat -stf "$3" \
      >"$work/sipp.out" 2>&1) &
  sipp_pid=$!
}
sessions() { curl -sf "http://127.0.0.1:$http_port/metrics" | awk '$1 == "voiceconnector_rtp_sessions" {print $2}'; }

echo "== SIP benchmark on $(nproc) cores, $(date -u +%FT%TZ) =="
echo
echo "(a) concurrent calls (scripts/bench/uac_rtp_stream.xml: 24 s of PCMA speech from sipp rtp_stream, then 1 DTMF digit);"
echo "    measured over a 5 s window while every call of the step is up"
long_scenario="$(pwd)/scripts/bench/uac_rtp_stream.xml"
ln -s "$specs/pcap" "$work/pcap"
flite -t "Hello, I am calling about my order. Could you tell me when it will arrive, and whether I can change the address?" -o "$work/speech.wav" \
  && sox "$work/speech.wav" -r 8000 -c 1 -e a-law -t al "$work/speech.al" || { echo "flite/sox failed"; exit 1; }
start_edge
run_calls 100 50 "$work/warm.csv" "$specs/uac_pcap.xml"; wait "$sipp_pid"   # warm-up, not counted
echo "    edge pacing threads: $(grep -ho 'scheduling: [A-Za-z]*' "$work/edge.log" | sort | uniq -c | tr -s ' ' | paste -sd, -)"
printf "%8s %8s %8s %10s %10s %12s %14s %s\n" calls ok failed p1_ms p99_ms cpu%/call rss_kB/call verdict
best=0
for n in $steps; do
  base_rss=$(rss_kb "$edge_pid")
  run_calls "$n" "$rate" "$work/stat-$n.csv" "$long_scenario"
  up=0
  # Until every call is up, or the ramp is long over (some refused): then measure what is up.
  for _ in $(seq 1 $(( (n / rate + 8) * 2 ))); do
    up=$(sessions); [ "${up:-0}" -ge "$n" ] && break
    kill -0 "$sipp_pid" 2>/dev/null || break
    sleep 0.5
  done
  snapshot "$work/m1.txt"; t0=$(cpu_ticks "$edge_pid"); s0=$(date +%s.%N)
  sleep 5
  snapshot "$work/m2.txt"; t1=$(cpu_ticks "$edge_pid"); s1=$(date +%s.%N); rss=$(rss_kb "$edge_pid"); up_after=$(sessions)
  wait "$sipp_pid"; rc=$?
  read -r p1 p99 samples < <(interval_quantiles "$work/m1.txt" "$work/m2.txt")
  ok=$(tail -1 "$work/stat-$n.csv" 2>/dev/null | awk -F';' '{print $16}')
  failed=$(tail -1 "$work/stat-$n.csv" 2>/dev/null | awk -F';' '{print $18}')
  cpu_pct=$(echo "scale=3; 100 * ($t1 - $t0) / $hz / ($s1 - $s0) / $n" | bc)
  rss_call=$(( (rss - base_rss) / n ))
  verdict=FAIL
  if [ "$rc" -eq 0 ] && [ "${failed:-1}" = "0" ] && [ "${up:-0}" -ge "$n" ] && [ "${up_after:-0}" -ge "$n" ] && [ "$p1" != "n/a" ] \
     && python3 -c "import sys; sys.exit(0 if $p1 >= 15 and $p99 <= 25 else 1)"; then verdict=PASS; best=$n; fi
  printf "%8s %8s %8s %10s %10s %12s %14s %s (sipp rc=%s, calls up %s/%s, %s intervals)\n" "$n" "${ok:-?}" "${failed:-?}" "$p1" "$p99" "$cpu_pct" "$rss_call" "$verdict" "$rc" "${up:-?}" "${up_after:-?}" "$samples"
  [ "$verdict" = PASS ] || break
  sleep 2
done
stop_edge
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
