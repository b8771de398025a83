#!/usr/bin/env bash
# The test command (README): every suite under TZ=UTC, the date code again under Europe/London,
# and the repository and use-case suites (test/store, test/app, test/invitations) against a real
# PostgreSQL server when one can be started here.
# Prints a closing "N passed, N failed" line summed over every leg.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp/test-results
rm -f .tmp/test-results/*.json
status=0

leg() { # leg NAME ENV... -- JEST-ARGS...
  local name=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  echo "── test leg: $name"
  env "${envs[@]}" npx jest --json --outputFile=".tmp/test-results/$name.json" "$@" || status=1
}

leg utc TZ=UTC -- "$@"
leg london TZ=Europe/London -- test/domain

# A real PostgreSQL server beside the embedded default (scripts/with-postgres.sh starts a
# throwaway cluster on loopback when the server binaries are installed).
if [ -z "${SKIP_POSTGRES:-}" ]; then
  if [ -f scripts/with-postgres.sh ]; then
    bash scripts/with-postgres.sh bash -c 'TZ=UTC npx jest --json --outputFile=.tmp/test-results/postgres.json test/store test/app test/invitations' || status=1
  fi
fi

node -e '
const fs = require("fs"); let p = 0, f = 0;
for (const n of fs.readdirSync(".tmp/test-results")) {
  const r = JSON.parse(fs.readFileSync(".tmp/test-results/" + n, "utf8"));
  p += r.numPassedTests; f += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
}
console.log(`${p} passed, ${f} failed`);
if (p === 0) process.exitCode = 1;
' || status=1
exit $status
