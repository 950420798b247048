#!/usr/bin/env bash
# Installs the Node tools of package-lock.json (dynalite, typescript, newman) when they are missing
# or older than the lock file. Called by the Maven build, ./homebiyori and .ci/run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
marker=node_modules/.package-lock.json
if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ]; then
  echo "[homebiyori] npm ci (dynalite, typescript, ...)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
