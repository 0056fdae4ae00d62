/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// A real npm registry on loopback for the installer suite: verdaccio (pinned in
// scripts/versions.json, installed by scripts/setup-verdaccio.sh into the cache
// folder), its storage in a temporary folder, no uplinks: it serves only what
// the suite publishes to it, and never reaches out.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, makeTempDir, ROOT } from '../../scripts/lib/n8n';

export interface Registry {
  url: string;
  /** `npm publish <tarball>` to this registry */
  publish(tarball: string): void;
  stop(): Promise<void>;
}

/** Installs verdaccio (or reuses the cached install); returns its entry script. */
export function setupVerdaccio(): string {
  const result = spawnSync('bash', [join(ROOT, 'scripts', 'setup-verdaccio.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`setup-verdaccio.sh failed (exit ${result.status})`);
  return result.stdout.trim().split('\n').pop()!;
}

/** The environment for npm commands the suite runs itself: the caller's, less its npm settings. */
export function cleanNpmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

export async function startRegistry(entry: string, dir = makeTempDir('n8n-nodes-truto-registry')) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(join(dir, 'storage'), { recursive: true });
  // Anyone may read and publish (publishing still needs some token on the npm side);
  // nobody may sign up; no uplink, so a package it was not given is a 404.
  writeFileSync(
    join(dir, 'config.yaml'),
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
      '    max_users: -1',
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $all',
      '    unpublish: $all',
      'web:',
      '  enable: false',
      'middlewares:',
      '  audit:',
      '    enabled: false',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    process.execPath,
    [entry, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
    { cwd: dir, env: cleanNpmEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((done) => child.on('close', () => done()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited ${child.exitCode}\n${output}`);
    try {
      if ((await fetch(`${url}/-/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`verdaccio did not start in time\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  const registry: Registry = {
    url,
    publish(tarball: string) {
      const host = url.replace(/^https?:/, '');
      execFileSync(
        'npm',
        [
          'publish',
          tarball,
          `--registry=${url}`,
          `--${host}/:_authToken=installer-suite`,
          '--ignore-scripts',
          '--loglevel=error',
        ],
        { env: cleanNpmEnv(), stdio: ['ignore', 'ignore', 'pipe'] },
      );
    },
    stop,
  };
  return registry;
}

/** The package.json inside a packed tarball. */
export function tarballPackageJson(tarball: string): {
  name: string;
  version: string;
  n8n: { nodes: string[]; credentials: string[] };
  [key: string]: unknown;
} {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}

/** The next patch version: 0.1.0 -> 0.1.1. */
export function nextPatch(version: string) {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`not a version: ${version}`);
  return `${match[1]}.${match[2]}.${Number(match[3]) + 1}`;
}

/** A copy of the tarball whose package.json says `version`; otherwise the same files. */
export function retagTarball(tarball: string, version: string, destDir: string) {
  const work = join(destDir, `retag-${version}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', work]);
  const pkgPath = join(work, 'package', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.version = version;
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
  const out = join(destDir, `${pkg.name}-${version}.tgz`);
  execFileSync('tar', ['-czf', out, '-C', work, 'package']);
  rmSync(work, { recursive: true, force: true });
  return out;
}
