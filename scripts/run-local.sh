#!/usr/bin/env bash
# Sets up the machine and runs the system locally on its embedded defaults:
# functions on http://127.0.0.1:8081, the edge with SIP on 127.0.0.1:5060 (UDP+TCP) and HTTP on http://127.0.0.1:8080.
# Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
dotnet build Serverless.sln -c Release --verbosity quiet --nologo

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

dotnet run -c Release --no-build --project functions &
pids+=($!)
dotnet run -c Release --no-build --project edge &
pids+=($!)
wait -n
