# Sourced by the setup scripts that need Debian packages. The caller defines log().
#
#   apt_install "<what, and how big>" <package…>
#
# Installs the packages with apt-get as root, waiting for another apt run's lock
# and trying 3 times. Without root it says what to run and exits; without apt-get
# it returns 2, so that the caller can say how to point it at binaries instead.

source "$(dirname "${BASH_SOURCE[0]}")/retry.sh"

apt_install() {
  local what="$1" start
  shift
  command -v apt-get >/dev/null || return 2
  if [ "$(id -u)" -ne 0 ]; then
    log "missing: $*. Install Debian's packages as root, then run again:"
    log "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $*"
    exit 1
  fi
  start=$(date +%s)
  log "installing Debian's $what; a minute or two"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt run (or a second suite) may hold the lock for a moment: wait for it.
  retry "apt-get install $*" "the package sources" apt_get_install "$@" || exit 1
  log "installed $* in $(($(date +%s) - start)) s"
}

apt_get_install() {
  apt-get -q -o DPkg::Lock::Timeout=300 update >&2 &&
    apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "$@" >&2
}
