/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// n8n's community package scanner (@n8n/scan-community-package) on our own packed
// tarball. The published scanner takes a package name, downloads it from npm, requires
// npm provenance, then lints the source checkout the provenance points at and the
// tarball. Before the first publish there is neither, so this runs the same analysis
// (the scanner's own analyzePackage) on the unpacked tarball and on this working tree.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './n8n';

export type ScanLeg = 'tarball' | 'source';

export interface ScanResult {
  scannerVersion: string;
  leg: ScanLeg;
  patterns: string[];
  /** the files the scanner linted, relative to the folder */
  files: string[];
  passed: boolean;
  message: string | null;
  /** ESLint's "stylish" report of the violations */
  details: string | null;
}

/** Installs the pinned scanner into the cache (or reuses it); returns its package folder. */
export function setupScanner(): string {
  const result = spawnSync('bash', [join(ROOT, 'scripts', 'setup-scanner.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`setup-scanner.sh failed (exit ${result.status})`);
  return result.stdout.trim().split('\n').pop()!;
}

/** Unpacks an npm tarball the way the scanner does (tar --strip-components=1). */
export function unpackTarball(tarball: string, dir: string) {
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
  return dir;
}

/** The scanner's analysis of one folder, as one leg of its scan. */
export function runScanner(scannerDir: string, folder: string, leg: ScanLeg): ScanResult {
  // As run from a shell: jest sets NODE_ENV=test, which makes eslint-plugin-n8n-nodes-base
  // read file names the way its own tests need (and report false violations).
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key !== 'NODE_ENV' && !key.startsWith('JEST_')) env[key] = value;
  }
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'lib', 'scan-runner.mjs'), scannerDir, folder, leg],
    { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 },
  );
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) {
    throw new Error(`the scanner did not run (exit ${result.status})\n${result.stdout}\n${result.stderr}`);
  }
  return JSON.parse(line) as ScanResult;
}
