#!/usr/bin/env bash
# The test command (README): every suite under TZ=UTC, the date code again under Europe/London,
# and every suite that takes a database back end again against a real PostgreSQL server when one
# can be started here.
# Prints a closing "N passed, N failed" line summed over every leg.
#
# Parallelism (the CI box has 2 cores; many tests wait on child processes, browsers, sockets and
# timers, and a run one leg after another kept them about 60% busy): the utc leg runs on
# JEST_WORKERS workers (default 2), and beside it, from the start, the london and postgres legs
# (1 and JEST_WORKERS-1 workers), each writing to its own log, shown when the utc leg has ended.
# The template databases and the built tab are made once before any leg starts, so the legs'
# global setups only check them. JEST_WORKERS=1 runs everything in band, one leg after another.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp/test-results
rm -f .tmp/test-results/*.json .tmp/test-results/*.log
status=0
workers=${JEST_WORKERS:-2}

leg() { # leg NAME WORKERS ENV... -- JEST-ARGS...
  local name=$1 n=$2; shift 2
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  echo "── test leg: $name"
  env "${envs[@]}" npx jest --maxWorkers="$n" --json --outputFile=".tmp/test-results/$name.json" "$@"
}

# A real PostgreSQL server beside the embedded default (scripts/with-postgres.sh starts a
# throwaway cluster on loopback when the server binaries are installed). It runs only the files
# that use it (test/store/backends.ts's BACKENDS, or TEST_DATABASE_URL), on PostgreSQL alone
# (TEST_BACKENDS): the utc leg has run every one of them on PGlite already.
postgres_leg() { # postgres_leg WORKERS
  [ -z "${SKIP_POSTGRES:-}" ] && [ -f scripts/with-postgres.sh ] || return 0
  local files
  files=$(grep -rlE --include='*.test.ts' 'BACKENDS|TEST_DATABASE_URL' test | sort | tr '\n' ' ')
  bash scripts/with-postgres.sh bash -c "echo '── test leg: postgres'; TZ=UTC TEST_BACKENDS=postgres npx jest --maxWorkers=$1 --json --outputFile=.tmp/test-results/postgres.json $files"
}

# Each leg's exit status is printed: a leg can pass every test and still fail (a hook, a crash).
note_failed() { echo "── test leg $1 exited $2" >&2; status=1; }
if [ "$workers" -le 1 ]; then
  leg utc 1 TZ=UTC -- "$@" || note_failed utc $?
  leg london 1 TZ=Europe/London -- test/domain || note_failed london $?
  postgres_leg 1 || note_failed postgres $?
else
  node --import tsx -e 'require("./test/support/global-setup.ts").default().catch((e) => { console.error(e); process.exit(1); })' \
    || { echo "── test setup (template databases, the tab's build) failed" >&2; exit 1; }
  leg london 1 TZ=Europe/London -- test/domain >.tmp/test-results/london.log 2>&1 &
  london=$!
  postgres_leg $((workers - 1)) >.tmp/test-results/postgres.log 2>&1 &
  pg=$!
  leg utc "$workers" TZ=UTC -- "$@" || note_failed utc $?
  london_rc=0; wait "$london" || london_rc=$?
  cat .tmp/test-results/london.log
  [ "$london_rc" = 0 ] || note_failed london "$london_rc"
  pg_rc=0; wait "$pg" || pg_rc=$?
  cat .tmp/test-results/postgres.log
  [ "$pg_rc" = 0 ] || note_failed postgres "$pg_rc"
fi

node -e '
const fs = require("fs"); let p = 0, f = 0;
for (const n of fs.readdirSync(".tmp/test-results").filter((n) => n.endsWith(".json"))) {
  const r = JSON.parse(fs.readFileSync(".tmp/test-results/" + n, "utf8"));
  p += r.numPassedTests; f += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
}
console.log(`${p} passed, ${f} failed`);
if (p === 0) process.exitCode = 1;
' || status=1
exit $status
