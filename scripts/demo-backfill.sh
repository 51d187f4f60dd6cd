#!/usr/bin/env bash
# Demonstrates backfill against the local exchange simulator, on SQLite and PostgreSQL:
# the database holds a real month with two holes (150 and 284 minutes, as in the April 2021 maintenance
# gaps); exchange-sim serves the complete month; backfill closes the holes; the stored candles then equal
# the source file text-exactly in OHLCV. Needs `npm run build` and the month file (default: ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${1:-../shared/data/BTCUSDT-1m-2025-06.csv}
PG=${ALPHAPULSE_TEST_PG_URL:-postgres://root@127.0.0.1:5432/test}
work=$(mktemp -d)
trap 'kill $SIM 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/complete" "$work/holes"
cp "$SRC" "$work/complete/"
name=$(basename "$SRC")
# punch the holes: 2025-06-20 02:00..04:29 (150) and 2025-06-25 04:01..08:44 (284)
awk -F, '!(($1>=1750384800000 && $1<=1750393740000) || ($1>=1750824060000 && $1<=1750841040000))' "$SRC" > "$work/holes/$name"
node bin/alphapulse.js exchange-sim --json --data "$work/complete" --port 0 --speed 0 --start 2025-07-01T00:00:00Z > "$work/sim.json" &
SIM=$!
for _ in $(seq 1 100); do [ -s "$work/sim.json" ] && break; sleep 0.1; done
URL=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8").split("\n")[0]).url)' "$work/sim.json")
echo "exchange-sim at $URL"
for DB in "sqlite:$work/demo.db" "$PG"; do
  echo "== $DB"
  if [[ $DB == postgres* ]]; then psql "$DB" -qc "DELETE FROM candles WHERE series_id IN (SELECT id FROM series WHERE exchange='binance' AND symbol='BTCUSDT' AND interval='1m')" 2>/dev/null || true; fi
  node bin/alphapulse.js --db "$DB" import "$work/holes/$name" --json
  node bin/alphapulse.js --db "$DB" gaps --symbol BTCUSDT --json
  ALPHAPULSE_EXCHANGE_URL=$URL node bin/alphapulse.js --db "$DB" backfill --symbol BTCUSDT --from 2025-06-01 --to 2025-06-30T23:59:00Z --json
  node bin/alphapulse.js --db "$DB" gaps --symbol BTCUSDT --json
  node --import tsx scripts/verify-candles.ts --db "$DB" --file "$SRC"
done
