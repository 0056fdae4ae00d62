/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// In a real n8n: the token never leaves Truto's origin (redirects, n8n's HTTP
// Request node with the Truto credential), secrets echoed by a server never
// surface, and the credential's Test button says what is wrong.
import { randomBytes } from 'node:crypto';
import { startStub, type Stub } from '../harness/stub';
import { startMockTruto, type MockTruto } from '../mock';
import { importWorkflows } from '../../scripts/lib/n8n';
import { executeBatch, nodeItems, type BatchResult } from '../../scripts/lib/run';
import type { N8nServer, RestClient } from '../../scripts/lib/server';
import { e2eVersions, prepareN8n, serveN8n, userFolderFiles, type Prepared } from './support';
import { byId, NODE_TYPE, oneNodeWorkflow } from './workflows';

describe.each(e2eVersions())('n8n %s: the token stays with Truto', (version) => {
  const token = `tk_e2e_${randomBytes(16).toString('hex')}`;
  let mock: MockTruto;
  let trap: Stub;
  let web: Stub;
  let redirector: Stub;
  let env: Prepared;
  let batch: Record<string, BatchResult>;
  let server: N8nServer | undefined;
  let rest: RestClient;
  const printed: string[] = [];

  const credential = (id: string, baseUrl: string, apiToken = token) => ({ id, name: id, type: 'trutoApi', data: { apiToken, baseUrl } });

  beforeAll(async () => {
    mock = await startMockTruto({ token });
    trap = await startStub('127.0.0.2', (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":[]}'));
    web = await startStub('127.0.0.1', (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Welcome</html>'));
    redirector = await startStub('127.0.0.1', (res) => res.writeHead(302, { location: `${trap.url}/integrated-account` }).end());
    env = await prepareN8n(version, mock, 'security');
    // More credentials beside the suite's own (the first import created the database).
    const extra = [
      credential('trutoUserPass', `http://user:pw-${token.slice(-6)}@127.0.0.1:${new URL(mock.url).port}`),
      credential('trutoPlainHttp', 'http://api.truto.one'),
      credential('trutoPath', `${mock.url}/unified`),
      credential('trutoNowhere', 'http://127.0.0.1:1'),
      credential('trutoWeb', web.url),
      credential('trutoRedirect', redirector.url),
    ];
    const { writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const file = join(env.userFolder, 'more-credentials.json');
    writeFileSync(file, JSON.stringify(extra), { mode: 0o600 });
    const { runN8nOk } = await import('../../scripts/lib/n8n');
    await runN8nOk(env.n8n, env.userFolder, ['import:credentials', `--input=${file}`]);
    rmSync(file, { force: true });

    const good = { trutoApi: { id: 'trutoGood', name: 'trutoGood' } };
    await importWorkflows(env.n8n, env.userFolder, [
      oneNodeWorkflow('e2eRedirected', {
        name: 'Truto',
        type: NODE_TYPE,
        typeVersion: 1.1,
        onError: 'continueRegularOutput',
        parameters: { resource: 'organization', operation: 'delete', integratedAccountId: byId('acc_github'), id: byId('acme-corp'), options: {} },
        credentials: good,
      }),
      oneNodeWorkflow('e2eEchoed', {
        name: 'Truto',
        type: NODE_TYPE,
        typeVersion: 1.1,
        onError: 'continueRegularOutput',
        parameters: { resource: 'organization', operation: 'get', integratedAccountId: byId('acc_github'), id: byId('acme-labs'), options: {} },
        credentials: good,
      }),
      oneNodeWorkflow('e2eHttpElsewhere', {
        name: 'HTTP',
        type: 'n8n-nodes-base.httpRequest',
        typeVersion: 4.2,
        onError: 'continueRegularOutput',
        parameters: { url: `${trap.url}/steal`, authentication: 'predefinedCredentialType', nodeCredentialType: 'trutoApi', options: {} },
        credentials: good,
      }),
      oneNodeWorkflow('e2eHttpTruto', {
        name: 'HTTP',
        type: 'n8n-nodes-base.httpRequest',
        typeVersion: 4.2,
        parameters: { url: `${mock.url}/integrated-account`, authentication: 'predefinedCredentialType', nodeCredentialType: 'trutoApi', options: {} },
        credentials: good,
      }),
    ]);
    // The first DELETE is redirected to the trap; the first organization GET echoes the token.
    mock.inject({ match: { method: 'DELETE' }, status: 307, raw: '', headers: { location: `${trap.url}/unified/user-directory/organizations/acme-corp` } });
    mock.inject({ match: { method: 'GET', pathIncludes: 'acme-labs' }, status: 500, body: { statusCode: 500, message: `echo Bearer ${token}`, raw_response: { token } }, headers: { 'x-echo': token } });
    const out = await executeBatch(env.n8n, env.userFolder, ['e2eRedirected', 'e2eEchoed', 'e2eHttpElsewhere', 'e2eHttpTruto']);
    batch = out.results;
    printed.push(out.cli.stdout, out.cli.stderr, ...out.files);
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([mock?.close(), trap?.close(), web?.close(), redirector?.close()]);
    env?.cleanup();
  });

  const items = (id: string, node: string) => nodeItems(batch[id]?.run, node);

  test('a redirect is not followed: the other host receives nothing, the item says why', () => {
    const [item] = items('e2eRedirected', 'Truto');
    expect(item.json.error).toMatch(/redirect \(307\) to http:\/\/127\.0\.0\.2:\d+/);
    expect(trap.requests.filter((r) => r.url.includes('organizations'))).toEqual([]);
  });

  test("n8n's HTTP Request node with the Truto credential does not send the token to another host", () => {
    const [item] = items('e2eHttpElsewhere', 'HTTP');
    expect(JSON.stringify(item.json)).toMatch(/sends its token only to/);
    expect(trap.requests).toEqual([]);
    const [ok] = items('e2eHttpTruto', 'HTTP');
    expect(ok.json).toHaveProperty('result');
  });

  test('a token echoed by the server appears nowhere n8n shows or stores', () => {
    const [item] = items('e2eEchoed', 'Truto');
    expect(String(item.json.error)).toMatch(/Truto had an internal problem/);
    const texts = [...printed, ...userFolderFiles(env.userFolder).map((f) => f.text)];
    for (const text of texts) expect(text).not.toContain(token);
    expect(JSON.stringify(item.json)).toContain('[redacted]');
  });

  describe('the Test button says what is wrong', () => {
    beforeAll(async () => {
      ({ server, rest } = await serveN8n(env));
    });

    test.each([
      ['a base URL with a user name and password', 'trutoUserPass', /contains a user name or password/],
      ['a plain http:// base URL to another host', 'trutoPlainHttp', /must start with https:\/\//],
      ['a base URL that ends in a path', 'trutoPath', /ends in a path/],
      ['a server that answers with a web page', 'trutoWeb', /not with Truto's list of integrated accounts/],
      // n8n 1.x shows its own text for status codes ("Request failed with status code 302").
      ['a server that redirects', 'trutoRedirect', version.startsWith('1.') ? /302/ : /redirect/i],
    ])('%s', async (_what, id, message) => {
      const result = await rest.testSavedCredential(id);
      expect(result.status).toBe('Error');
      expect(result.message).toMatch(message);
      expect(result.message).not.toContain(token.slice(-6));
      expect(trap.requests).toEqual([]);
    });

    test('a host that cannot be reached', async () => {
      const result = await rest.testSavedCredential('trutoNowhere');
      expect(result.status).toBe('Error');
      expect(result.message).toMatch(/ECONNREFUSED|refused|reach/i);
    });

    test('a 403 says the token may not list accounts', async () => {
      mock.inject({ match: { pathIncludes: '/integrated-account' }, status: 403, times: 3 });
      const result = await rest.testSavedCredential('trutoGood');
      expect(result.status).toBe('Error');
      expect(result.message).toMatch(version.startsWith('1.') ? /403|forbidden|permission/i : /refused to list integrated accounts/);
    });

    test('nothing n8n printed contains the token', () => {
      expect(server!.output()).not.toContain(token);
    });
  });
});
