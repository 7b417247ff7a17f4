#!/usr/bin/env bash
# Start-up costs of the command line, each a median of ROUNDS runs and a ratio against a floor
# measured in the same run (absolute seconds depend on the machine and its load; ratios much less):
#
#   ecocredit --help, ecocredit seed --help   vs  `node -e 0` (a bare Node start): the dispatcher loads
#                                                 none of the application, so the ratio should stay near 1
#   npm start, warm (dist/ up to date)         vs  `node dist/src/cli/main.js start` (no build step): what
#                                                 the build check adds to a start, until GET /healthz answers
#
# BENCH_DATABASE_URL / TEST_DATABASE_URL: server for a scratch database (migrated and seeded by a first,
# unmeasured start); ROUNDS (default 3). Nothing here is asserted by `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${ROUNDS:-3}"
base_url="${BENCH_DATABASE_URL:-${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}}"
database="ecocredit_bench_cli_$$"
port="$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
server_pid=""

sql() {
  node -e '
    const { Client } = require("pg");
    const client = new Client({ connectionString: process.argv[1] });
    client.connect().then(() => client.query(process.argv[2])).finally(() => client.end());
  ' "$base_url" "$1"
}

cleanup() {
  [ -n "$server_pid" ] && kill -TERM -- "-$server_pid" 2>/dev/null || true
  sql "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" || true
}
trap cleanup EXIT

# Seconds (with fraction) one run of the command takes.
seconds_of() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000))e-3"
}

# Seconds until GET /healthz answers on $port, then stops the server (its whole process group).
seconds_to_healthy() {
  local start end
  start=$(date +%s%N)
  set -m
  "$@" >/dev/null 2>&1 &
  server_pid=$!
  set +m
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited before it was healthy: $*" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  kill -TERM -- "-$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  echo "$(((end - start) / 1000000))e-3"
}

median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
report() { # name, measured medians, floor median
  node -e 'const [name, value, floor] = process.argv.slice(1); console.log(`${name.padEnd(34)} ${Number(value).toFixed(2)} s  = ${(value / floor).toFixed(2)} × floor (${Number(floor).toFixed(2)} s)`)' "$1" "$2" "$3"
}

npm run build --silent
sql "CREATE DATABASE \"$database\""
url="${base_url%/*}/$database"
export DATABASE_URL="$url" HUB_DEMO=1 PORT="$port"
seconds_to_healthy node dist/src/cli/main.js start >/dev/null # migrate and seed, not measured

floor=() help=() seed_help=() direct=() npm_start=()
for _ in $(seq "$rounds"); do
  floor+=("$(seconds_of node -e 0)")
  help+=("$(seconds_of node bin/ecocredit.js --help)")
  seed_help+=("$(seconds_of node bin/ecocredit.js seed --help)")
  direct+=("$(seconds_to_healthy node --max-semi-space-size=64 dist/src/cli/main.js start)")
  npm_start+=("$(seconds_to_healthy npm start --silent)")
done

floor_median="$(echo "${floor[*]}" | median)"
direct_median="$(echo "${direct[*]}" | median)"
echo "== cli start-up, median of $rounds rounds"
report "ecocredit --help" "$(echo "${help[*]}" | median)" "$floor_median"
report "ecocredit seed --help" "$(echo "${seed_help[*]}" | median)" "$floor_median"
report "npm start (warm) to /healthz" "$(echo "${npm_start[*]}" | median)" "$direct_median"
