/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// n8n's own nodes (HTTP Request, Split Out) from n8n-nodes-base, loaded into this
// project's n8n-core engine. They come from the n8n install that
// scripts/setup-n8n.sh caches; n8n-workflow, n8n-core and @n8n/di resolve to
// this project's copies (the same version), so that both nodes share one engine.
import { existsSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

import { DEFAULT_N8N_VERSION, N8N_CACHE } from '../scripts/lib/n8n';

const ROOT = resolve(__dirname, '..');
const SHARED = ['n8n-workflow', 'n8n-core', '@n8n/di'];

/** The folder of n8n-nodes-base: BENCH_NODES_BASE, else the cached install of the default n8n. */
export function nodesBaseDir(): string | undefined {
	const installed = join(N8N_CACHE, `n8n-${DEFAULT_N8N_VERSION}`, 'node_modules', 'n8n-nodes-base');
	const candidates = [process.env.BENCH_NODES_BASE, installed];
	return candidates.find((dir): dir is string => Boolean(dir) && existsSync(join(dir!, 'package.json')));
}

let redirected = false;

function shareEngine(baseDir: string) {
	if (redirected) return;
	redirected = true;
	const loader = Module as unknown as {
		_resolveFilename(request: string, parent: { filename?: string } | undefined, ...rest: unknown[]): string;
	};
	const original = loader._resolveFilename;
	const installDir = resolve(baseDir, '..');
	loader._resolveFilename = function (request, parent, ...rest) {
		const fromInstall = parent?.filename?.startsWith(installDir);
		if (fromInstall && SHARED.some((name) => request === name || request.startsWith(`${name}/`))) {
			return require.resolve(request, { paths: [ROOT] });
		}
		return original.call(this, request, parent, ...rest);
	};
}

/** A node type of n8n-nodes-base at one version, e.g. ('HttpRequest/HttpRequest', 'HttpRequest', 4.2). */
export function loadBaseNode(baseDir: string, file: string, className: string, version?: number): INodeType {
	shareEngine(baseDir);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(join(baseDir, 'dist', 'nodes', `${file}.node.js`));
	const node = new module[className]() as INodeType | IVersionedNodeType;
	if ('nodeVersions' in node) return node.getNodeType(version);
	return node;
}
