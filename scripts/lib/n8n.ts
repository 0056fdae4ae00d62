/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// Running a real n8n: locating the cached install, a quiet loopback-only
// environment, CLI commands, and the package installed as a community package.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const PACKAGE_NAME: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).name;
/** The pinned versions (scripts/versions.json): each tested n8n with the exact Node that runs it. */
const PINNED: { default: string; tested: { n8n: string; node: string }[] } = JSON.parse(
  readFileSync(join(ROOT, 'scripts', 'versions.json'), 'utf8'),
);
export const DEFAULT_N8N_VERSION = PINNED.default;
/** Where scripts/setup-n8n.sh installs n8n and its Node (TRUTO_N8N_CACHE). */
export const N8N_CACHE = process.env.TRUTO_N8N_CACHE || join(homedir(), '.cache', 'n8n-nodes-truto');
export const TESTED_N8N_VERSIONS = PINNED.tested.map((t) => t.n8n);

export interface N8nInstall {
  version: string;
  /** the cache folder holding node_modules/n8n */
  dir: string;
  /** folder of the `node` binary that runs this n8n */
  nodeBin: string;
}

/**
 * Installs n8n (or reuses the cached install) with scripts/setup-n8n.sh; several
 * versions are installed in parallel. Returns the installs in the order asked.
 */
export function setupN8ns(versions: string[]): N8nInstall[] {
  const result = spawnSync('bash', [join(ROOT, 'scripts', 'setup-n8n.sh'), ...versions], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`setup-n8n.sh ${versions.join(' ')} failed (exit ${result.status})`);
  const dirs = result.stdout.trim().split('\n');
  return versions.map((version) => {
    const dir = dirs.find((line) => line.endsWith(`/n8n-${version}`));
    if (!dir) throw new Error(`setup-n8n.sh printed no folder for n8n ${version}`);
    const nodeBin = readFileSync(join(dir, '.node-bin'), 'utf8').trim();
    return { version, dir, nodeBin };
  });
}

export function setupN8n(version = DEFAULT_N8N_VERSION): N8nInstall {
  return setupN8ns([version])[0];
}

/** Settings that keep n8n quiet and on loopback: no telemetry, no calls home. */
export const QUIET_ENV: Record<string, string> = {
  N8N_DIAGNOSTICS_ENABLED: 'false',
  N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
  N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
  N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
  N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
  N8N_TEMPLATES_ENABLED: 'false',
  N8N_PERSONALIZATION_ENABLED: 'false',
  N8N_HIRING_BANNER_ENABLED: 'false',
  N8N_DYNAMIC_BANNERS_ENABLED: 'false',
  N8N_VERIFIED_PACKAGES_ENABLED: 'false',
  N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
  N8N_AI_ENABLED: 'false',
  EXTERNAL_FRONTEND_HOOKS_URLS: '',
  N8N_RUNNERS_ENABLED: 'true',
  N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
  N8N_LISTEN_ADDRESS: '127.0.0.1',
  N8N_HOST: '127.0.0.1',
  N8N_SECURE_COOKIE: 'false',
  N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
  N8N_PYTHON_ENABLED: 'false',
  N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
  N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
  DB_SQLITE_POOL_SIZE: '2',
  N8N_LOG_LEVEL: 'warn',
  DB_TYPE: 'sqlite',
  // Nothing leaves this machine: n8n's own calls out (its package checks, for one) go to a proxy on
  // a loopback port where nothing listens and fail at once; loopback addresses go direct.
  HTTP_PROXY: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
  http_proxy: 'http://127.0.0.1:9',
  https_proxy: 'http://127.0.0.1:9',
  NO_PROXY: '127.0.0.1,127.0.0.2,localhost,::1',
  no_proxy: '127.0.0.1,127.0.0.2,localhost,::1',
};

/** The environment for one n8n process: the caller's, less its n8n settings, plus QUIET_ENV. */
export function n8nEnv(n8n: N8nInstall, userFolder: string, extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // n8n's own settings come from here only; NODE_ENV=test (set by jest) changes how n8n boots.
    if (/^(N8N_|DB_|EXECUTIONS_|npm_|JEST_)/.test(key)) continue;
    if (['NODE_ENV', 'NODE_OPTIONS', 'TRUTO_API_TOKEN'].includes(key)) continue;
    env[key] = value;
  }
  // n8n 2.x fetches an MCP server list from n8n's site at boot; that module is not needed here.
  const modules: Record<string, string> = n8n.version.startsWith('1.')
    ? {}
    : { N8N_DISABLED_MODULES: 'mcp-registry' };
  return {
    ...env,
    ...QUIET_ENV,
    ...modules,
    PATH: `${n8n.nodeBin}:${process.env.PATH}`,
    N8N_USER_FOLDER: userFolder,
    ...extra,
  };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one n8n CLI command to completion. */
export async function runN8n(
  n8n: N8nInstall,
  userFolder: string,
  args: string[],
  opts: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunResult> {
  const env = n8nEnv(n8n, userFolder, {
    N8N_RUNNERS_BROKER_PORT: String(await freePort()),
    ...opts.env,
  });
  return await new Promise((done, fail) => {
    const child = spawn(join(n8n.nodeBin, 'node'), [n8nBin(n8n), ...args], {
      env,
      cwd: userFolder,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

export function n8nBin(n8n: N8nInstall) {
  return join(n8n.dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Like runN8n, but a non-zero exit is an error. */
export async function runN8nOk(n8n: N8nInstall, userFolder: string, args: string[], env?: Record<string, string>) {
  const result = await runN8n(n8n, userFolder, args, { env });
  if (result.code !== 0) {
    throw new Error(`n8n ${args[0]} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** Ports handed out by this process: a port is free again once its probe closes, and a server may bind it only later. */
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((done, fail) => {
      const server = createServer();
      server.on('error', fail);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => done(port));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

export function makeTempDir(prefix: string) {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** Builds the package (unless build is false) and packs it with `npm pack`; returns the tarball. */
export function packPackage(destDir: string, { build = true } = {}) {
  if (build) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  mkdirSync(destDir, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destDir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
  return join(destDir, filename);
}

/**
 * Installs a packed tarball the way n8n's community package installer does:
 * unpacked into <user folder>/.n8n/nodes/node_modules/<name>, its dev, peer
 * and optional dependencies dropped, `npm install` run inside it, and listed
 * in the nodes folder's package.json. n8n loads every package found there
 * when it boots. The database rows come later (registerPackage), once n8n
 * has created its database. The installer suite (test/installer) checks that
 * files, nodes folder and rows come out the same as from n8n's own installer.
 */
export function installPackageFiles(n8n: N8nInstall, userFolder: string, tarball: string) {
  const nodesDir = join(userFolder, '.n8n', 'nodes');
  const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
  mkdirSync(nodesDir, { recursive: true });
  const nodesJsonPath = join(nodesDir, 'package.json');
  const nodesJson = existsSync(nodesJsonPath)
    ? JSON.parse(readFileSync(nodesJsonPath, 'utf8'))
    : { name: 'installed-nodes', private: true, dependencies: {} };

  rmSync(packageDir, { recursive: true, force: true });
  mkdirSync(packageDir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

  const pkgPath = join(packageDir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete pkg[key];
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
  execFileSync(
    'npm',
    [
      'install',
      '--audit=false',
      '--fund=false',
      '--bin-links=false',
      '--install-strategy=shallow',
      '--ignore-scripts=true',
      '--package-lock=false',
      '--prefer-offline',
      '--loglevel=error',
    ],
    { cwd: packageDir, env: { ...process.env, PATH: `${n8n.nodeBin}:${process.env.PATH}` }, stdio: 'ignore' },
  );
  nodesJson.dependencies[PACKAGE_NAME] = pkg.version;
  writeFileSync(nodesJsonPath, JSON.stringify(nodesJson, null, 2));
  return packageDir;
}

/**
 * Writes the installed_packages / installed_nodes rows (n8n's database must exist);
 * `env` holds n8n's database settings when it is not the user folder's SQLite.
 */
export function registerPackage(n8n: N8nInstall, userFolder: string, env: Record<string, string> = {}) {
  const out = execFileSync(
    join(n8n.nodeBin, 'node'),
    [join(__dirname, 'register-package.cjs'), n8n.dir, userFolder, PACKAGE_NAME],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
  );
  return JSON.parse(out) as {
    packageName: string;
    installedVersion: string;
    nodes: { name: string; type: string; latestVersion: number }[];
  };
}

/**
 * A fresh n8n user folder with the package installed as a community package:
 * files unpacked, database created (by importing the given credentials), and
 * the package recorded in the database. `env`: n8n settings for the commands
 * (another database, an encryption key).
 */
export async function prepareUserFolder(
  n8n: N8nInstall,
  userFolder: string,
  tarball: string,
  credentials: object[],
  env?: Record<string, string>,
) {
  installPackageFiles(n8n, userFolder, tarball);
  const credsFile = join(userFolder, 'credentials.json');
  writeFileSync(credsFile, JSON.stringify(credentials), { mode: 0o600 });
  try {
    await runN8nOk(n8n, userFolder, ['import:credentials', `--input=${credsFile}`], env);
  } finally {
    rmSync(credsFile, { force: true });
  }
  return registerPackage(n8n, userFolder, env);
}

/** Imports workflows (objects with an `id`) in one n8n run. */
export async function importWorkflows(n8n: N8nInstall, userFolder: string, workflows: object[], env?: Record<string, string>) {
  const dir = join(userFolder, 'workflows-to-import');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  workflows.forEach((wf, i) => writeFileSync(join(dir, `${i}.json`), JSON.stringify(wf)));
  await runN8nOk(n8n, userFolder, ['import:workflow', '--separate', `--input=${dir}`], env);
  rmSync(dir, { recursive: true, force: true });
}
