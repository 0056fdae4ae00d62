#!/usr/bin/env bash
# Prepare verdaccio, the npm registry the installer suite publishes the packed
# package to (on 127.0.0.1, storage in a temporary folder; see test/installer/).
#
#   bash scripts/setup-verdaccio.sh
#
# The version is pinned in scripts/versions.json ("verdaccio"). Like n8n, it
# goes into the cache folder outside the repository and is reused once an
# install has finished; it is not a dev dependency, so `npm ci` never pays
# for it. Prints verdaccio's entry script (bin/verdaccio) on stdout.
#
# Environment: TRUTO_N8N_CACHE (default ~/.cache/n8n-nodes-truto).
set -euo pipefail

# Started by `npm run`/`npx`, this script inherits the project's npm settings:
# the npm command below states what it needs, so none of them may leak in.
for name in $(compgen -e); do
  case "$name" in npm_config_* | NPM_CONFIG_* | npm_package_* | npm_lifecycle_*) unset "$name" ;; esac
done

here="$(cd "$(dirname "$0")" && pwd)"
version="$(node -p "require(process.argv[1]).verdaccio" "$here/versions.json")"
cache="${TRUTO_N8N_CACHE:-$HOME/.cache/n8n-nodes-truto}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"
dir="$cache/verdaccio-$version"
entry="$dir/node_modules/verdaccio/bin/verdaccio"

log() { echo "[setup-verdaccio $version] $*" >&2; }

# One setup at a time: a second caller waits, then reuses the result.
exec 9>"$cache/.lock-verdaccio-$version"
if ! flock -n 9; then
  log "another setup is running; waiting for it"
  flock 9
fi

if [ -f "$dir/.complete" ]; then
  log "reusing $dir"
  echo "$entry"
  exit 0
fi

start=$(date +%s)
log "installing verdaccio $version into $dir (about 60 MB on disk from the npm registry, under a minute)"
rm -rf "$dir"
mkdir -p "$dir"
trap 'log "install failed; removing $dir"; rm -rf "$dir"' ERR
echo '{"name":"verdaccio-runtime","private":true}' >"$dir/package.json"
attempt=1
# Nothing verdaccio needs has a required install script.
until npm install --prefix "$dir" --no-save --ignore-scripts=true --no-audit --no-fund --loglevel=error \
  --fetch-retries=4 --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=30000 "verdaccio@$version" >&2; do
  if [ "$attempt" -ge 3 ]; then
    log "FAILED after $attempt attempts. Check the connection to the npm registry, then run again."
    exit 1
  fi
  log "download failed (attempt $attempt of 3); trying again in $((attempt * 10)) s"
  sleep $((attempt * 10))
  attempt=$((attempt + 1))
done
[ "$(node -p "require('$dir/node_modules/verdaccio/package.json').version")" = "$version" ]
node "$entry" --version >&2
echo "verdaccio=$version" >"$dir/.complete"
trap - ERR
log "done in $(($(date +%s) - start)) s ($(du -sh "$dir" | cut -f1))"
echo "$entry"
