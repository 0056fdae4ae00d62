/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error */
// n8n in queue mode on loopback: Redis (the queue) and PostgreSQL (the database),
// each with its own data folder and port (scripts/setup-queue.sh installs them),
// then an n8n main that takes webhooks and queues executions, and workers that
// run them. Every n8n process has its own user folder with the package installed,
// and all share one encryption key; binary data lives in the database, so a file
// written on a worker can be read through the main.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  importWorkflows,
  installPackageFiles,
  n8nBin,
  n8nEnv,
  prepareUserFolder,
  ROOT,
  type N8nInstall,
} from './n8n';
import { startN8nServer, type N8nServer } from './server';

/** A process this module started: what it printed, and a way to stop it. */
export interface Proc {
  name: string;
  pid: number | undefined;
  output(): string;
  stop(): Promise<void>;
}

function start(name: string, command: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; uid?: number; gid?: number; stopSignal?: NodeJS.Signals } = {}): Proc {
  const child = spawn(command, args, { env: opts.env, cwd: opts.cwd, uid: opts.uid, gid: opts.gid, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  child.on('error', (error) => (output += `\n${name}: ${error.message}\n`));
  const exited = new Promise<void>((done) => child.on('close', () => done()));
  return {
    name,
    pid: child.pid,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(opts.stopSignal ?? 'SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function until(what: string, proc: Proc, ready: () => Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become ready in ${timeoutMs / 1000} s\n${proc.output()}`);
}

/** Redis answers PING on 127.0.0.1:port. */
function pong(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      done(d.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.on('error', () => done(false));
    socket.on('close', () => done(false));
  });
}

export interface QueueServices {
  /** n8n's settings for this queue and database (EXECUTIONS_MODE, QUEUE_BULL_*, DB_*). */
  env: Record<string, string>;
  /** "Redis 7.0.15, PostgreSQL 15.18" */
  versions: string;
  procs: Proc[];
  stop(): Promise<void>;
}

/** Redis and PostgreSQL on free loopback ports, Redis's data under `dir`, PostgreSQL's in a temporary folder (installed when missing). */
export async function startQueueServices(dir: string): Promise<QueueServices> {
  const setup = spawnSync('bash', [join(ROOT, 'scripts', 'setup-queue.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (setup.status !== 0) throw new Error(`setup-queue.sh failed (exit ${setup.status})`);
  const [redisServer, pgBin] = setup.stdout.trim().split('\n');
  mkdirSync(dir, { recursive: true });
  // PostgreSQL's folder is one that its user (see below) can reach.
  const pgRoot = mkdtempSync(join(tmpdir(), 'n8n-nodes-truto-pg-'));
  chmodSync(pgRoot, 0o755);
  const procs: Proc[] = [];
  const stop = async () => {
    for (const proc of procs.reverse()) await proc.stop();
    rmSync(pgRoot, { recursive: true, force: true });
  };
  try {
    const redisPort = await freePort();
    const redisDir = join(dir, 'redis');
    mkdirSync(redisDir);
    const redis = start('redis', redisServer, ['--bind', '127.0.0.1', '--port', String(redisPort), '--dir', redisDir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes']);
    procs.push(redis);
    await until('Redis', redis, () => pong(redisPort));

    // PostgreSQL refuses to run as root: then it runs as the packages' `postgres` user.
    const owner = process.getuid?.() === 0 ? { uid: Number(idOf('-u')), gid: Number(idOf('-g')) } : {};
    const data = join(pgRoot, 'data');
    mkdirSync(data, { mode: 0o700 });
    if (owner.uid !== undefined) execFileSync('chown', [`${owner.uid}:${owner.gid}`, data]);
    const pgEnv = { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C' };
    const initdb = spawnSync(join(pgBin, 'initdb'), ['-D', data, '-U', 'n8n', '-A', 'trust', '-E', 'UTF8', '--no-sync'], { cwd: pgRoot, env: pgEnv, encoding: 'utf8', ...owner });
    if (initdb.status !== 0) throw new Error(`initdb failed (exit ${initdb.status})\n${initdb.stdout}${initdb.stderr}`);
    const pgPort = await freePort();
    // Throwaway data: no fsync, no crash safety.
    const postgres = start('postgres', join(pgBin, 'postgres'), ['-D', data, '-p', String(pgPort), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${data}`, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'], { cwd: pgRoot, env: pgEnv, stopSignal: 'SIGINT', ...owner });
    procs.push(postgres);
    const psql = (sql: string, database = 'postgres') =>
      spawnSync(join(pgBin, 'psql'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'n8n', '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { cwd: pgRoot, env: pgEnv, encoding: 'utf8' });
    await until('PostgreSQL', postgres, async () => psql('SELECT 1').status === 0);
    const created = psql('CREATE DATABASE n8n');
    if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);

    const redisVersion = /v=([\d.]+)/.exec(execFileSync(redisServer, ['--version'], { encoding: 'utf8' }))?.[1];
    const pgVersion = psql('SHOW server_version').stdout.trim().split(' ')[0];
    return {
      env: {
        EXECUTIONS_MODE: 'queue',
        QUEUE_BULL_REDIS_HOST: '127.0.0.1',
        QUEUE_BULL_REDIS_PORT: String(redisPort),
        DB_TYPE: 'postgresdb',
        DB_POSTGRESDB_HOST: '127.0.0.1',
        DB_POSTGRESDB_PORT: String(pgPort),
        DB_POSTGRESDB_DATABASE: 'n8n',
        DB_POSTGRESDB_USER: 'n8n',
        DB_POSTGRESDB_PASSWORD: '',
      },
      versions: `Redis ${redisVersion}, PostgreSQL ${pgVersion}`,
      procs,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function idOf(flag: '-u' | '-g'): string {
  try {
    return execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('PostgreSQL does not run as root, and there is no `postgres` user: install Debian\'s postgresql package (scripts/setup-queue.sh)');
  }
}

export interface QueueN8n {
  main: N8nServer;
  workers: Proc[];
  services: QueueServices;
  /** the main's URL (editor, REST, webhooks) */
  url: string;
  /** everything every process printed, by process */
  output(): string;
  stop(): Promise<void>;
}

export interface QueueOptions {
  /** a folder for data and user folders (removed by the caller) */
  dir: string;
  tarball: string;
  credentials: object[];
  workflows?: object[];
  workers?: number;
  /** jobs each worker runs at once (n8n's default: 10) */
  concurrency?: number;
  /** more n8n settings for every process */
  env?: Record<string, string>;
}

/** Redis, PostgreSQL, an n8n main and `workers` workers (default 2), the package installed in each. */
export async function startQueueN8n(n8n: N8nInstall, opts: QueueOptions): Promise<QueueN8n> {
  const services = await startQueueServices(join(opts.dir, 'services'));
  const procs: Proc[] = [];
  let main: N8nServer | undefined;
  const stop = async () => {
    await Promise.all(procs.map((proc) => proc.stop()));
    await main?.stop();
    await services.stop();
  };
  try {
    const env = {
      ...services.env,
      N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
      // The database holds binary data, so every process reads what any other wrote.
      N8N_DEFAULT_BINARY_DATA_MODE: 'database',
      N8N_AVAILABLE_BINARY_DATA_MODES: 'filesystem,database',
      ...opts.env,
    };
    const mainFolder = join(opts.dir, 'main');
    await prepareUserFolder(n8n, mainFolder, opts.tarball, opts.credentials, env);
    if (opts.workflows?.length) await importWorkflows(n8n, mainFolder, opts.workflows, env);
    main = await startN8nServer(n8n, mainFolder, { env });
    const count = opts.workers ?? 2;
    const healthPorts: number[] = [];
    for (let i = 1; i <= count; i++) {
      const folder = join(opts.dir, `worker-${i}`);
      installPackageFiles(n8n, folder, opts.tarball);
      const health = await freePort();
      healthPorts.push(health);
      const worker = start(`worker-${i}`, join(n8n.nodeBin, 'node'), [n8nBin(n8n), 'worker', `--concurrency=${opts.concurrency ?? 10}`], {
        cwd: folder,
        env: n8nEnv(n8n, folder, {
          ...env,
          QUEUE_HEALTH_CHECK_ACTIVE: 'true',
          QUEUE_HEALTH_CHECK_PORT: String(health),
          N8N_RUNNERS_BROKER_PORT: String(await freePort()),
          N8N_LOG_LEVEL: 'info',
        }),
      });
      procs.push(worker);
    }
    // A worker is ready when its health endpoint says its database and queue are connected.
    await Promise.all(
      procs.map((worker, i) =>
        until(worker.name, worker, async () => (await fetch(`http://127.0.0.1:${healthPorts[i]}/healthz/readiness`)).ok),
      ),
    );
    const ready = main;
    return {
      main: ready,
      workers: procs,
      services,
      url: ready.url,
      output: () => [`── main\n${ready.output()}`, ...procs.map((p) => `── ${p.name}\n${p.output()}`)].join('\n'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The Truto node's name in examples/delete-organizations-webhook.json. */
export const WEBHOOK_DELETE_NODE = 'Delete organization';

/**
 * examples/delete-organizations-webhook.json (Webhook → one item per id → Delete
 * Organization) set up for one account (an expression may pick it per item) and
 * credential, at its own webhook path; `options` replace the Truto node's options.
 */
export function webhookDeleteWorkflow(opts: { id: string; path: string; account: string; credentialId: string; options?: Record<string, unknown> }) {
  type Node = { name: string; type: string; webhookId?: string; parameters: Record<string, unknown>; credentials?: unknown };
  const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', 'delete-organizations-webhook.json'), 'utf8'));
  workflow.id = opts.id;
  workflow.name = `Truto: delete organizations (${opts.path})`;
  delete workflow.settings.errorWorkflow;
  for (const node of workflow.nodes as Node[]) {
    if (node.type === 'n8n-nodes-base.webhook') {
      node.parameters.path = opts.path;
      node.webhookId = randomUUID();
    }
    if (node.name === WEBHOOK_DELETE_NODE) {
      node.parameters.integratedAccountId = { __rl: true, mode: 'id', value: opts.account };
      if (opts.options) node.parameters.options = opts.options;
      node.credentials = { trutoApi: { id: opts.credentialId, name: opts.credentialId } };
    }
  }
  return workflow;
}
