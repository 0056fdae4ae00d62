/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Settings → Community nodes → Install, as the editor does it: n8n's own
// installer (POST/PATCH/DELETE /rest/community-packages) fetches the package
// from a registry. The registry is verdaccio on loopback, reached through a
// test-only npm wrapper that swaps the registry n8n names for it (see
// npm-wrapper.ts); everything else is n8n's own code. Then the installed node
// runs a Delete Organization workflow against the mock Truto, the package is
// updated to a newer version and uninstalled. The install n8n made is also
// compared with the faster reproduction the e2e suite, the demo and the
// benchmark use (installPackageFiles + registerPackage in scripts/lib/n8n.ts).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { startMockTruto, type MockTruto } from '../mock';
import { makeTempDir, PACKAGE_NAME, prepareUserFolder, setupN8n, type N8nInstall } from '../../scripts/lib/n8n';
import { credentialsFor, e2eVersions, packedTarball } from '../e2e/support';
import {
  activateWebhookWorkflow,
  createCredential,
  declaredCredentialTypes,
  declaredNodeTypes,
  installState,
  knownTypes,
  listPackages,
  published,
  startWithRegistry,
  type InstalledPackage,
  type InstallState,
  type RegistryN8n,
} from './support';

const ORGS = '/unified/user-directory/organizations';

describe.each(e2eVersions())('n8n %s: installed from a registry by Settings → Community nodes', (version) => {
  const token = `tk_installer_${randomBytes(16).toString('hex')}`;
  const registry = published();
  const expectedTypes = declaredNodeTypes();
  let n8n: N8nInstall;
  let mock: MockTruto;
  let userFolder: string;
  let reproducedFolder: string;
  let reproduced: InstallState;
  let running: RegistryN8n;
  let installed: { status: number; body: { data: InstalledPackage } };
  let realState: InstallState;
  let runWebhook: Awaited<ReturnType<typeof activateWebhookWorkflow>>;

  beforeAll(async () => {
    n8n = setupN8n(version);
    mock = await startMockTruto({ token });
    // The reproduction, for the comparison below (its own user folder, one n8n CLI run).
    reproducedFolder = makeTempDir(`n8n-installer-reproduced-${version}`);
    await prepareUserFolder(n8n, reproducedFolder, packedTarball(), credentialsFor(mock));
    reproduced = installState(n8n, reproducedFolder);

    userFolder = makeTempDir(`n8n-installer-${version}`);
    running = await startWithRegistry(n8n, userFolder);
    installed = await running.rest.request('POST', '/community-packages', {
      name: PACKAGE_NAME,
      version: registry.version,
    });
    realState = installState(n8n, userFolder);
  });

  afterAll(async () => {
    await running?.stop();
    await mock?.close();
    if (!process.env.TRUTO_E2E_KEEP) {
      for (const dir of [userFolder, reproducedFolder]) if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  test('POST /rest/community-packages installs the packed version with every node type the package declares', () => {
    expect(expectedTypes.length).toBeGreaterThan(0);
    if (installed.status !== 200) throw new Error(`${installed.status} ${JSON.stringify(installed.body)}\n${running.server.output()}`);
    const pkg = installed.body.data;
    expect(pkg.packageName).toBe(PACKAGE_NAME);
    expect(pkg.installedVersion).toBe(registry.version);
    expect(pkg.installedNodes.map((n) => n.type).sort()).toEqual(expectedTypes);
  });

  test('n8n ran npm pack and npm install naming the public registry, which the wrapper swapped for the loopback one', () => {
    const calls = running.npmCalls();
    expect(calls.some((c) => c.startsWith(`pack ${PACKAGE_NAME}@${registry.version}`))).toBe(true);
    expect(calls.some((c) => c.startsWith('install '))).toBe(true);
    // n8n named the public registry; the wrapper sent the request to the loopback one.
    for (const call of calls.filter((c) => /^(pack|install|view) /.test(c))) {
      expect(call).toContain('--registry=https://registry.npmjs.org');
    }
  });

  test('the node and credential types are loaded at once, without a restart', async () => {
    const types = await knownTypes(running.rest);
    for (const type of expectedTypes) expect(types.nodes).toContain(type);
    for (const type of declaredCredentialTypes()) expect(types.credentials).toContain(type);
  });

  test('Settings → Community nodes lists it, loaded, and offers the newer version from the registry', async () => {
    const outdatedBefore = running.npmCalls().filter((c) => c.startsWith('outdated')).length;
    const ours = (await listPackages(running.rest)).find((p) => p.packageName === PACKAGE_NAME);
    expect(ours).toBeDefined();
    expect(ours!.installedVersion).toBe(registry.version);
    expect(ours!.failedLoading).toBeFalsy();
    expect(ours!.updateAvailable).toBe(registry.next);
    // n8n learns of updates with `npm outdated` in the nodes folder (no --registry argument).
    expect(running.npmCalls().filter((c) => c.startsWith('outdated'))).toHaveLength(outdatedBefore + 1);
  });

  test('the credential and a Delete Organization workflow run against the mock Truto', async () => {
    const credential = await createCredential(running.rest, mock);
    runWebhook = await activateWebhookWorkflow(running, credential);
    mock.clearRequests();
    const res = await runWebhook({ integratedAccountId: 'acc_github', organizationId: 'acme-corp' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([expect.objectContaining({ id: 'acme-corp' })]);
    const deletes = mock.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => [r.path, r.query.integrated_account_id, r.status])).toEqual([
      [`${ORGS}/acme-corp`, 'acc_github', 200],
    ]);
    expect(deletes[0].headers.authorization).toBe(`Bearer ${token}`);
  });

  test('the reproduced install leaves the same files, nodes folder and database rows as n8n\'s installer', () => {
    // One comparison, so that a failure shows every difference at once.
    expect(reproduced).toEqual(realState);
  });

  test('an update to the newer version replaces the files and rows, and the workflow runs on it', async () => {
    // The editor's Update button sends the name alone: n8n installs `latest`. Before npm,
    // n8n checks the version over HTTP at the public registry (the wrapper cannot see
    // that), and where the package is missing there it falls back to `npm view` through
    // the wrapper. n8n 1.x's fallback compares the answer with the literal "latest" and
    // refuses, so on 1.x the update names the version, as the API allows.
    const update = version.startsWith('1.') ? { name: PACKAGE_NAME, version: registry.next } : { name: PACKAGE_NAME };
    const res = await running.rest.request<{ data: InstalledPackage }>('PATCH', '/community-packages', update);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    expect(res.body.data.installedVersion).toBe(registry.next);
    expect(res.body.data.installedNodes.map((n) => n.type).sort()).toEqual(expectedTypes);

    const state = installState(n8n, userFolder);
    expect(JSON.parse(state.packageJson).version).toBe(registry.next);
    expect(state.ledger).toEqual({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: registry.next } });
    expect(state.rows.packages).toEqual([expect.objectContaining({ packageName: PACKAGE_NAME, installedVersion: registry.next })]);
    expect(state.rows.nodes.map((n) => n.type).sort()).toEqual(expectedTypes);
    // Only the version differs from the first install.
    const withoutPackageJson = (files: Record<string, string>) =>
      Object.entries(files).filter(([path]) => path !== 'package.json');
    expect(withoutPackageJson(state.files)).toEqual(withoutPackageJson(realState.files));

    mock.clearRequests();
    const run = await runWebhook({ integratedAccountId: 'acc_github', organizationId: 'acme-labs' });
    expect(run.status).toBe(200);
    expect(run.body).toEqual([expect.objectContaining({ id: 'acme-labs' })]);
    expect(mock.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([200]);
  });

  test('an uninstall removes the package folder, its rows and its node types', async () => {
    const res = await running.rest.request('DELETE', `/community-packages?name=${PACKAGE_NAME}`);
    expect(res.status).toBe(200);
    expect((await listPackages(running.rest)).map((p) => p.packageName)).not.toContain(PACKAGE_NAME);
    const types = await knownTypes(running.rest);
    for (const type of expectedTypes) expect(types.nodes).not.toContain(type);
    for (const type of declaredCredentialTypes()) expect(types.credentials).not.toContain(type);

    const state = installState(n8n, userFolder);
    expect(state.nodeModules).toEqual([]);
    expect(state.rows).toEqual({ packages: [], nodes: [] });
    // n8n 2.x also takes the package out of the nodes folder's package.json; 1.x leaves
    // that line (n8n's own behaviour, harmless: nothing is loaded from it).
    const left = version.startsWith('1.') ? { [PACKAGE_NAME]: registry.next } : {};
    expect(state.ledger).toEqual({ name: 'installed-nodes', private: true, dependencies: left });
  });
});
