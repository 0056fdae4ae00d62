/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Before the e2e suite: n8n installed for every version under test (cached),
// and the package built and packed once (or TRUTO_E2E_TARBALL tested as given).
import { join } from 'node:path';
import { makeTempDir, packPackage, setupN8ns } from '../../scripts/lib/n8n';
import { e2eVersions } from './support';

export default async function globalSetup() {
  setupN8ns(e2eVersions());
  // A given tarball (e.g. a release) is tested as it is.
  if (process.env.TRUTO_E2E_TARBALL) return;
  const dir = makeTempDir('n8n-nodes-truto-pack');
  const build = process.env.TRUTO_E2E_SKIP_BUILD !== '1';
  process.env.TRUTO_E2E_PACK_DIR = dir;
  process.env.TRUTO_E2E_TARBALL = packPackage(join(dir, 'pack'), { build });
}
