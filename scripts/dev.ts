/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// npm run dev: n8n's editor on http://127.0.0.1:5678 with this package
// installed as a community package, rebuilt by `tsc --watch` and reloaded by
// n8n on every change. The mock Truto runs beside it (credential "Truto
// (mock)"), unless TRUTO_API_TOKEN is set (credential "Truto" then uses it
// and TRUTO_BASE_URL). The n8n data (owner login, workflows) is kept in
// <cache>/dev-n8n-<version> between runs.
//
// Settings: N8N_VERSION (default: scripts/versions.json), TRUTO_DEV_PORT (default 5678),
// TRUTO_MOCK_PORT (default 5680), TRUTO_N8N_CACHE (cache folder).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startMockTruto, type MockTruto } from '../test/mock';
import {
  DEFAULT_N8N_VERSION,
  N8N_CACHE,
  PACKAGE_NAME,
  ROOT,
  importWorkflows,
  packPackage,
  prepareUserFolder,
  setupN8n,
} from './lib/n8n';
import { OWNER, RestClient, startN8nServer, type N8nServer } from './lib/server';

const log = (text: string) => process.stderr.write(`[dev] ${text}\n`);

/** Newest modification time and file count under dist/ ('' when dist/ is missing). */
function distStamp(): string {
  const dist = join(ROOT, 'dist');
  if (!existsSync(dist)) return '';
  let newest = 0;
  let count = 0;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    count++;
    try {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    } catch {
      // removed while scanning
    }
  }
  return `${newest}:${count}`;
}

let mock: MockTruto | undefined;
let tsc: ChildProcess | undefined;
let server: N8nServer | undefined;

let stopping = false;

async function stopAll() {
  stopping = true;
  tsc?.kill('SIGTERM');
  await server?.stop();
  await mock?.close();
}

async function main() {
  const version = process.env.N8N_VERSION || DEFAULT_N8N_VERSION;
  const port = Number(process.env.TRUTO_DEV_PORT || 5678);
  const cache = N8N_CACHE;
  const userFolder = join(cache, `dev-n8n-${version}`);
  const firstRun = !existsSync(join(userFolder, '.n8n', 'database.sqlite'));
  mkdirSync(userFolder, { recursive: true });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll().then(() => process.exit(0)));
  }

  const n8n = setupN8n(version);
  log('building the package');
  const tarball = packPackage(join(cache, 'dev-pack'), { build: true });

  const token = process.env.TRUTO_API_TOKEN;
  let credential;
  if (token) {
    const baseUrl = process.env.TRUTO_BASE_URL || 'https://api.truto.one';
    credential = { id: 'trutoDevReal', name: 'Truto', type: 'trutoApi', data: { apiToken: token, baseUrl } };
  } else {
    mock = await startMockTruto({ port: Number(process.env.TRUTO_MOCK_PORT || 5680) });
    log(`mock Truto on ${mock.url}`);
    credential = {
      id: 'trutoDevMock',
      name: 'Truto (mock)',
      type: 'trutoApi',
      data: { apiToken: mock.token, baseUrl: mock.url },
    };
  }
  log(`installing ${PACKAGE_NAME} into ${userFolder}`);
  await prepareUserFolder(n8n, userFolder, tarball, [credential]);
  if (firstRun) {
    const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'delete-organizations.json'), 'utf8'));
    for (const node of example.nodes) {
      if (node.credentials?.trutoApi)
        node.credentials.trutoApi = { id: credential.id, name: credential.name };
    }
    await importWorkflows(n8n, userFolder, [{ ...example, id: 'trutoDevExample1' }]);
  }

  // tsc rewrites dist/; each change is copied into the installed package,
  // where n8n (N8N_DEV_RELOAD) picks it up. dist/ is polled, as a full build
  // deletes and recreates it.
  const installed = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME, 'dist');
  tsc = spawn(
    process.execPath,
    [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '--watch', '--preserveWatchOutput'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  let last = distStamp();
  setInterval(() => {
    const stamp = distStamp();
    if (stamp === last || stamp === '') return;
    last = stamp;
    cpSync(join(ROOT, 'dist'), installed, { recursive: true });
    log('dist/ changed: copied into n8n, which reloads the node');
  }, 1000).unref();

  log(`starting n8n ${version}`);
  server = await startN8nServer(n8n, userFolder, {
    port,
    echo: true,
    // n8n 1.x reloads nodes only in development mode.
    env: { N8N_DEV_RELOAD: 'true', ...(version.startsWith('1.') ? { NODE_ENV: 'development' } : {}) },
  });
  const rest = new RestClient(server.url);
  await rest.loginAsOwner().catch(() => undefined);
  log(`n8n editor: ${server.url}`);
  log(`log in as ${OWNER.email} / ${OWNER.password} (local owner this script created)`);
  log('Ctrl+C stops n8n, the mock and tsc');
  server.process.on('close', () => {
    if (!stopping) void stopAll().then(() => process.exit(1));
  });
}

main().catch(async (error) => {
  process.stderr.write(`dev failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  await stopAll();
  process.exit(1);
});
