import type { INodeParameters } from 'n8n-workflow';

import { byId, runAgainst, unifiedRequests, useMockTruto } from './support';

const mock = useMockTruto();

function createUser(email: string): INodeParameters {
	return {
		resource: 'user',
		operation: 'create',
		integratedAccountId: byId('acc_bulk'),
		additionalFields: { firstName: 'Ada', lastName: 'King', emails: { values: [{ email }] } },
	};
}

describe('Idempotency-Key on writes', () => {
	test('a create that met a 502 is sent again with the same key, and gives one item', async () => {
		mock.inject({ status: 502, match: { method: 'POST' } });
		const { items, error } = await runAgainst(mock, { parameters: createUser('ada@acme.dev') });

		expect(error).toBeUndefined();
		const posts = unifiedRequests(mock).filter((request) => request.method === 'POST');
		expect(posts.map((request) => request.status)).toEqual([502, 201]);
		const [first, second] = posts.map((request) => request.headers['idempotency-key']);
		expect(first).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(second).toBe(first);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ first_name: 'Ada', last_name: 'King' });
	});

	test('each item of a run gets its own key', async () => {
		const { items } = await runAgainst(mock, {
			items: [{ email: 'a@acme.dev' }, { email: 'b@acme.dev' }],
			parameters: {
				...createUser(''),
				additionalFields: { lastName: 'King', emails: { values: [{ email: '={{ $json.email }}' }] } },
			},
		});

		const keys = unifiedRequests(mock).map((request) => request.headers['idempotency-key']);
		expect(items).toHaveLength(2);
		expect(keys).toHaveLength(2);
		expect(new Set(keys).size).toBe(2);
	});

	test('deletes and reads carry no key', async () => {
		await runAgainst(mock, {
			parameters: { resource: 'organization', operation: 'delete', integratedAccountId: byId('acc_github'), id: byId('acme-corp') },
		});

		expect(unifiedRequests(mock)[0].headers).not.toHaveProperty('idempotency-key');
	});
});
