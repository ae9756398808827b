#!/usr/bin/env bash
# Sets up the machine and runs every test project; ends with one line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

results=TestResults
rm -rf "$results"
dotnet build Serverless.sln -c Release --verbosity quiet --nologo || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

# One test project at a time (-m:1): the integration suites start real SIP peers, PostgreSQL and the edge and
# functions processes, and on a 2-core runner they would otherwise compete with each other for the cores.
dotnet test Serverless.sln -c Release --no-build --nologo -m:1 \
  --logger "trx;LogFilePrefix=results" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 10m
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  # xunit's skipped tests are counted in total but not in executed.
  skipped=$((skipped + $(get total) - $(get executed)))
done

if [ "$failed" -gt 0 ]; then
  # Name every failed test with the first lines of its message, so the end of the log says what broke.
  echo "Failed tests:"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    awk '
      /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1; next }
      want && /<Message>/ { sub(/.*<Message>/, ""); print "  " name ": " substr($0, 1, 400); want = 0 }
    ' "$trx"
  done
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The runner failed without a failed test (crash, hang): count it as a failure.
  failed=1
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
