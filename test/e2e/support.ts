/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Shared pieces of the e2e suite: versions under test, the packed package,
// and an n8n user folder with the package installed and credentials imported.
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MockTruto } from '../mock';
import {
  makeTempDir,
  prepareUserFolder,
  setupN8n,
  TESTED_N8N_VERSIONS,
  type N8nInstall,
} from '../../scripts/lib/n8n';
import { RestClient, startN8nServer, type N8nServer } from '../../scripts/lib/server';

/** n8n versions to test: N8N_VERSIONS=2.41.0,1.123.81 (default: every tested version). */
export function e2eVersions(): string[] {
  const list = (process.env.N8N_VERSIONS ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return list.length ? list : TESTED_N8N_VERSIONS;
}

export function packedTarball(): string {
  const tarball = process.env.TRUTO_E2E_TARBALL;
  if (!tarball) throw new Error('TRUTO_E2E_TARBALL is not set: run the suite with test/e2e/jest.config.js');
  return tarball;
}

export const GOOD = 'trutoGood';
export const BAD = 'trutoBad';
/** A token the mock does not accept. */
export const BAD_TOKEN = `tk_e2e_wrong_${randomBytes(8).toString('hex')}`;

export function credentialsFor(mock: MockTruto) {
  return [
    { id: GOOD, name: 'Truto (mock)', type: 'trutoApi', data: { apiToken: mock.token, baseUrl: mock.url } },
    {
      id: BAD,
      name: 'Truto (wrong token)',
      type: 'trutoApi',
      data: { apiToken: BAD_TOKEN, baseUrl: mock.url },
    },
  ];
}

export interface Prepared {
  n8n: N8nInstall;
  userFolder: string;
  registration: Awaited<ReturnType<typeof prepareUserFolder>>;
  cleanup(): void;
}

/** A throwaway n8n user folder with the package installed and the mock's credentials. */
export async function prepareN8n(version: string, mock: MockTruto, label: string): Promise<Prepared> {
  const n8n = setupN8n(version);
  const userFolder = makeTempDir(`n8n-e2e-${label}-${version}`);
  const registration = await prepareUserFolder(n8n, userFolder, packedTarball(), credentialsFor(mock));
  return {
    n8n,
    userFolder,
    registration,
    cleanup: () => {
      if (!process.env.TRUTO_E2E_KEEP) rmSync(userFolder, { recursive: true, force: true });
    },
  };
}

export interface Serving {
  server: N8nServer;
  rest: RestClient;
  /** Reads execution data in n8n's "flatted" form, with the flatted that n8n ships. */
  unflatten: (text: string) => unknown;
}

/** `n8n start` on a prepared user folder, its owner set up and logged in over REST. */
export async function serveN8n(env: Prepared): Promise<Serving> {
  const flattedPath = require.resolve('flatted', { paths: [join(env.n8n.dir, 'node_modules', 'n8n')] });
  const unflatten = (await import(flattedPath)).parse;
  const server = await startN8nServer(env.n8n, env.userFolder);
  const rest = new RestClient(server.url);
  await rest.loginAsOwner();
  return { server, rest, unflatten };
}

/** Every file n8n wrote under the user folder, as text (database, logs, binary data). */
export function userFolderFiles(userFolder: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (entry.isFile()) {
        out.push({ path, text: readFileSync(path).toString('latin1') });
      }
    }
  };
  walk(join(userFolder, '.n8n'));
  return out;
}

/** GET a record straight from the mock (what Truto has before the delete). */
export async function fetchFromMock(
  mock: MockTruto,
  path: string,
  query: Record<string, string>,
): Promise<Record<string, unknown>> {
  const url = new URL(`${mock.url}${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await fetch(url, { headers: { authorization: `Bearer ${mock.token}` } });
  if (!res.ok) throw new Error(`mock GET ${url}: ${res.status}`);
  return res.json();
}
