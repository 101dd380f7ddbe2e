#!/usr/bin/env bash
# Every check of Waypoint, as CI runs it: the tests on SQLite, the same tests on PostgreSQL, the browser tests,
# then dotnet format. Run it from anywhere: scripts/test.sh
#
# On Debian as root (CI, a fresh machine) it first installs what is missing (Chromium, PostgreSQL, fonts for
# screenshots), starts PostgreSQL and creates the test role and database. Elsewhere it says what to install.
# Its last line sums the test reports of all runs: "N passed, N failed, N skipped". It exits non-zero when
# anything failed.
#
# Optional settings (environment):
#   WAYPOINT_CONFIGURATION          build configuration (Release)
#   WAYPOINT_PG_PORT                port of the local PostgreSQL cluster to start and prepare (5432)
#   WAYPOINT_TEST_POSTGRES          connection string of a role that may create databases; when set, this script
#                                   leaves PostgreSQL alone and uses it as it is
#   WAYPOINT_BROWSER_TEST_PROVIDER  database of the browser tests: Sqlite (default) or Postgres
#   WAYPOINT_CHROMIUM               the Chromium the browser tests drive (/usr/bin/chromium)
set -euo pipefail

CONFIGURATION=${WAYPOINT_CONFIGURATION:-Release}
PG_PORT=${WAYPOINT_PG_PORT:-5432}
PG_ROLE=waypoint
PG_PASSWORD=waypoint
PG_DATABASE=waypoint
CHROMIUM=${WAYPOINT_CHROMIUM:-/usr/bin/chromium}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

say() { printf '\n==> %s\n' "$*"; }
is_root() { [ "$(id -u)" -eq 0 ]; }
has() { command -v "$1" >/dev/null 2>&1; }
package_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
postgres_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; }
manage_postgres() { [ -z "${WAYPOINT_TEST_POSTGRES:-}" ]; }

# Debian packages the checks need and the machine lacks. The .NET SDK is not a Debian package: it must be there.
missing_packages() {
  local missing=()
  if [ ! -x "$CHROMIUM" ]; then
    if [ -n "${WAYPOINT_CHROMIUM:-}" ]; then
      echo "WAYPOINT_CHROMIUM=$CHROMIUM is not a program: the browser tests will fail." >&2
    else
      missing+=(chromium)
    fi
  fi
  if has dpkg-query; then
    package_installed fonts-liberation || missing+=(fonts-liberation)
    package_installed fonts-dejavu-core || missing+=(fonts-dejavu-core)
  fi
  if manage_postgres && ! postgres_listening && ! has pg_ctlcluster; then missing+=(postgresql); fi
  has npm || missing+=(npm)
  echo "${missing[@]}"
}

install_missing_packages() {
  if ! has dotnet; then
    echo "The .NET 10 SDK is needed (dotnet on the PATH): install it first, see README.md." >&2
    exit 1
  fi
  local missing
  missing=$(missing_packages)
  [ -n "$missing" ] || return 0
  if ! is_root || ! has apt-get; then
    echo "Missing: $missing. Install them (on Debian: sudo apt-get install $missing), or the tests that need them fail."
    return 0
  fi
  say "Installing $missing"
  apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  apt-get install -y -qq --no-install-recommends $missing </dev/null
}

start_postgres() {
  manage_postgres || return 0
  postgres_listening && return 0
  if ! is_root; then
    echo "PostgreSQL does not answer on 127.0.0.1:$PG_PORT. Start it (sudo service postgresql start), or the PostgreSQL run fails."
    return 0
  fi
  say "Starting PostgreSQL on port $PG_PORT"
  if has pg_lsclusters; then
    if [ -z "$(pg_lsclusters --no-header)" ]; then
      # A server package installed without its default cluster (some images skip it): create one.
      pg_createcluster -p "$PG_PORT" "$(ls /usr/lib/postgresql | sort -V | tail -n 1)" main
    fi
    local cluster
    cluster=$(pg_lsclusters --no-header | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }')
    if [ -n "$cluster" ]; then
      # shellcheck disable=SC2086 # version and name
      pg_ctlcluster $cluster start
    else
      service postgresql start
    fi
  else
    service postgresql start
  fi
  for _ in $(seq 60); do
    postgres_listening && return 0
    sleep 0.5
  done
  echo "PostgreSQL did not start listening on 127.0.0.1:$PG_PORT." >&2
  exit 1
}

# The role the tests connect as (it creates one database per test class) and a database of its own. Idempotent.
prepare_postgres_role() {
  manage_postgres || return 0
  if is_root && id postgres >/dev/null 2>&1 && has psql; then
    as_postgres() { (cd / && runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtAc "$1"); }
    if [ -z "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'")" ]; then
      say "Creating the PostgreSQL role $PG_ROLE"
      as_postgres "CREATE ROLE \"$PG_ROLE\" LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
    elif [ "$(as_postgres "SELECT rolcanlogin AND rolcreatedb FROM pg_roles WHERE rolname = '$PG_ROLE'")" != t ]; then
      as_postgres "ALTER ROLE \"$PG_ROLE\" LOGIN CREATEDB"
    fi
    if [ -z "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" ]; then
      say "Creating the PostgreSQL database $PG_DATABASE"
      as_postgres "CREATE DATABASE \"$PG_DATABASE\" OWNER \"$PG_ROLE\""
    fi
  fi
  if has psql && ! PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" -d "$PG_DATABASE" -qtAc "SELECT 1" >/dev/null 2>&1; then
    echo "Cannot sign in to PostgreSQL as $PG_ROLE. Create the role: sudo -u postgres psql -c \"CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD'\" && sudo -u postgres createdb -O $PG_ROLE $PG_DATABASE"
  fi
}

# Runs one test project and remembers its report. Arguments: run name, project, database provider.
run_tests() {
  local name=$1 project=$2 provider=$3
  say "Tests: $name"
  reports+=("$RESULTS/$name.trx")
  if ! WAYPOINT_TEST_PROVIDER=$provider dotnet test "$project" -c "$CONFIGURATION" --no-build \
      --results-directory "$RESULTS" --logger "trx;LogFileName=$name.trx" \
      --blame-hang-timeout 10m --blame-hang-dump-type none; then
    failures+=("$name")
  fi
}

# Sums the Counters of every report; a run without a report counts as a failure, never as zero tests.
summarise() {
  local passed=0 failed=0 skipped=0 report counters
  count() {
    local value
    value=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
    echo "${value:-0}"
  }
  say "Summary"
  for report in "${reports[@]}"; do
    counters=$( (grep -o '<Counters [^>]*>' "$report" 2>/dev/null || true) | head -n 1)
    if [ -z "$counters" ]; then
      echo "  $(basename "$report" .trx): no test report, the run did not finish"
      failures+=("$(basename "$report" .trx) (no report)")
      continue
    fi
    local p f s
    p=$(count passed)
    f=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
    s=$(count notExecuted)
    echo "  $(basename "$report" .trx): passed $p, failed $f, skipped $s"
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  done
  if [ $((passed + failed)) -eq 0 ]; then failures+=("no test ran"); fi
  if [ ${#failures[@]} -gt 0 ]; then echo "  Failed: ${failures[*]}"; fi
  echo "  Took $((SECONDS / 60)) min $((SECONDS % 60)) s"
  echo "$passed passed, $failed failed, $skipped skipped"
}

main() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  RESULTS="$(pwd)/TestResults"
  reports=()
  failures=()

  install_missing_packages
  start_postgres
  prepare_postgres_role
  export WAYPOINT_TEST_POSTGRES=${WAYPOINT_TEST_POSTGRES:-"Host=127.0.0.1;Port=$PG_PORT;Username=$PG_ROLE;Password=$PG_PASSWORD;Database=$PG_DATABASE"}
  export WAYPOINT_CHROMIUM=$CHROMIUM
  export WAYPOINT_TEST_RESULTS=$RESULTS

  say "Restoring tools and packages"
  dotnet tool restore
  dotnet restore Waypoint.slnx
  say "Building ($CONFIGURATION)"
  if ! dotnet build Waypoint.slnx -c "$CONFIGURATION" --no-restore; then
    echo "The build failed: no test ran." >&2
    exit 1
  fi

  rm -rf "$RESULTS"
  run_tests waypoint-tests-sqlite tests/Waypoint.Tests Sqlite
  run_tests waypoint-tests-postgres tests/Waypoint.Tests Postgres
  run_tests browser-tests tests/Waypoint.BrowserTests "${WAYPOINT_BROWSER_TEST_PROVIDER:-Sqlite}"

  say "Formatting (dotnet format --verify-no-changes)"
  if ! dotnet format Waypoint.slnx --verify-no-changes --no-restore; then
    echo "dotnet format would change files: run 'dotnet format Waypoint.slnx' and commit the result."
    failures+=("dotnet format")
  fi

  summarise
  [ ${#failures[@]} -eq 0 ]
}

# Sourcing the script (for example to try one step) defines the steps without running them.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
