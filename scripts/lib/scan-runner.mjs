// Runs the analysis of n8n's community package scanner (@n8n/scan-community-package)
// on a folder, and prints its verdict as one line of JSON.
//
//   node scripts/lib/scan-runner.mjs <scanner package folder> <folder> <leg>
//
// <leg> is what the scanner's analyzePackageByName lints after its provenance check:
//   tarball  the unpacked npm tarball: every compiled .js file and package.json
//   source   the source checkout its provenance points at: the scanner's SOURCE_FILE_PATTERNS
// Both run the scanner's own analyzePackage (its ESLint config, inline configuration off).
// Provenance and the downloads from npm and GitHub are not run here (see scripts/lib/scan.ts).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [scannerDir, folder, leg] = process.argv.slice(2);
if (!scannerDir || !folder || !['tarball', 'source'].includes(leg)) {
	console.error('usage: node scripts/lib/scan-runner.mjs <scanner package folder> <folder> tarball|source');
	process.exit(2);
}

// The scanner makes a temporary folder when it is loaded (for its downloads):
// its own `tmp` module removes it at exit once told to.
const requireFromScanner = createRequire(join(scannerDir, 'package.json'));
requireFromScanner('tmp').setGracefulCleanup();
const glob = requireFromScanner('fast-glob');

const scanner = await import(pathToFileURL(join(scannerDir, 'scanner', 'scanner.mjs')).href);
// The tarball leg's patterns are written inline in analyzePackageByName (0.32.0).
const patterns = leg === 'tarball' ? ['**/*.js', 'package.json'] : scanner.SOURCE_FILE_PATTERNS;
// The files analyzePackage lints, found the way it finds them.
const files = glob.sync(patterns, { cwd: folder, ignore: ['node_modules/**', '**/package-lock.json'] });
const result = await scanner.analyzePackage(folder, patterns);
const version = requireFromScanner('./package.json').version;
process.stdout.write(
	JSON.stringify({
		scannerVersion: version,
		leg,
		patterns,
		files: files.sort(),
		passed: result.passed,
		message: result.message ?? null,
		details: result.details ?? null,
	}) + '\n',
);
