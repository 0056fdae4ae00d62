// Truto User Directory: Delete Organization, executed by a real n8n against the mock.
import { randomBytes } from 'node:crypto';
import { startMockTruto, type MockTruto, type RecordedRequest } from '../mock';
import { importWorkflows } from '../../scripts/lib/n8n';
import {
  binaryBytes,
  executeBatch,
  executeOne,
  nodeItems,
  ranNode,
  type BatchResult,
  type Item,
  type Run,
} from '../../scripts/lib/run';
import {
  BAD,
  BAD_TOKEN,
  GOOD,
  e2eVersions,
  fetchFromMock,
  prepareN8n,
  userFolderFiles,
  type Prepared,
} from './support';
import { AFTER, FAILED, TRUTO, deleteWorkflow, type DeleteCase } from './workflows';

const github = (org: string) => ({ account: 'acc_github', org });
const ORGS = '/unified/user-directory/organizations';

const CASES: Omit<DeleteCase, 'credentialId'>[] = [
  {
    id: 'e2eUnified',
    targets: [github('acme-corp')],
    locator: 'string',
    options: { responseFormat: 'unified', excludeRemoteData: true },
  },
  {
    id: 'e2eRaw',
    targets: [github('acme-labs')],
    options: { responseFormat: 'raw', remoteQuery: '{"force":true}' },
  },
  {
    id: 'e2eNormalized',
    targets: [github('octo-open-source')],
    options: { responseFormat: 'normalized', excludeFields: 'licenses,created_at' },
  },
  { id: 'e2eStream', targets: [github('org with space')], options: { responseFormat: 'stream' } },
  {
    id: 'e2eMany',
    targets: [github('org/with/slash'), github('org?q=1'), github('org#frag')],
    pairedLookup: true,
  },
  {
    id: 'e2eContinue',
    targets: [github('org+plus'), { account: 'acc_okta', org: 'org_globex' }, github('100%')],
    onError: 'continueRegularOutput',
    pairedLookup: true,
  },
  {
    id: 'e2eErrorOutput',
    targets: [
      { account: 'acc_mist', org: 'mist_org_3' },
      { account: 'acc_sandbox', org: 'acme-corp' },
    ],
    onError: 'continueErrorOutput',
  },
  {
    id: 'e2eNoContent',
    targets: [
      { account: 'acc_mist', org: 'mist_org_1' },
      { account: 'acc_mist', org: 'mist_org_2' },
    ],
  },
  { id: 'e2eUnauthorized', targets: [github('unauthorized-org')], onError: 'continueRegularOutput' },
  { id: 'e2eUnauthorizedStop', targets: [github('unauthorized-stop-org')] },
  // Saved workflows leave out parameters equal to their defaults: version 1 must still delete,
  // while a node of the newest version opens on Organization → Get Many.
  { id: 'e2eSavedV1', targets: [{ account: 'acc_bulk', org: 'bulk_org_000001' }], omitDefaults: true },
  {
    id: 'e2eNewV11',
    targets: [{ account: 'acc_bulk', org: 'bulk_org_000002' }],
    omitDefaults: true,
    typeVersion: 1.1,
  },
  // One item at a time, so that nothing after the failing item has started.
  {
    id: 'e2eStop',
    targets: [{ account: 'acc_sandbox', org: 'stop-org' }, github('never-requested')],
    options: { concurrency: 1 },
  },
];
const BAD_CREDENTIAL = new Set(['e2eUnauthorized', 'e2eUnauthorizedStop']);
const RUN_ALONE = 'e2eStop';

describe.each(e2eVersions())('n8n %s: Delete Organization', (version) => {
  const token = `tk_e2e_${randomBytes(16).toString('hex')}`;
  let mock: MockTruto;
  let env: Prepared;
  let batch: Record<string, BatchResult>;
  let stop: Awaited<ReturnType<typeof executeOne>>;
  const printed: string[] = [];
  const before: Record<string, Record<string, unknown>> = {};

  beforeAll(async () => {
    mock = await startMockTruto({ token });
    // What Truto holds before the deletes, read straight from the mock.
    for (const org of ['acme-corp', 'octo-open-source', 'org/with/slash', 'org?q=1', 'org#frag']) {
      before[org] = await fetchFromMock(mock, `${ORGS}/${encodeURIComponent(org)}`, {
        integrated_account_id: 'acc_github',
      });
    }
    before.rawAcmeLabs = await fetchFromMock(mock, `${ORGS}/acme-labs`, {
      integrated_account_id: 'acc_github',
      truto_response_format: 'raw',
    });
    mock.clearRequests();

    env = await prepareN8n(version, mock, 'delete');
    const workflows = CASES.map((c) =>
      deleteWorkflow({ ...c, credentialId: BAD_CREDENTIAL.has(c.id) ? BAD : GOOD }),
    );
    await importWorkflows(env.n8n, env.userFolder, workflows);

    const ids = CASES.map((c) => c.id).filter((id) => id !== RUN_ALONE);
    const out = await executeBatch(env.n8n, env.userFolder, ids);
    batch = out.results;
    printed.push(out.cli.stdout, out.cli.stderr, ...out.files);
    stop = await executeOne(env.n8n, env.userFolder, RUN_ALONE);
    printed.push(stop.cli.stdout, stop.cli.stderr);
  });

  afterAll(async () => {
    await mock?.close();
    env?.cleanup();
  });

  const run = (id: string): Run => {
    const result = batch[id];
    if (result?.status !== 'success' || !result.run) {
      throw new Error(`${id} did not succeed: ${JSON.stringify(result)}`);
    }
    return result.run;
  };
  const out = (id: string, node = TRUTO, output = 0) => nodeItems(run(id), node, output);
  const lastSegment = (r: RecordedRequest) => r.segments[r.segments.length - 1];
  /** The requests n8n sent for these organization ids (on any account, or the one given). */
  const requestsFor = (...orgs: string[]): RecordedRequest[] =>
    mock.requests.filter((r) => r.path.startsWith(ORGS) && orgs.includes(lastSegment(r)));
  /** The status of the one request sent for each of these ids, in the order given. */
  const statusOf = (...orgs: string[]) =>
    orgs.map((org) => {
      const reqs = requestsFor(org);
      return reqs.length === 1 ? reqs[0].status : `${reqs.length} requests for ${org}`;
    });
  const requestsOn = (account: string, org: string) =>
    requestsFor(org).filter((r) => r.query.integrated_account_id === account);
  const pairedIndex = (item: Item) =>
    (Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem)?.item;

  test('the package is installed as a community package with its node types', () => {
    expect(env.registration.nodes.map((n) => n.type).sort()).toEqual(['n8n-nodes-truto.trutoTrigger', 'n8n-nodes-truto.trutoUserDirectory']);
    for (const text of printed) expect(text).not.toMatch(/packages are missing|Unrecognized node type/i);
  });

  test('unified with Exclude Remote Data: the deleted organization, remote_data left out', () => {
    const items = out('e2eUnified');
    expect(items).toHaveLength(1);
    const { remote_data, ...unified } = before['acme-corp'];
    expect(remote_data).toBeDefined();
    expect(items[0].json).toEqual(unified);

    const [req, ...more] = requestsOn('acc_github', 'acme-corp');
    expect(more).toHaveLength(0);
    expect(req.method).toBe('DELETE');
    expect(req.status).toBe(200);
    expect(req.headers.authorization).toBe(`Bearer ${token}`);
    expect(req.query).toMatchObject({
      integrated_account_id: 'acc_github',
      truto_response_format: 'unified',
      truto_ignore_remote_data: 'true',
    });
  });

  test('raw with Remote Query: the provider answer, remote_query passed on', () => {
    const items = out('e2eRaw');
    expect(items).toHaveLength(1);
    // The provider's own record (GitHub's fields), not Truto's unified shape.
    expect(items[0].json).toMatchObject(before.rawAcmeLabs);
    expect(items[0].json).not.toHaveProperty('remote_data');
    const [req] = requestsFor('acme-labs');
    expect(req.query).toMatchObject({ truto_response_format: 'raw', remote_query: { force: 'true' } });
  });

  test('normalized with Exclude Fields: the listed fields are left out', () => {
    const [item] = out('e2eNormalized');
    expect(item.json.id).toBe('octo-open-source');
    expect(item.json.name).toBe(before['octo-open-source'].name);
    expect(item.json).not.toHaveProperty('licenses');
    expect(item.json).not.toHaveProperty('created_at');
    const [req] = requestsFor('octo-open-source');
    expect(req.query).toMatchObject({
      truto_response_format: 'normalized',
      truto_exclude_fields: ['licenses', 'created_at'],
    });
  });

  test('stream: the response bytes become binary property "data"', () => {
    const [item] = out('e2eStream');
    const data = item.binary?.data;
    expect(data).toBeDefined();
    expect(data!.mimeType).toBe('application/octet-stream');
    expect(data!.fileName).toBe('organizations-org_with_space.json');
    const bytes = binaryBytes(env.userFolder, data!);
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ id: 'org with space' });
    expect(item.json.fileSize).toBe(bytes.length);
    const [req] = requestsFor('org with space');
    expect(req.query).toMatchObject({ truto_response_format: 'stream' });
  });

  test('several items with expressions: one delete per item, in order, paired back to its input', () => {
    const orgs = ['org/with/slash', 'org?q=1', 'org#frag'];
    const items = out('e2eMany');
    expect(items.map((i) => i.json)).toEqual(orgs.map((o) => before[o]));
    expect(items.map(pairedIndex)).toEqual([0, 1, 2]);
    // A later node reaches back to the input item through the paired items.
    const after = out('e2eMany', AFTER);
    expect(after.map((i) => [i.json.requestedOrg, i.json.id])).toEqual(orgs.map((o) => [o, o]));
    // Items may be sent side by side (the node's Concurrency option): one request each, any order.
    const reqs = requestsFor(...orgs);
    expect(reqs.map(lastSegment).sort()).toEqual([...orgs].sort());
    expect(reqs.every((r) => r.method === 'DELETE' && r.status === 200)).toBe(true);
  });

  test('On Error "continue": the failed item becomes an error item, the others go on', () => {
    const items = out('e2eContinue');
    expect(items).toHaveLength(3);
    expect(items[0].json.id).toBe('org+plus');
    expect(items[1].json.error).toEqual(expect.stringMatching(/\S/));
    expect(items[2].json.id).toBe('100%');
    expect(items.map(pairedIndex)).toEqual([0, 1, 2]);
    const after = out('e2eContinue', AFTER);
    expect(after.map((i) => i.json.requestedAccount)).toEqual(['acc_github', 'acc_okta', 'acc_github']);
    expect(statusOf('org+plus', 'org_globex', '100%')).toEqual([200, 404, 200]);
  });

  test('On Error "continue (using error output)": failures go to the second output', () => {
    const ok = out('e2eErrorOutput', TRUTO, 0);
    const failed = out('e2eErrorOutput', TRUTO, 1);
    expect(ok.map((i) => i.json)).toEqual([
      { id: 'mist_org_3', integrated_account_id: 'acc_mist', deleted: true },
    ]);
    expect(failed).toHaveLength(1);
    expect(failed[0].json.error).toEqual(expect.stringMatching(/\S/));
    expect(pairedIndex(failed[0])).toBe(1);
    expect(nodeItems(run('e2eErrorOutput'), FAILED)).toHaveLength(1);
    expect(requestsFor('mist_org_3').map((r) => r.status)).toEqual([204]);
    expect(requestsOn('acc_sandbox', 'acme-corp').map((r) => r.status)).toEqual([405]);
  });

  test('On Error "stop": the run fails on the first bad item and goes no further', () => {
    const result = stop.run!;
    expect(result).toBeDefined();
    const error = result.data.resultData.error!;
    expect(error.node?.name).toBe(TRUTO);
    expect(error.message.length).toBeGreaterThan(0);
    expect(result.data.resultData.lastNodeExecuted).toBe(TRUTO);
    expect(ranNode(result, AFTER)).toBe(false);
    expect(stop.cli.code).not.toBe(0);
    expect(requestsFor('stop-org').map((r) => r.status)).toEqual([405]);
    expect(requestsFor('never-requested')).toHaveLength(0);
  });

  test('an empty 204 answer gives {id, deleted: true} per item', () => {
    const items = out('e2eNoContent');
    expect(items.map((i) => i.json)).toEqual([
      { id: 'mist_org_1', integrated_account_id: 'acc_mist', deleted: true },
      { id: 'mist_org_2', integrated_account_id: 'acc_mist', deleted: true },
    ]);
    expect(statusOf('mist_org_1', 'mist_org_2')).toEqual([204, 204]);
  });

  test('a 401 says to check the API token', () => {
    const [item] = out('e2eUnauthorized');
    expect(item.json.error).toMatch(/API token/i);
    const failed = batch.e2eUnauthorizedStop;
    expect(failed.status).toBe('error');
    expect(failed.error).toMatch(/token/i);
    const reqs = requestsFor('unauthorized-org', 'unauthorized-stop-org');
    expect(statusOf('unauthorized-org', 'unauthorized-stop-org')).toEqual([401, 401]);
    expect(reqs.every((r) => r.headers.authorization === `Bearer ${BAD_TOKEN}`)).toBe(true);
  });

  test('a saved version 1 node without resource and operation still deletes the organization', () => {
    expect(out('e2eSavedV1').map((i) => i.json.id)).toEqual(['bulk_org_000001']);
    expect(requestsFor('bulk_org_000001').map((r) => [r.method, r.status])).toEqual([['DELETE', 200]]);
  });

  test('a version 1.1 node without resource and operation lists organizations and deletes nothing', () => {
    const items = out('e2eNewV11');
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((i) => typeof i.json.id === 'string' && i.json.id.startsWith('bulk_org_'))).toBe(true);
    expect(requestsFor('bulk_org_000002')).toHaveLength(0);
    const lists = mock.requests.filter((r) => r.path === ORGS && r.query.integrated_account_id === 'acc_bulk');
    expect(lists.map((r) => [r.method, r.status])).toEqual([['GET', 200]]);
  });

  test('no API token in anything n8n printed or stored', () => {
    const texts = [...printed, ...userFolderFiles(env.userFolder).map((f) => f.text)];
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(BAD_TOKEN);
    }
  });
});
