#!/usr/bin/env bash
# Installs what the edge, the functions app and the tests need on a fresh Debian machine (run as root, or with sudo).
# Idempotent: packages already present are left alone.
set -euo pipefail

packages=(
  sip-tester                      # sipp: SIP load generator and test peer
  baresip                         # a real SIP softphone for end-to-end calls
  flite libflite1                 # embedded TTS (cmu_us_slt voice)
  pocketsphinx-en-us libpocketsphinx3 libsphinxbase3   # embedded STT
  libwebrtc-audio-processing1     # embedded VAD
  postgresql                      # the tests start their own PostgreSQL on a loopback port
  sox                             # audio checks in tests
  ffmpeg                          # G.722 interoperability tests (a second, independent codec implementation)
  wrk                             # HTTP load generator for scripts/bench-functions.sh
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet restore "$(dirname "$0")/../Serverless.sln" --verbosity quiet
