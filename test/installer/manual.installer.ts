/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// The manual install from the README: `npm install` in ~/.n8n/nodes from the
// registry (here verdaccio on loopback, named with --registry), then n8n
// started. n8n loads every package in that folder when it boots.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startMockTruto, type MockTruto } from '../mock';
import { makeTempDir, PACKAGE_NAME, ROOT, setupN8n, type N8nInstall } from '../../scripts/lib/n8n';
import { e2eVersions } from '../e2e/support';
import { cleanNpmEnv } from './registry';
import {
  activateWebhookWorkflow,
  createCredential,
  declaredCredentialTypes,
  declaredNodeTypes,
  knownTypes,
  listPackages,
  published,
  startWithRegistry,
  type RegistryN8n,
} from './support';

/** The README's command, run in ~/.n8n/nodes. */
const README_COMMAND = `npm install ${PACKAGE_NAME} --legacy-peer-deps`;

describe.each(e2eVersions())('n8n %s: installed by hand with npm in ~/.n8n/nodes', (version) => {
  const token = `tk_installer_${randomBytes(16).toString('hex')}`;
  const registry = published();
  const expectedTypes = declaredNodeTypes();
  let n8n: N8nInstall;
  let mock: MockTruto;
  let userFolder: string;
  let nodesDir: string;
  let running: RegistryN8n;

  beforeAll(async () => {
    n8n = setupN8n(version);
    mock = await startMockTruto({ token });
    userFolder = makeTempDir(`n8n-installer-manual-${version}`);
    nodesDir = join(userFolder, '.n8n', 'nodes');
    mkdirSync(nodesDir, { recursive: true });
    const [cmd, ...args] = README_COMMAND.split(' ');
    execFileSync(cmd, [...args, `--registry=${registry.url}`, '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: nodesDir,
      env: cleanNpmEnv({ PATH: `${n8n.nodeBin}:${process.env.PATH}` }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    running = await startWithRegistry(n8n, userFolder);
  });

  afterAll(async () => {
    await running?.stop();
    await mock?.close();
    if (!process.env.TRUTO_E2E_KEEP && userFolder) rmSync(userFolder, { recursive: true, force: true });
  });

  test('the README gives this command', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('cd ~/.n8n/nodes');
    expect(readme).toContain(README_COMMAND);
  });

  test('npm installs the newest published version and nothing else', () => {
    const installed = JSON.parse(readFileSync(join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'));
    expect(installed.version).toBe(registry.next);
    // No copy of n8n-workflow (the peer dependency) beside n8n's own.
    const entries = readdirSync(join(nodesDir, 'node_modules')).filter((e) => !e.startsWith('.'));
    expect(entries).toEqual([PACKAGE_NAME]);
  });

  test('n8n loads every declared node type and the credential at start', async () => {
    const types = await knownTypes(running.rest);
    for (const type of expectedTypes) expect(types.nodes).toContain(type);
    for (const type of declaredCredentialTypes()) expect(types.credentials).toContain(type);
    // Installed by hand, it is not listed under Settings → Community nodes.
    expect((await listPackages(running.rest)).map((p) => p.packageName)).not.toContain(PACKAGE_NAME);
  });

  test('the credential and a Delete Organization workflow run against the mock Truto', async () => {
    const credential = await createCredential(running.rest, mock);
    const run = await activateWebhookWorkflow(running, credential);
    mock.clearRequests();
    const res = await run({ integratedAccountId: 'acc_mist', organizationId: 'mist_org_1' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: 'mist_org_1', integrated_account_id: 'acc_mist', deleted: true }]);
    const deletes = mock.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => [r.path, r.status, r.headers.authorization])).toEqual([
      ['/unified/user-directory/organizations/mist_org_1', 204, `Bearer ${token}`],
    ]);
  });
});
