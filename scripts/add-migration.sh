#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migrations projects.
# Usage: scripts/add-migration.sh NameOfMigration
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NameOfMigration}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  # The EF tools read the project's metadata before building, which needs a restored project.
  dotnet restore "src/Waypoint.Migrations.$provider" >/dev/null
  dotnet ef migrations add "$name" \
    --project "src/Waypoint.Migrations.$provider" \
    --startup-project "src/Waypoint.Migrations.$provider" \
    --output-dir Migrations
done
