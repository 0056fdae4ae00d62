/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// n8n's community package scanner (@n8n/scan-community-package, pinned in
// scripts/versions.json) on the packed tarball, the check n8n runs before it
// verifies a package. See scripts/lib/scan.ts for what is run and what is not.
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, ROOT } from '../../scripts/lib/n8n';
import { runScanner, unpackTarball, type ScanResult } from '../../scripts/lib/scan';

const scannerDir = () => {
  const dir = process.env.TRUTO_SCANNER_DIR;
  if (!dir) throw new Error('TRUTO_SCANNER_DIR is not set: run the suite with test/scan/jest.config.js');
  return dir;
};

const tarball = () => {
  const file = process.env.TRUTO_E2E_TARBALL;
  if (!file) throw new Error('TRUTO_E2E_TARBALL is not set: run the suite with test/scan/jest.config.js');
  return file;
};

/** What the scanner prints for a failed check, so that a failure shows its report. */
const verdict = (r: ScanResult) =>
  r.passed ? `${r.leg}: passed (${r.files.length} files)` : `${r.leg}: ${r.message}\n${r.details}`;

/** Every file under a folder, relative to it. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

describe('n8n community package scanner on the packed package', () => {
  let work: string;
  let unpacked: string;

  beforeAll(() => {
    work = makeTempDir('n8n-nodes-truto-scan');
    unpacked = unpackTarball(tarball(), join(work, 'package'));
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the tarball passes: every compiled .js file and package.json, with inline ESLint comments ignored', () => {
    const result = runScanner(scannerDir(), unpacked, 'tarball');
    process.stdout.write(`scanner ${result.scannerVersion} ${verdict(result)}\n`);
    expect(verdict(result)).toBe(`tarball: passed (${result.files.length} files)`);

    // It linted what the package ships: each .js file in the tarball, and package.json.
    const shipped = walk(unpacked).filter((f) => f.endsWith('.js'));
    expect(result.files).toEqual([...shipped, 'package.json'].sort());
    expect(result.files).toContain('dist/nodes/TrutoUserDirectory/TrutoUserDirectory.node.js');
    expect(result.files).toContain('dist/credentials/TrutoApi.credentials.js');
  });

  test('the source it is built from passes the checks the scanner runs on the attested source', () => {
    // After a publish the scanner downloads the commit named in the provenance from
    // GitHub; before one, the working tree stands in for it.
    const result = runScanner(scannerDir(), ROOT, 'source');
    process.stdout.write(`scanner ${result.scannerVersion} ${verdict(result)}\n`);
    expect(verdict(result)).toBe(`source: passed (${result.files.length} files)`);
    expect(result.files).toContain('package.json');
    expect(result.files).toContain('nodes/TrutoUserDirectory/TrutoUserDirectory.node.ts');
    expect(result.files).toContain('credentials/TrutoApi.credentials.ts');
  });

  test('the same scan fails a copy of the tarball with a planted file that reads the environment, waits with setTimeout and loads fs', () => {
    // Shows that the rules run on the compiled output, and that a disable comment does not hide a violation.
    const planted = join(work, 'planted');
    cpSync(unpacked, planted, { recursive: true });
    writeFileSync(
      join(planted, 'dist', 'nodes', 'TrutoUserDirectory', 'planted.js'),
      [
        '/* eslint-disable */',
        "const fs = require('fs');",
        'const token = process.env.SECRET;',
        'setTimeout(() => fs.writeFileSync("x", token), 1);',
        '',
      ].join('\n'),
    );
    const result = runScanner(scannerDir(), planted, 'tarball');
    expect(result.passed).toBe(false);
    expect(result.message).toBe('ESLint violations found');
    expect(result.details).toContain('planted.js');
    expect(result.details).toContain("Use of restricted global 'process'");
    expect(result.details).toContain("Use of restricted global 'setTimeout'");
    expect(result.details).toContain("Require of 'fs' is not allowed");
    // The package's own files are not in the report.
    expect(result.details).not.toContain('TrutoUserDirectory.node.js');
  });

  // The scanner's first check (checkPackageProvenance) reads dist.attestations.provenance
  // from the npm registry. That exists only once a version has been published by
  // .github/workflows/publish.yml with provenance; no version has been published yet.
  test.skip('npm provenance: skipped, it exists only after the first publish from GitHub Actions', () => {});

  test('the publish workflow can give it provenance: npm run release on a version tag, with an OIDC token', () => {
    const workflow = readFileSync(join(ROOT, '.github', 'workflows', 'publish.yml'), 'utf8');
    expect(workflow).toMatch(/on:\s*\n\s*push:\s*\n\s*tags:\s*\n(\s*#.*\n)*\s*- '\*\.\*\.\*'/);
    expect(workflow).toMatch(/permissions:\s*\n(\s*#.*\n)*\s*id-token: write/);
    expect(workflow).toMatch(/run: \|\n.*\n\s*npm run release\n/);
    expect(workflow).toContain('NPM_TOKEN: ${{ secrets.NPM_TOKEN }}');

    // `n8n-node release` in GitHub Actions runs lint and build, then npm publish with provenance.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.release).toBe('n8n-node release');
    expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
    // npm checks the provenance against repository.url: it must name the GitHub repository.
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
  });
});
