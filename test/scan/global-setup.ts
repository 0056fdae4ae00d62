/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Before the scan suite: the pinned scanner installed (cached), and the package
// built and packed once (or TRUTO_E2E_TARBALL scanned as given).
import { join } from 'node:path';
import { makeTempDir, packPackage } from '../../scripts/lib/n8n';
import { setupScanner } from '../../scripts/lib/scan';

export default async function globalSetup() {
  process.env.TRUTO_SCANNER_DIR = setupScanner();
  if (process.env.TRUTO_E2E_TARBALL) return;
  const dir = makeTempDir('n8n-nodes-truto-pack');
  process.env.TRUTO_E2E_PACK_DIR = dir;
  process.env.TRUTO_E2E_TARBALL = packPackage(join(dir, 'pack'), {
    build: process.env.TRUTO_E2E_SKIP_BUILD !== '1',
  });
}
