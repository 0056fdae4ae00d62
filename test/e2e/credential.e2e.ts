// The credential in a running n8n: the package as n8n lists it, and the
// credential modal's "Test" button (POST /rest/credentials/test) against the mock.
import { randomBytes } from 'node:crypto';
import { startMockTruto, type MockTruto } from '../mock';
import type { N8nServer, RestClient } from '../../scripts/lib/server';
import { BAD, BAD_TOKEN, GOOD, e2eVersions, prepareN8n, serveN8n, userFolderFiles, type Prepared } from './support';

describe.each(e2eVersions())('n8n %s: Truto credential', (version) => {
  const token = `tk_e2e_${randomBytes(16).toString('hex')}`;
  let mock: MockTruto;
  let env: Prepared;
  let server: N8nServer;
  let rest: RestClient;
  const responses: string[] = [];

  beforeAll(async () => {
    mock = await startMockTruto({ token });
    env = await prepareN8n(version, mock, 'credential');
    ({ server, rest } = await serveN8n(env));
  });

  afterAll(async () => {
    await server?.stop();
    await mock?.close();
    env?.cleanup();
  });

  const testCredential = async (id: string) => {
    mock.clearRequests();
    const result = await rest.testSavedCredential(id);
    responses.push(JSON.stringify(result));
    return result;
  };

  test('n8n lists the package under community nodes, with both node types loaded', async () => {
    type Installed = { packageName: string; failedLoading?: boolean; installedNodes: { type: string }[] };
    const packages = await rest.request<{ data: Installed[] }>('GET', '/community-packages');
    expect(packages.status).toBe(200);
    const ours = packages.body.data.find((p) => p.packageName === 'n8n-nodes-truto');
    expect(ours).toBeDefined();
    expect(ours!.failedLoading).toBeFalsy();
    expect(ours!.installedNodes.map((n) => n.type).sort()).toEqual(['n8n-nodes-truto.trutoTrigger', 'n8n-nodes-truto.trutoUserDirectory']);

    type NodeType = { name: string; credentials?: { name: string }[] };
    const types = (await rest.call<NodeType[]>('GET', '/types/nodes.json')).body;
    for (const name of ['n8n-nodes-truto.trutoUserDirectory', 'n8n-nodes-truto.trutoTrigger']) {
      const node = types.find((t) => t.name === name);
      expect(node?.credentials?.map((c) => c.name)).toEqual(['trutoApi']);
    }
    const credentials = (await rest.call<{ name: string }[]>('GET', '/types/credentials.json')).body;
    expect(credentials.map((c) => c.name)).toContain('trutoApi');
  });

  test('the Test button passes with a good token: GET /integrated-account?limit=1', async () => {
    const result = await testCredential(GOOD);
    expect(result.status).toBe('OK');
    expect(mock.requests).toHaveLength(1);
    const [req] = mock.requests;
    expect(req.method).toBe('GET');
    expect(req.path).toBe('/integrated-account');
    expect(req.query).toEqual({ limit: '1' });
    expect(req.headers.authorization).toBe(`Bearer ${token}`);
    expect(req.status).toBe(200);
  });

  test('the Test button fails clearly with a bad token', async () => {
    const result = await testCredential(BAD);
    expect(result.status).toBe('Error');
    // What the modal shows. n8n 2.x shows the credential's own message for a 401
    // (its test rules), which must point at the API token; n8n 1.x ignores those
    // rules and shows its own "Authorization failed - please check your credentials".
    expect(result.message).toMatch(version.startsWith('1.') ? /check your credentials/i : /API token/i);
    // n8n itself may send the test once more after a 401 (2.x does).
    expect(mock.requests.length).toBeGreaterThanOrEqual(1);
    for (const req of mock.requests) {
      expect([req.method, req.path, req.status, req.headers.authorization]).toEqual([
        'GET',
        '/integrated-account',
        401,
        `Bearer ${BAD_TOKEN}`,
      ]);
    }
  });

  test('the editor never receives the token, and n8n never prints it', async () => {
    const saved = await rest.request('GET', `/credentials/${GOOD}?includeData=true`);
    const texts = [JSON.stringify(saved.body), ...responses, server.output()];
    texts.push(...userFolderFiles(env.userFolder).map((f) => f.text));
    for (const text of texts) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(BAD_TOKEN);
    }
  });
});
