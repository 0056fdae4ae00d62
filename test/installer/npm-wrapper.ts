/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The one piece of the installer suite that is not n8n's own code: a test-only
// `npm`, placed first in n8n's PATH, that makes npm use the loopback registry.
//
// Why it is needed: n8n's community package installer always passes
// `--registry=https://registry.npmjs.org` to npm (pack, install, view), and
// pointing it at another registry (N8N_COMMUNITY_PACKAGES_REGISTRY) is a
// licensed feature. So this wrapper replaces the value of every `--registry=`
// argument with the loopback registry, and sets the same registry as npm's
// default for the one command n8n runs without that argument (`npm outdated`,
// when the editor lists installed packages). Every other argument, the working
// folder and the rest of the environment reach the real npm unchanged. It also
// appends each command line (tokens masked) to a log, so the tests can say what
// n8n ran.
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface NpmWrapper {
  /** the folder to put first in PATH */
  binDir: string;
  /** one line per npm command n8n ran (arguments as n8n passed them) */
  logFile: string;
  realNpm: string;
}

/** The npm a PATH would run (the first executable `npm` on it). */
export function findNpm(path: string): string {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'npm');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error(`no npm on PATH ${path}`);
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Writes the wrapper into `dir`/bin. `path` is the PATH n8n would have without
 * it: the real npm is the one found there.
 */
export function writeNpmWrapper(dir: string, registryUrl: string, path: string): NpmWrapper {
  const binDir = join(dir, 'bin');
  mkdirSync(binDir, { recursive: true });
  const logFile = join(dir, 'npm-calls.log');
  const realNpm = findNpm(path);
  const script = `#!/bin/sh
# Test-only npm (test/installer/npm-wrapper.ts): the loopback registry instead of
# the one n8n names; everything else as n8n passed it.
registry=${shellQuote(registryUrl)}
printf '%s\\n' "$*" | sed 's/_authToken=[^ ]*/_authToken=***/g' >> ${shellQuote(logFile)}
for arg do
  shift
  case "$arg" in
    --registry=*) set -- "$@" "--registry=$registry" ;;
    *) set -- "$@" "$arg" ;;
  esac
done
npm_config_registry="$registry"
export npm_config_registry
exec ${shellQuote(realNpm)} "$@"
`;
  writeFileSync(join(binDir, 'npm'), script, { mode: 0o755 });
  writeFileSync(logFile, '');
  return { binDir, logFile, realNpm };
}
