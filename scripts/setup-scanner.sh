#!/usr/bin/env bash
# n8n's community package scanner (@n8n/scan-community-package), for the scan suite.
#
#   bash scripts/setup-scanner.sh    installs it when missing; prints its package folder
#
# The version is pinned in scripts/versions.json (scanCommunityPackage). It goes
# into the cache folder beside the n8n installs (about 220 MB with its ESLint,
# TypeScript and plugins: too big for a dev dependency), and is reused once
# complete.
#
# Environment: TRUTO_N8N_CACHE (default ~/.cache/n8n-nodes-truto).
set -euo pipefail

# Started by `npm run`/`npx`, this script inherits the project's npm settings; none may leak in.
for name in $(compgen -e); do
  case "$name" in npm_config_* | NPM_CONFIG_* | npm_package_* | npm_lifecycle_*) unset "$name" ;; esac
done

here="$(cd "$(dirname "$0")" && pwd)"
version="$(node -p "require(process.argv[1]).scanCommunityPackage" "$here/versions.json")"
cache="${TRUTO_N8N_CACHE:-$HOME/.cache/n8n-nodes-truto}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"
dir="$cache/scan-community-package-$version"
package="$dir/node_modules/@n8n/scan-community-package"

log() { echo "[setup-scanner $version] $*" >&2; }

exec 9>"$cache/.lock-scan-community-package-$version"
if ! flock -n 9; then
  log "another setup of the scanner is running; waiting for it"
  flock 9
fi

if [ -f "$dir/.complete" ]; then
  log "reusing $dir"
  echo "$package"
  exit 0
fi

start=$(date +%s)
log "installing @n8n/scan-community-package@$version into $dir (about 220 MB; under a minute)"
rm -rf "$dir"
mkdir -p "$dir"
trap 'log "install failed; removing $dir"; rm -rf "$dir"' ERR
echo '{"name":"scanner-runtime","private":true}' >"$dir/package.json"
attempt=1
until npm install --prefix "$dir" --ignore-scripts=true --no-audit --no-fund --loglevel=error \
  --fetch-retries=4 --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=30000 \
  "@n8n/scan-community-package@$version" >&2; do
  if [ "$attempt" -ge 3 ]; then
    log "FAILED: the scanner could not be installed (3 attempts). Check the connection to the npm registry, then run again."
    exit 1
  fi
  log "npm install failed (attempt $attempt of 3); trying again in $((attempt * 10)) s"
  sleep $((attempt * 10))
  attempt=$((attempt + 1))
done
installed="$(node -p "require(process.argv[1]).version" "$package/package.json")"
[ "$installed" = "$version" ] || {
  log "installed version $installed is not the pinned $version"
  false
}
echo "scan-community-package=$version" >"$dir/.complete"
trap - ERR
log "ready in $(($(date +%s) - start)) s ($(du -sh "$dir" | cut -f1))"
echo "$package"
