#!/usr/bin/env bash
# npm run migration:new -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql from the
# difference between the committed schema (git HEAD) and the working prisma/schema.prisma, offline.
set -euo pipefail
name="${1:-}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "usage: npm run migration:new -- <snake_case_name>" >&2; exit 2; }
cd "$(dirname "$0")/.."
old="$(mktemp --suffix=.prisma)"
trap 'rm -f "$old"' EXIT
git show HEAD:prisma/schema.prisma > "$old"
sql="$(DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}" npx prisma migrate diff \
  --from-schema-datamodel "$old" --to-schema-datamodel prisma/schema.prisma --script)"
if ! grep -qv '^--' <<<"$sql" || [[ "$sql" == *"This is an empty migration"* ]]; then
  echo "prisma/schema.prisma does not differ from git HEAD: no migration written" >&2
  exit 1
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "wrote $dir/migration.sql (add CHECK constraints and data moves by hand if needed)"
