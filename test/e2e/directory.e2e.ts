// Truto User Directory: Get Many, Me and Create -> Update, executed by a real n8n against the mock.
import { randomBytes } from 'node:crypto';
import { startMockTruto, type MockTruto, type RecordedRequest } from '../mock';
import { importWorkflows } from '../../scripts/lib/n8n';
import { executeBatch, nodeItems, type BatchResult, type Item } from '../../scripts/lib/run';
import { GOOD, e2eVersions, fetchFromMock, prepareN8n, type Prepared } from './support';
import { byId, chainWorkflow, type Step } from './workflows';

const USERS = '/unified/user-directory/users';
const ME = '/unified/user-directory/me';
/** Smaller than the mock's default (20), so that Return All reads 36 users in 4 pages. */
const PAGE_SIZE = 10;

const okta = byId('acc_okta');
// Writes go to another account, so that the lists above see the seeded users whatever the run order.
const writable = byId('acc_bulk');
const CREATE = 'Create user';
const UPDATE = 'Update user';

// Named so that the batch runs the lists before the create adds a user.
const WORKFLOWS: Record<string, Step[]> = {
  e2eDir1All: [
    {
      name: 'All users',
      parameters: { resource: 'user', operation: 'getAll', integratedAccountId: okta, returnAll: true },
    },
  ],
  e2eDir2Inactive: [
    {
      name: 'Inactive users',
      parameters: {
        resource: 'user',
        operation: 'getAll',
        integratedAccountId: okta,
        returnAll: false,
        limit: 5,
        filters: { status: 'inactive' },
      },
    },
  ],
  e2eDir3Me: [
    {
      name: 'Me',
      parameters: { resource: 'me', operation: 'get', integratedAccountId: byId('acc_github') },
    },
  ],
  e2eDir4CreateUpdate: [
    {
      name: CREATE,
      parameters: {
        resource: 'user',
        operation: 'create',
        integratedAccountId: writable,
        additionalFields: {
          firstName: 'Ada',
          lastName: 'King',
          emails: { values: [{ email: 'ada.king@globex.com', isPrimary: true, type: 'work' }] },
          groups: 'grp_sales',
        },
      },
    },
    {
      name: UPDATE,
      parameters: {
        resource: 'user',
        operation: 'update',
        integratedAccountId: writable,
        id: byId('={{ $json.id }}'),
        updateFields: { lastName: 'Lovelace' },
      },
    },
  ],
};

describe.each(e2eVersions())('n8n %s: users and me', (version) => {
  const token = `tk_e2e_${randomBytes(16).toString('hex')}`;
  let mock: MockTruto;
  let env: Prepared;
  let batch: Record<string, BatchResult>;
  /** The users of acc_okta in list order, and the next_cursor of each page but the last. */
  const seeded: string[] = [];
  const cursors: string[] = [];

  beforeAll(async () => {
    mock = await startMockTruto({ token, pageSize: PAGE_SIZE });
    let cursor: string | undefined;
    do {
      const query: Record<string, string> = { integrated_account_id: 'acc_okta' };
      if (cursor) query.next_cursor = cursor;
      const page = await fetchFromMock(mock, USERS, query);
      for (const user of page.result as { id: string }[]) seeded.push(user.id);
      cursor = (page.next_cursor as string | null) ?? undefined;
      if (cursor) cursors.push(cursor);
    } while (cursor);
    mock.clearRequests();

    env = await prepareN8n(version, mock, 'directory');
    const ids = Object.keys(WORKFLOWS);
    await importWorkflows(
      env.n8n,
      env.userFolder,
      ids.map((id) => chainWorkflow(id, WORKFLOWS[id], GOOD)),
    );
    batch = (await executeBatch(env.n8n, env.userFolder, ids)).results;
  });

  afterAll(async () => {
    await mock?.close();
    env?.cleanup();
  });

  const out = (id: string, node: string): Item[] => {
    const result = batch[id];
    if (result?.status !== 'success' || !result.run) {
      throw new Error(`${id} did not succeed: ${JSON.stringify(result)}`);
    }
    return nodeItems(result.run, node);
  };
  const requests = (method: string, path: string, account: string): RecordedRequest[] =>
    mock.requests.filter(
      (r) => r.method === method && r.path === path && r.query.integrated_account_id === account,
    );
  const listRequests = (filtered: boolean) =>
    requests('GET', USERS, 'acc_okta').filter((r) => 'status' in r.query === filtered);

  test('Get Many with Return All: every user, following next_cursor page by page', () => {
    expect(seeded).toHaveLength(36);
    expect(cursors).toHaveLength(3);

    const ids = out('e2eDir1All', 'All users').map((i) => i.json.id);
    expect(ids).toHaveLength(36);
    expect(new Set(ids).size).toBe(36);
    expect(ids).toEqual(seeded);

    const reqs = listRequests(false);
    expect(reqs.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(reqs.map((r) => r.query)).toEqual([
      { integrated_account_id: 'acc_okta' },
      ...cursors.map((next_cursor) => ({ integrated_account_id: 'acc_okta', next_cursor })),
    ]);
  });

  test('Get Many with Limit 5 and Status inactive: one request that carries both', () => {
    const items = out('e2eDir2Inactive', 'Inactive users');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items.every((i) => i.json.status === 'inactive')).toBe(true);
    expect(items.map((i) => i.json.id)).toEqual(['usr_okta_07', 'usr_okta_14', 'usr_okta_21', 'usr_okta_29']);

    const reqs = listRequests(true);
    expect(reqs).toHaveLength(1);
    expect(reqs[0].status).toBe(200);
    expect(reqs[0].query).toEqual({ integrated_account_id: 'acc_okta', limit: '5', status: 'inactive' });
  });

  test('Me Get: the connected user as one item', () => {
    const items = out('e2eDir3Me', 'Me');
    expect(items).toHaveLength(1);
    expect(items[0].json).toMatchObject({ id: 'usr_gh_01' });
    const reqs = requests('GET', ME, 'acc_github');
    expect(reqs.map((r) => [r.status, r.query])).toEqual([[200, { integrated_account_id: 'acc_github' }]]);
  });

  test('Create then Update of the created user: the fields sent, and only Last Name in the update', () => {
    const [created, ...moreCreated] = out('e2eDir4CreateUpdate', CREATE);
    expect(moreCreated).toHaveLength(0);
    const id = created.json.id as string;
    expect(id).toMatch(/^usr_new_/);
    expect(created.json).toMatchObject({ first_name: 'Ada', last_name: 'King' });

    const posts = requests('POST', USERS, 'acc_bulk');
    expect(posts).toHaveLength(1);
    expect(posts[0].status).toBe(201);
    expect(posts[0].body).toEqual({
      first_name: 'Ada',
      last_name: 'King',
      emails: [{ email: 'ada.king@globex.com', is_primary: true, type: 'work' }],
      groups: [{ id: 'grp_sales' }],
    });

    const patches = requests('PATCH', `${USERS}/${id}`, 'acc_bulk');
    expect(patches).toHaveLength(1);
    expect(patches[0].status).toBe(200);
    expect(patches[0].body).toEqual({ last_name: 'Lovelace' });

    const updated = out('e2eDir4CreateUpdate', UPDATE);
    expect(updated).toHaveLength(1);
    expect(updated[0].json).toMatchObject({ id, first_name: 'Ada', last_name: 'Lovelace' });
  });
});
