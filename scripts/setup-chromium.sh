#!/usr/bin/env bash
# The browser for the browser suite: Debian's `chromium` package, driven by
# playwright-core (a dev dependency that downloads no browser of its own).
#
#   bash scripts/setup-chromium.sh      installs it when missing; prints its path
#
# Idempotent: a Chromium that starts is reused. Installing needs root and
# apt-get (Debian or Ubuntu). Debian's security updates replace the package's
# version, so it is not pinned; the suite prints the version it ran with.
#
# Environment: TRUTO_CHROMIUM, a Chromium binary to use instead (nothing is installed).
set -euo pipefail

log() { echo "[setup-chromium] $*" >&2; }

works() { # works <binary>: it exists and prints its version
  [ -x "$1" ] && "$1" --version >/dev/null 2>&1
}

if [ -n "${TRUTO_CHROMIUM:-}" ]; then
  if works "$TRUTO_CHROMIUM"; then
    log "using TRUTO_CHROMIUM: $("$TRUTO_CHROMIUM" --version 2>/dev/null)"
    echo "$TRUTO_CHROMIUM"
    exit 0
  fi
  log "TRUTO_CHROMIUM=$TRUTO_CHROMIUM does not start: point it at a Chromium binary, or unset it"
  exit 1
fi

binary=/usr/bin/chromium
if works "$binary"; then
  log "using $("$binary" --version 2>/dev/null) ($binary)"
  echo "$binary"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  log "Chromium is missing and this system has no apt-get. Install Chromium, then run again with"
  log "TRUTO_CHROMIUM=/path/to/chromium (the browser suite needs it; the other suites do not)."
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  log "Chromium is missing. Install Debian's package as root, then run again:"
  log "  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium"
  exit 1
fi

start=$(date +%s)
log "installing Debian's chromium package (about 100 MB; a minute or two)"
export DEBIAN_FRONTEND=noninteractive
# Another apt run (or a second suite) may hold the lock for a moment: wait for it.
apt_flags=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=300)
attempt=1
until apt-get -q -o DPkg::Lock::Timeout=300 update >&2 && apt-get install "${apt_flags[@]}" chromium >&2; do
  if [ "$attempt" -ge 3 ]; then
    log "FAILED: apt-get could not install chromium (3 attempts). Check the package sources, then run again."
    exit 1
  fi
  log "apt-get failed (attempt $attempt of 3); trying again in $((attempt * 10)) s"
  sleep $((attempt * 10))
  attempt=$((attempt + 1))
done

if ! works "$binary"; then
  log "chromium was installed but $binary does not start"
  exit 1
fi
log "installed $("$binary" --version 2>/dev/null) in $(($(date +%s) - start)) s"
echo "$binary"
