#!/usr/bin/env bash
# Installs the dev dependencies when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "Installing dev dependencies (npm ci)…"
	npm ci --no-fund --no-audit
fi
