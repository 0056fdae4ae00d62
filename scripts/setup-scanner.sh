#!/usr/bin/env bash
# n8n's community package scanner (@n8n/scan-community-package), for the scan suite.
#
#   bash scripts/setup-scanner.sh    installs it when missing; prints its package folder
#
# Pinned in scripts/versions.json (scanCommunityPackage); kept in the cache folder
# beside the n8n installs (about 220 MB with its ESLint, TypeScript and plugins:
# too big for a dev dependency). Environment: TRUTO_N8N_CACHE.
set -euo pipefail
source "$(dirname "$0")/lib/cache-install.sh"
cache_install scanCommunityPackage @n8n/scan-community-package "" "about 220 MB; under a minute"
