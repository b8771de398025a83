#!/usr/bin/env bash
# npm run stage:webapp — what App Service runs, in .tmp/webapp (zip-deployed by m365agents.yml or
# az webapp deploy): the built bot and tab (dist/, from npm run build), the SQL migrations
# (bot/adapters/store/migrate.ts finds them beside the sources' path), package.json and the
# production dependencies only. The start command is `node dist/bot/main.js` (infra/modules/web-app.bicep).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/.tmp/webapp"
[ -f "$ROOT/dist/bot/main.js" ] || { echo "stage-webapp: run npm run build first" >&2; exit 1; }
[ -d "$ROOT/dist/tab" ] || { echo "stage-webapp: dist/tab is missing (npm run build builds it)" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT/bot/adapters/store"
cp -R "$ROOT/dist" "$OUT/dist"
cp -R "$ROOT/bot/adapters/store/migrations" "$OUT/bot/adapters/store/migrations"
cp "$ROOT/package.json" "$ROOT/package-lock.json" "$OUT/"
(cd "$OUT" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund)
echo "stage-webapp: $(du -sh "$OUT" | cut -f1) in $OUT"
