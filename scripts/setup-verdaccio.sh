#!/usr/bin/env bash
# verdaccio, the npm registry the installer suite publishes the packed package to
# (on 127.0.0.1, storage in a temporary folder; see test/installer/).
#
#   bash scripts/setup-verdaccio.sh    installs it when missing; prints its entry script
#
# Pinned in scripts/versions.json (verdaccio); kept in the cache folder beside the
# n8n installs, so `npm ci` never pays for it. Environment: TRUTO_N8N_CACHE.
set -euo pipefail
source "$(dirname "$0")/lib/cache-install.sh"
cache_install verdaccio verdaccio bin/verdaccio "about 60 MB; under a minute"
