/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The Delete Organization comparison inside a real n8n (`n8n execute`), with the
// package installed as a community package next to n8n's own HTTP Request node.
// Uses the harness in scripts/lib (cached n8n install, packed package).
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { importWorkflows, makeTempDir, packPackage, prepareUserFolder, setupN8n } from '../scripts/lib/n8n';
import { executeOne, nodeItems } from '../scripts/lib/run';
import type { MockTruto } from '../test/mock';
import { deleteNode, HEADER_CREDENTIAL, headerAuth, MEASURED, type Scenario } from './workflows';

const CREDENTIAL = 'benchTruto';

function workflow(id: string, scenario: Scenario, mock: MockTruto, ids: string[]) {
	const measured = { ...deleteNode(scenario, { url: mock.url, token: mock.token }), id: `${id}-measured` };
	if (measured.credentials?.trutoApi) measured.credentials = { trutoApi: { id: CREDENTIAL, name: CREDENTIAL } };
	const link = (node: string) => [[{ node, type: 'main', index: 0 }]];
	return {
		id,
		name: `bench ${scenario}`,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-ids`,
				name: 'Ids',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ ids: ids.map((org) => ({ id: org })) }), options: {} },
			},
			{
				id: `${id}-split`,
				name: 'One item per id',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'ids', include: 'noOtherFields', options: {} },
			},
			{ ...measured, position: [660, 0] },
		],
		connections: { Start: { main: link('Ids') }, Ids: { main: link('One item per id') }, 'One item per id': { main: link(MEASURED) } },
	};
}

export interface N8nMeasurement {
	scenario: Scenario;
	nodeMs: number;
	items: number;
	errorItems: number;
	error?: string;
}

/** n8n installed (cached), the package built, packed and installed, the workflows imported. */
export async function prepareRealN8n(mock: MockTruto, scenarios: Scenario[], ids: string[]) {
	const n8n = setupN8n();
	const work = makeTempDir('truto-bench-n8n');
	const tarball = packPackage(join(work, 'pack'));
	const userFolder = join(work, 'user');
	await prepareUserFolder(n8n, userFolder, tarball, [
		{ id: CREDENTIAL, name: CREDENTIAL, type: 'trutoApi', data: { apiToken: mock.token, baseUrl: mock.url } },
		{ id: HEADER_CREDENTIAL, name: HEADER_CREDENTIAL, type: 'httpHeaderAuth', data: headerAuth(mock.token) },
	]);
	const idOf = (scenario: Scenario) => `bench${scenario.replace(/-/g, '')}`.slice(0, 30);
	await importWorkflows(
		n8n,
		userFolder,
		scenarios.map((scenario) => workflow(idOf(scenario), scenario, mock, ids)),
	);
	return {
		version: n8n.version,
		cleanup: () => rmSync(work, { recursive: true, force: true }),
		async run(scenario: Scenario): Promise<N8nMeasurement> {
			const { run, cli } = await executeOne(n8n, userFolder, idOf(scenario));
			const task = run?.data.resultData.runData[MEASURED]?.[0] as { executionTime?: number } | undefined;
			const items = nodeItems(run, MEASURED);
			const error = run?.data.resultData.error?.message ?? (run ? undefined : `no run printed (exit ${cli.code})`);
			return {
				scenario,
				nodeMs: task?.executionTime ?? NaN,
				items: items.length,
				errorItems: items.filter((item) => item.json?.error !== undefined).length,
				error,
			};
		},
	};
}
