/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The install declared by environment (n8n 2.21.0 and later):
// N8N_COMMUNITY_PACKAGES with N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV=true makes
// n8n install the listed packages from the registry when it starts, and bring
// them to the listed version on every start. The registry is verdaccio on
// loopback, reached through the test-only npm wrapper (npm-wrapper.ts);
// everything else is n8n's own code.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { startMockTruto, type MockTruto } from '../mock';
import { makeTempDir, PACKAGE_NAME, setupN8n, type N8nInstall } from '../../scripts/lib/n8n';
import { e2eVersions } from '../e2e/support';
import {
  createCredential,
  declaredCredentialTypes,
  declaredNodeTypes,
  installState,
  knownTypes,
  listPackages,
  published,
  startWithRegistry,
  type RegistryN8n,
} from './support';

/** n8n reconciles community packages from the environment from 2.21.0 on. */
function managesPackagesByEnv(version: string) {
  const [major, minor] = version.split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 21);
}

const withEnv = e2eVersions().filter(managesPackagesByEnv);
const without = e2eVersions().filter((v) => !managesPackagesByEnv(v));

const declared = (version: string) => ({
  N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV: 'true',
  N8N_COMMUNITY_PACKAGES: JSON.stringify([{ name: PACKAGE_NAME, version }]),
});

if (withEnv.length > 0) {
  describe.each(withEnv)('n8n %s: installed at start from N8N_COMMUNITY_PACKAGES', (version) => {
    const registry = published();
    const expectedTypes = declaredNodeTypes();
    let n8n: N8nInstall;
    let mock: MockTruto;
    let userFolder: string;
    let running: RegistryN8n | undefined;

    beforeAll(async () => {
      n8n = setupN8n(version);
      mock = await startMockTruto({ token: `tk_installer_${randomBytes(16).toString('hex')}` });
      userFolder = makeTempDir(`n8n-installer-env-${version}`);
      running = await startWithRegistry(n8n, userFolder, { env: declared(registry.version) });
    });

    afterAll(async () => {
      await running?.stop();
      await mock?.close();
      if (!process.env.TRUTO_E2E_KEEP && userFolder) rmSync(userFolder, { recursive: true, force: true });
    });

    test('n8n installs the declared version from the registry before it serves the editor', async () => {
      const ours = (await listPackages(running!.rest)).find((p) => p.packageName === PACKAGE_NAME);
      expect(ours?.installedVersion).toBe(registry.version);
      expect(ours!.failedLoading).toBeFalsy();
      expect(ours!.installedNodes.map((n) => n.type).sort()).toEqual(expectedTypes);
      expect(running!.npmCalls().some((c) => c.startsWith(`pack ${PACKAGE_NAME}@${registry.version}`))).toBe(true);

      const state = installState(n8n, userFolder);
      expect(JSON.parse(state.packageJson).version).toBe(registry.version);
      expect(state.rows.nodes.map((n) => n.type).sort()).toEqual(expectedTypes);
      const types = await knownTypes(running!.rest);
      for (const type of expectedTypes) expect(types.nodes).toContain(type);
      for (const type of declaredCredentialTypes()) expect(types.credentials).toContain(type);
    });

    test('the credential it brings passes its Test button against the mock Truto', async () => {
      const credential = await createCredential(running!.rest, mock);
      mock.clearRequests();
      expect(await running!.rest.testSavedCredential(credential.id)).toMatchObject({ status: 'OK' });
      expect(mock.requests.map((r) => [r.method, r.path, r.status])).toEqual([['GET', '/integrated-account', 200]]);
    });

    test('the editor cannot install or uninstall while the environment manages packages', async () => {
      const install = await running!.rest.request<{ message: string }>('POST', '/community-packages', {
        name: PACKAGE_NAME,
      });
      expect(install.status).toBe(400);
      expect(install.body.message).toMatch(/managed via environment variables/i);
      const uninstall = await running!.rest.request('DELETE', `/community-packages?name=${PACKAGE_NAME}`);
      expect(uninstall.status).toBe(400);
    });

    test('a restart with a newer declared version updates the package', async () => {
      await running!.stop();
      running = await startWithRegistry(n8n, userFolder, { env: declared(registry.next) });
      const ours = (await listPackages(running.rest)).find((p) => p.packageName === PACKAGE_NAME);
      expect(ours?.installedVersion).toBe(registry.next);
      expect(ours!.installedNodes.map((n) => n.type).sort()).toEqual(expectedTypes);
      const state = installState(n8n, userFolder);
      expect(JSON.parse(state.packageJson).version).toBe(registry.next);
      expect(state.ledger).toEqual({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: registry.next } });
      expect(state.rows.packages).toEqual([expect.objectContaining({ installedVersion: registry.next })]);
    });
  });
}

if (without.length > 0) {
  describe.each(without)('n8n %s: installed at start from N8N_COMMUNITY_PACKAGES', () => {
    test.skip('is not offered: n8n manages packages from the environment from 2.21.0 on', () => {});
  });
}
