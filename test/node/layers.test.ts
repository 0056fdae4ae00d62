/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The house order: imports run downward only (node → description / methods →
// execute → catalog / transport), and a folder is entered through its index.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const NODES = resolve(__dirname, '..', '..', 'nodes');

/** Layer of a folder under a node's folder: a lower number may import a higher one, never the reverse. */
const LAYER: Record<string, number> = { '': 0, description: 1, methods: 1, delivery: 2, execute: 2, catalog: 3, transport: 3 };

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** [node folder, layer folder] of a file ("TrutoUserDirectory", "execute"). */
function placeOf(file: string): [string, string] {
	const [nodeFolder, second] = relative(NODES, file).split('/');
	return [nodeFolder, second && !second.endsWith('.ts') ? second : ''];
}

const imports = sources(NODES).flatMap((file) =>
	[...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((match) => {
		const base = resolve(dirname(file), match[1]);
		const target = existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts');
		return { file: relative(NODES, file), spec: match[1], from: placeOf(file), to: placeOf(target), target };
	}),
);

test('there are imports to check', () => {
	expect(imports.length).toBeGreaterThan(30);
});

test('no import runs upward or sideways between catalog and transport', () => {
	const upward = imports.filter(({ from, to }) => {
		if (from[1] === to[1]) return false;
		return LAYER[to[1]] <= LAYER[from[1]];
	});
	expect(upward.map(({ file, spec }) => `${file} → ${spec}`)).toEqual([]);
});

test('another folder is entered through its index only', () => {
	const deep = imports.filter(({ from, to, target }) => {
		if (from[0] === to[0] && from[1] === to[1]) return false;
		// The credential's folder (outside nodes/) is a unit of its own.
		if (relative(NODES, target).startsWith('..')) return false;
		return to[1] !== '' && relative(join(NODES, to[0], to[1]), target) !== 'index.ts';
	});
	expect(deep.map(({ file, spec }) => `${file} → ${spec}`)).toEqual([]);
});

test('the trigger reuses the main node only through its catalog, transport, account field and pick lists', () => {
	const reused = imports.filter(({ from, to }) => from[0] === 'TrutoTrigger' && to[0] === 'TrutoUserDirectory');
	expect(reused.length).toBeGreaterThan(0);
	const other = reused.filter(({ to, target }) => !['catalog', 'transport', 'description', 'methods'].includes(to[1]) || !target.endsWith('index.ts'));
	expect(other.map(({ file, spec }) => `${file} → ${spec}`)).toEqual([]);
	// Its own checks (delivery/) stand alone: no HTTP, no catalog.
	const fromDelivery = imports.filter(({ from, to }) => from[0] === 'TrutoTrigger' && from[1] === 'delivery' && to[0] !== 'TrutoTrigger');
	expect(fromDelivery).toEqual([]);
});

test('the main node does not import the trigger', () => {
	expect(imports.filter(({ from, to }) => from[0] === 'TrutoUserDirectory' && to[0] === 'TrutoTrigger')).toEqual([]);
});
