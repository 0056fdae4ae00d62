/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Before the installer suite: n8n for every version under test and the packed
// package (as for the e2e suite), then verdaccio on loopback with two
// publications: the packed tarball as it is, and a copy one patch version newer
// (for the update).
import { join } from 'node:path';
import { makeTempDir } from '../../scripts/lib/n8n';
import e2eGlobalSetup from '../e2e/global-setup';
import { nextPatch, retagTarball, setupVerdaccio, startRegistry, tarballPackageJson, type Registry } from './registry';

export default async function globalSetup() {
  const entry = setupVerdaccio();
  await e2eGlobalSetup();
  const tarball = process.env.TRUTO_E2E_TARBALL!;
  const { version } = tarballPackageJson(tarball);
  const next = nextPatch(version);
  const work = makeTempDir('n8n-nodes-truto-publish');
  const registry = await startRegistry(entry, join(work, 'registry'));
  (globalThis as { truto?: { registry: Registry; work: string } }).truto = { registry, work };
  registry.publish(tarball);
  registry.publish(retagTarball(tarball, next, work));
  process.env.TRUTO_REGISTRY_URL = registry.url;
  process.env.TRUTO_PUBLISHED_VERSION = version;
  process.env.TRUTO_PUBLISHED_NEXT_VERSION = next;
}
