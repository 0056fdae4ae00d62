# Sourced by the setup scripts of npm tools kept in the cache folder beside the
# n8n installs (TRUTO_N8N_CACHE, default ~/.cache/n8n-nodes-truto), pinned in
# scripts/versions.json and reused once an install has finished.
#
#   cache_install <versions.json key> <npm package> <path in the package to print> <size, time>
#
# Prints the package's folder joined with the path on stdout; logs go to stderr.

source "$(dirname "${BASH_SOURCE[0]}")/retry.sh"

# Started by `npm run`/`npx`, a setup script inherits the project's npm settings:
# the npm command below states what it needs, so none of them may leak in.
for name in $(compgen -e); do
  case "$name" in npm_config_* | NPM_CONFIG_* | npm_package_* | npm_lifecycle_*) unset "$name" ;; esac
done

cache_install() {
  local key="$1" package="$2" print="$3" size="$4"
  local here version cache dir target start installed
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  version="$(node -p "require(process.argv[1])[process.argv[2]]" "$here/versions.json" "$key")"
  cache="${TRUTO_N8N_CACHE:-$HOME/.cache/n8n-nodes-truto}"
  mkdir -p "$cache"
  cache="$(cd "$cache" && pwd)"
  dir="$cache/${package##*/}-$version"
  target="$dir/node_modules/$package${print:+/$print}"
  log() { echo "[setup-${package##*/} $version] $*" >&2; }

  # One setup at a time: a second caller waits, then reuses the result.
  exec 9>"$cache/.lock-${package##*/}-$version"
  if ! flock -n 9; then
    log "another setup is running; waiting for it"
    flock 9
  fi
  if [ -f "$dir/.complete" ]; then
    log "reusing $dir"
    echo "$target"
    return 0
  fi

  start=$(date +%s)
  log "installing $package@$version into $dir ($size)"
  rm -rf "$dir"
  mkdir -p "$dir"
  trap 'log "install failed; removing $dir"; rm -rf "$dir"' ERR
  echo "{\"name\":\"${package##*/}-runtime\",\"private\":true}" >"$dir/package.json"
  # Nothing these tools need has a required install script.
  retry "download of $package@$version" "the connection to the npm registry" \
    npm install --prefix "$dir" --no-save --ignore-scripts=true --no-audit --no-fund --loglevel=error \
    --fetch-retries=4 --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=30000 "$package@$version" >&2 || exit 1
  installed="$(node -p "require(process.argv[1]).version" "$dir/node_modules/$package/package.json")"
  if [ "$installed" != "$version" ]; then
    log "installed version $installed is not the pinned $version"
    rm -rf "$dir"
    exit 1
  fi
  echo "$key=$version" >"$dir/.complete"
  trap - ERR
  log "ready in $(($(date +%s) - start)) s ($(du -sh "$dir" | cut -f1))"
  echo "$target"
}
