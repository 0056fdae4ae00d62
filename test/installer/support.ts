/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error */
// Shared pieces of the installer suite: the registry the global setup started,
// n8n started with the test-only npm wrapper, what an install left on disk and
// in the database, and a Delete Organization workflow run through a webhook.
import { createHash, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { MockTruto } from '../mock';
import { makeTempDir, PACKAGE_NAME, type N8nInstall } from '../../scripts/lib/n8n';
import { RestClient, startN8nServer, type N8nServer } from '../../scripts/lib/server';
import { writeNpmWrapper, type NpmWrapper } from './npm-wrapper';
import { tarballPackageJson } from './registry';
import { packedTarball } from '../e2e/support';

/** What the global setup published: the packed tarball and a copy one patch version newer. */
export function published() {
  const url = process.env.TRUTO_REGISTRY_URL;
  const version = process.env.TRUTO_PUBLISHED_VERSION;
  const next = process.env.TRUTO_PUBLISHED_NEXT_VERSION;
  if (!url || !version || !next) {
    throw new Error('the registry is not running: run the suite with test/installer/jest.config.js');
  }
  return { url, version, next };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The node types the package declares (package.json `n8n.nodes`), as n8n names
 * them: `<package>.<node name>`. A node file is `<Class>.node.js` and its name
 * is the class name with a lower-case first letter (n8n's lint rule
 * node-filename-against-convention keeps the three in step).
 */
export function declaredNodeTypes(tarball = packedTarball()): string[] {
  const pkg = tarballPackageJson(tarball);
  return pkg.n8n.nodes.map((file) => `${pkg.name}.${lowerFirst(basename(file, '.node.js'))}`).sort();
}

/** The credential types the package declares (`n8n.credentials`), e.g. trutoApi. */
export function declaredCredentialTypes(tarball = packedTarball()): string[] {
  const pkg = tarballPackageJson(tarball);
  return pkg.n8n.credentials.map((file) => lowerFirst(basename(file, '.credentials.js'))).sort();
}

export interface RegistryN8n {
  server: N8nServer;
  rest: RestClient;
  wrapper: NpmWrapper;
  /** the npm command lines n8n ran so far */
  npmCalls(): string[];
  stop(): Promise<void>;
}

/**
 * `n8n start` with the npm wrapper first in its PATH (so n8n's installer
 * reaches the loopback registry), the owner set up over REST and logged in.
 */
export async function startWithRegistry(
  n8n: N8nInstall,
  userFolder: string,
  opts: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RegistryN8n> {
  const wrapperDir = makeTempDir('n8n-nodes-truto-npm');
  // The PATH n8nEnv gives n8n, with the wrapper in front of it.
  const path = `${n8n.nodeBin}:${process.env.PATH}`;
  const wrapper = writeNpmWrapper(wrapperDir, published().url, path);
  const server = await startN8nServer(n8n, userFolder, {
    env: { PATH: `${wrapper.binDir}:${path}`, ...opts.env },
    timeoutMs: opts.timeoutMs ?? 180_000,
  });
  const rest = new RestClient(server.url);
  try {
    await rest.loginAsOwner();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    server,
    rest,
    wrapper,
    npmCalls: () => readFileSync(wrapper.logFile, 'utf8').split('\n').filter(Boolean),
    async stop() {
      await server.stop();
      rmSync(wrapperDir, { recursive: true, force: true });
    },
  };
}

export interface InstalledPackage {
  packageName: string;
  installedVersion: string;
  authorName?: string;
  authorEmail?: string;
  installedNodes: { name: string; type: string; latestVersion: number }[];
  updateAvailable?: string;
  failedLoading?: boolean;
}

/** GET /rest/community-packages: what Settings → Community nodes lists. */
export async function listPackages(rest: RestClient) {
  const res = await rest.request<{ data: InstalledPackage[] }>('GET', '/community-packages');
  if (res.status !== 200) throw new Error(`GET /community-packages: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

/** The node and credential types the running n8n knows. */
export async function knownTypes(rest: RestClient) {
  const nodes = (await rest.call<{ name: string }[]>('GET', '/types/nodes.json')).body;
  const credentials = (await rest.call<{ name: string }[]>('GET', '/types/credentials.json')).body;
  return { nodes: nodes.map((n) => n.name), credentials: credentials.map((c) => c.name) };
}

export interface InstallState {
  /** every file of the installed package: path under its folder → sha256 */
  files: Record<string, string>;
  /** the installed package's package.json as written */
  packageJson: string;
  /** entries of <user folder>/.n8n/nodes and of its node_modules */
  nodesFolder: string[];
  nodeModules: string[];
  /** <user folder>/.n8n/nodes/package.json, as JSON */
  ledger: unknown;
  /** installed_packages and installed_nodes, without timestamps */
  rows: { packages: Record<string, unknown>[]; nodes: Record<string, unknown>[] };
}

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** The rows n8n keeps about community packages (read-only; n8n may be running). */
export function installedRows(n8n: N8nInstall, userFolder: string): InstallState['rows'] {
  const out = execFileSync(
    join(n8n.nodeBin, 'node'),
    [join(__dirname, 'installed-rows.cjs'), n8n.dir, userFolder],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out);
}

/** What an install left in the user folder: files, the nodes folder's package.json, database rows. */
export function installState(n8n: N8nInstall, userFolder: string): InstallState {
  const nodesDir = join(userFolder, '.n8n', 'nodes');
  const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
  const ledgerPath = join(nodesDir, 'package.json');
  return {
    files: existsSync(packageDir) ? filesUnder(packageDir) : {},
    packageJson: existsSync(packageDir) ? readFileSync(join(packageDir, 'package.json'), 'utf8') : '',
    nodesFolder: existsSync(nodesDir) ? readdirSync(nodesDir).sort() : [],
    nodeModules: existsSync(join(nodesDir, 'node_modules')) ? readdirSync(join(nodesDir, 'node_modules')).sort() : [],
    ledger: existsSync(ledgerPath) ? JSON.parse(readFileSync(ledgerPath, 'utf8')) : undefined,
    rows: installedRows(n8n, userFolder),
  };
}

export const TRUTO_NODE = 'Delete organization';

/**
 * Webhook (POST, answers with the last node's items) → Truto User Directory:
 * Delete Organization, the account and organization read from the request body.
 */
export function webhookDeleteWorkflow(opts: { path: string; credentialId: string; credentialName: string }) {
  return {
    name: `Delete organization (${opts.path})`,
    nodes: [
      {
        id: randomUUID(),
        name: 'Webhook',
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId: randomUUID(),
        parameters: { httpMethod: 'POST', path: opts.path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
      },
      {
        id: randomUUID(),
        name: TRUTO_NODE,
        type: `${PACKAGE_NAME}.trutoUserDirectory`,
        typeVersion: 1.1,
        position: [220, 0],
        parameters: {
          resource: 'organization',
          operation: 'delete',
          integratedAccountId: { __rl: true, mode: 'id', value: '={{ $json.body.integratedAccountId }}' },
          id: { __rl: true, mode: 'id', value: '={{ $json.body.organizationId }}' },
          options: {},
        },
        credentials: { trutoApi: { id: opts.credentialId, name: opts.credentialName } },
      },
    ],
    connections: { Webhook: { main: [[{ node: TRUTO_NODE, type: 'main', index: 0 }]] } },
    settings: { executionOrder: 'v1' },
    active: false,
  };
}

/** Creates a Truto API credential over REST (as the editor's credential modal saves it). */
export async function createCredential(rest: RestClient, mock: MockTruto, name = 'Truto (mock)') {
  const res = await rest.request<{ data: { id: string; name: string } }>('POST', '/credentials', {
    name,
    type: 'trutoApi',
    data: { apiToken: mock.token, baseUrl: mock.url },
  });
  if (res.status !== 200) throw new Error(`POST /credentials: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

/**
 * Saves the webhook workflow and activates it over REST; returns a function
 * that sends one request to its production URL and gives n8n's answer.
 */
export async function activateWebhookWorkflow(
  n8n: RegistryN8n,
  credential: { id: string; name: string },
) {
  const path = `truto-installer-${randomUUID()}`;
  const workflow = webhookDeleteWorkflow({ path, credentialId: credential.id, credentialName: credential.name });
  const created = await n8n.rest.request<{ data: { id: string; versionId: string } }>('POST', '/workflows', workflow);
  if (created.status !== 200) throw new Error(`POST /workflows: ${created.status} ${JSON.stringify(created.body)}`);
  const { id, versionId } = created.body.data;
  const activated = await n8n.rest.request<{ data: { active: boolean } }>('POST', `/workflows/${id}/activate`, {
    versionId,
  });
  if (activated.status !== 200) {
    throw new Error(`activate: ${activated.status} ${JSON.stringify(activated.body)}\n${n8n.server.output()}`);
  }
  const url = `${n8n.server.url}/webhook/${path}`;
  return async (body: Record<string, unknown>) => {
    // Right after activation the webhook may not be registered yet: a 404 is tried again.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status !== 404 || Date.now() > deadline) {
        let json: unknown = text;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON
        }
        return { status: res.status, body: json };
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  };
}
