// Unattended runs: a delete that finds the record already gone can count as a
// success (Succeed If Already Deleted), and an error read on its own (in an
// Error Workflow) says what the item was doing, on which account, and what to do.
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/run-node';
import { byId, runAgainst, unifiedRequests, useMockTruto } from './support';

const mock = useMockTruto();
const github = { integratedAccountId: byId('acc_github') };
const deleteOrg = (id: string, options: INodeParameters = {}) => ({ resource: 'organization', operation: 'delete', id: byId(id), options });

function run(parameters: INodeParameters, account = github) {
	return runAgainst(mock, { parameters: { ...account, ...parameters }, onError: 'continueRegularOutput' });
}

describe('Succeed If Already Deleted', () => {
	test('off (the default): deleting a record twice fails the second time, as before', async () => {
		await run(deleteOrg('acme-corp'));
		const { items } = await run(deleteOrg('acme-corp'));
		expect(items[0].json.error).toMatch(/was not found in integrated account "acc_github" \(it may already be gone\)/);
	});

	test('on: the provider saying the record is not there gives a success item marked already_deleted', async () => {
		const first = await run(deleteOrg('acme-labs', { succeedIfAlreadyDeleted: true }));
		expect(first.items[0].json).toMatchObject({ id: 'acme-labs', name: 'Acme Labs' });
		expect(first.items[0].json).not.toHaveProperty('already_deleted');
		const second = await run(deleteOrg('acme-labs', { succeedIfAlreadyDeleted: true }));
		expect(second.items.map((item) => item.json)).toEqual([
			{ id: 'acme-labs', integrated_account_id: 'acc_github', deleted: true, already_deleted: true },
		]);
		expect(unifiedRequests(mock).map((request) => request.status)).toEqual([200, 404]);
		expect(unifiedRequests(mock)[1].status).toBe(404);
	});

	test("on: Truto's own 404 (an unknown integrated account) still fails", async () => {
		const { items } = await run(deleteOrg('acme-corp', { succeedIfAlreadyDeleted: true }), { integratedAccountId: byId('acc_nobody') });
		expect(items[0].json.error).toMatch(/Truto found no integrated account "acc_nobody"/);
		expect(items[0].json).not.toHaveProperty('already_deleted');
	});

	test("on: Truto's 404 for a method the integration lacks still fails", async () => {
		const { items } = await run(deleteOrg('org_globex', { succeedIfAlreadyDeleted: true }), { integratedAccountId: byId('acc_okta') });
		expect(items[0].json.error).toMatch(/check the 'Integrated Account' parameter/);
	});

	test('on: a 410 Gone from the provider counts too', async () => {
		mock.inject({ status: 410, remote: true, match: { method: 'DELETE' } });
		const { items } = await run(deleteOrg('octo-open-source', { succeedIfAlreadyDeleted: true }));
		expect(items[0].json).toMatchObject({ deleted: true, already_deleted: true });
	});

	test('on: other failures are not hidden (a 403 stays an error)', async () => {
		mock.inject({ status: 403, remote: true, match: { method: 'DELETE' } });
		const { items } = await run(deleteOrg('octo-open-source', { succeedIfAlreadyDeleted: true }));
		expect(items[0].json.error).toMatch(/refused to delete organizations/);
	});

	test('offered on every Delete operation, and only there', async () => {
		const { TrutoUserDirectory } = await import('../../nodes/TrutoUserDirectory/TrutoUserDirectory.node');
		const { description } = new TrutoUserDirectory();
		const optionSets = description.properties.filter((p) => p.name === 'options');
		const withOption = optionSets.filter((set) => (set.options ?? []).some((o) => o.name === 'succeedIfAlreadyDeleted'));
		expect(withOption).toHaveLength(1);
		expect(withOption[0].displayOptions?.show?.operation).toEqual(['delete']);
	});
});

describe('an error read on its own says what, where and what to do', () => {
	test('a revoked token: the message names the operation, the record, the account and the fix, never the token', async () => {
		const revoked = ['tk', 'revoked', '0123456789'].join('_');
		const result = await runNode({
			credentials: { apiToken: revoked, baseUrl: mock.url },
			parameters: { ...github, ...deleteOrg('acme-corp') },
		});
		expect(result.error?.message).toBe(
			`Truto did not accept the API token: check the API Token in the node's Truto API credential (Delete an organization "acme-corp", integrated account "acc_github") [item 0]`,
		);
		expect(JSON.stringify(result.error)).not.toContain(revoked);
	});
});
