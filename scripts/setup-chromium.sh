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
source "$(dirname "$0")/lib/apt-install.sh"

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

apt_install "chromium package (about 100 MB)" chromium || {
  log "Chromium is missing and this system has no apt-get. Install Chromium, then run again with"
  log "TRUTO_CHROMIUM=/path/to/chromium (the browser suite needs it; the other suites do not)."
  exit 1
}

if ! works "$binary"; then
  log "chromium was installed but $binary does not start"
  exit 1
fi
log "using $("$binary" --version 2>/dev/null) ($binary)"
echo "$binary"
