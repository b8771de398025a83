#!/usr/bin/env bash
# with-postgres.sh CMD…: runs CMD with TEST_DATABASE_URL pointing at a real PostgreSQL server.
# - TEST_DATABASE_URL already set: just runs CMD.
# - Otherwise starts a throwaway cluster from the installed server binaries
#   (/usr/lib/postgresql/*/bin, Debian's layout) in a temp dir, on 127.0.0.1 at a free port with
#   its socket in that dir, runs CMD, then stops and deletes the cluster (also on failure).
# - No server binaries: with CI=true that is a failure (exit 1); otherwise one line and skip (exit 0).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: scripts/with-postgres.sh CMD [ARGS…]" >&2; exit 2; }

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

bindir=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then bindir=$d; break; fi
done
if [ -z "$bindir" ] && command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
  bindir=$(dirname "$(command -v pg_ctl)")
fi
if [ -z "$bindir" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "with-postgres: no PostgreSQL server binaries (initdb, pg_ctl) found, and CI=true: failing" >&2
    exit 1
  fi
  echo "with-postgres: PostgreSQL server not installed (apt-get install postgresql): skipping the PostgreSQL leg"
  exit 0
fi

# As root the postgres user must reach the dir, so /tmp rather than a private TMPDIR.
if [ "$(id -u)" = "0" ]; then tmp=$(mktemp -d /tmp/cpc-pg.XXXXXX); else tmp=$(mktemp -d "${TMPDIR:-/tmp}/cpc-pg.XXXXXX"); fi
chmod 755 "$tmp"
data="$tmp/data"
# initdb and postgres refuse to run as root: run them as the postgres user (Debian's package
# creates it) and give that user the temp dir.
as_pg=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || { echo "with-postgres: running as root but there is no postgres user" >&2; exit 1; }
  chown postgres: "$tmp"
  as_pg=(runuser -u postgres --)
fi

# Server commands run from the temp dir: the postgres user may not be allowed into the caller's.
pg() { (cd "$tmp" && "${as_pg[@]}" "$@"); }

cleanup() {
  local rc=$?
  if [ -f "$data/postmaster.pid" ]; then
    pg "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

pg "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C >"$tmp/initdb.log" 2>&1 || {
  echo "with-postgres: initdb failed:" >&2; cat "$tmp/initdb.log" >&2; exit 1; }

# fsync off: a throwaway test cluster need not survive a power cut, and tests run faster.
pg "$bindir/pg_ctl" -D "$data" -l "$tmp/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
  start >/dev/null || { echo "with-postgres: server did not start:" >&2; cat "$tmp/server.log" >&2; exit 1; }

# A database of its own for the tests (the default 'postgres' one if psql is not installed).
dbname=postgres
if [ -x "$bindir/psql" ]; then
  pg "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE cpc_test" >/dev/null
  dbname=cpc_test
fi

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/$dbname"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway cluster)"
"$@"
