/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// Before the browser suite: Debian's Chromium (installed when missing), n8n for
// every version under test (cached), and the package built and packed once (or
// TRUTO_E2E_TARBALL tested as given).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { makeTempDir, packPackage, ROOT, setupN8ns } from '../../scripts/lib/n8n';
import { browserVersions } from './support';

export default async function globalSetup() {
  const chromium = spawnSync('bash', [join(ROOT, 'scripts', 'setup-chromium.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (chromium.status !== 0) throw new Error(`setup-chromium.sh failed (exit ${chromium.status})`);
  process.env.TRUTO_CHROMIUM_PATH = chromium.stdout.trim().split('\n').pop();

  setupN8ns(browserVersions());
  if (process.env.TRUTO_E2E_TARBALL) return;
  const dir = makeTempDir('n8n-nodes-truto-pack');
  process.env.TRUTO_E2E_PACK_DIR = dir;
  process.env.TRUTO_E2E_TARBALL = packPackage(join(dir, 'pack'), {
    build: process.env.TRUTO_E2E_SKIP_BUILD !== '1',
  });
}
