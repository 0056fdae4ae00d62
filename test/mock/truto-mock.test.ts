/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Tests for the mock Truto server, over real HTTP.
import * as http from 'http';
import { startMockTruto, MOCK_TOKEN, type MockTruto } from './index';
import { RESOURCE_METHODS, RESOURCES, CUSTOM_METHODS } from './resources';
import { ACCOUNTS } from './accounts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Json;
}

const UD = '/unified/user-directory';
const WRONG = ['not', 'the', 'right', 'one'].join('-');
let mock: MockTruto;

async function call(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; token?: string | null } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? mock.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(mock.url + path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let json: Json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** GET with a raw, unnormalised path (fetch would collapse `..`). */
function rawGet(path: string): Promise<{ status: number; json: Json }> {
  return new Promise((resolve, reject) => {
    const req = http.request(mock.url + '/', { path, headers: { authorization: `Bearer ${mock.token}` } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: data ? JSON.parse(data) : undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  mock = await startMockTruto();
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

describe('basics', () => {
  test('listens on 127.0.0.1 with the default token', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.token).toBe(MOCK_TOKEN);
  });

  test('missing or wrong token gives 401 without echoing any token', async () => {
    const none = await call(`/integrated-account`, { token: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(none.json).sort()).toEqual(['error', 'message', 'statusCode']);
    expect(none.json).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    const wrong = await call(`${UD}/users?integrated_account_id=acc_okta`, { token: WRONG });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain(WRONG);
    expect(wrong.text).not.toContain(MOCK_TOKEN);
    expect(mock.requests.map((r) => r.status)).toEqual([401, 401]);
  });

  test('every answer body leaves out the token', async () => {
    const answers = [
      await call(`${UD}/users?integrated_account_id=acc_okta&remote_query[x]=1`),
      await call(`/integrated-account/acc_okta/capabilities`),
      await call(`/integrated-account`),
      await call(`/environment`),
    ];
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.text).not.toContain(MOCK_TOKEN);
    }
  });

  test('integrated_account_id: missing is 400 naming it, unknown is 404', async () => {
    const missing = await call(`${UD}/users`);
    expect(missing.status).toBe(400);
    expect(missing.json.error).toBe('Bad Request');
    expect(missing.json.message).toContain('integrated_account_id');
    const unknown = await call(`${UD}/users?integrated_account_id=acc_nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(unknown.json.truto_is_remote_error).toBeUndefined();
  });

  test('unknown routes, resources and models are 404', async () => {
    expect((await call('/nothing-here')).status).toBe(404);
    expect((await call(`${UD}/tickets?integrated_account_id=acc_okta`)).status).toBe(404);
    expect((await call(`/unified/crm/contacts?integrated_account_id=acc_okta`)).status).toBe(404);
  });

  test('records requests with raw url, decoded segments, parsed query, body and status', async () => {
    await call(`${UD}/organizations/org%2Fwith%2Fslash?integrated_account_id=acc_github&remote_query%5Ba%5D%5Bb%5D=1`);
    await call(`${UD}/groups?integrated_account_id=acc_okta`, { method: 'POST', body: { name: 'New' } });
    const [get, post] = mock.requests;
    expect(get.rawUrl).toBe(`${UD}/organizations/org%2Fwith%2Fslash?integrated_account_id=acc_github&remote_query%5Ba%5D%5Bb%5D=1`);
    expect(get.path).toBe(`${UD}/organizations/org%2Fwith%2Fslash`);
    expect(get.segments).toEqual(['unified', 'user-directory', 'organizations', 'org/with/slash']);
    expect(get.query).toEqual({ integrated_account_id: 'acc_github', remote_query: { a: { b: '1' } } });
    expect(get.headers.authorization).toBe(`Bearer ${MOCK_TOKEN}`);
    expect(get.status).toBe(200);
    expect(post.body).toEqual({ name: 'New' });
    expect(post.status).toBe(201);
    expect(mock.stats()).toEqual({ byStatus: { '200': 1, '201': 1 }, total: 2 });
  });

  test('admin lists, filters and the single account', async () => {
    const all = await call('/integrated-account');
    expect(all.json.result).toHaveLength(ACCOUNTS.length);
    expect(all.json.next_cursor).toBeNull();
    expect(all.json.limit).toBe(20);
    const gh = await call('/integrated-account?integration[name]=github&is_sandbox=false');
    expect(gh.json.result.map((a: Json) => a.id)).toEqual(['acc_github']);
    const dotted = await call('/integrated-account?integration.name=okta');
    expect(dotted.json.result.map((a: Json) => a.id)).toEqual(['acc_okta']);
    const globex = await call('/integrated-account?tenant_id=globex&status=needs_reauth');
    expect(globex.json.result.map((a: Json) => a.id)).toEqual(['acc_zendesk_reauth']);
    const page1 = await call('/integrated-account?limit=3');
    expect(page1.json.result).toHaveLength(3);
    const page2 = await call(`/integrated-account?limit=3&next_cursor=${page1.json.next_cursor}`);
    expect(page2.json.result[0].id).toBe(all.json.result[3].id);
    const one = await call('/integrated-account/acc_mist');
    expect(one.json).toMatchObject({ id: 'acc_mist', integration: { name: 'juniper-mist' }, tenant_id: 'acme' });
    expect((await call('/integrated-account/acc_nope')).status).toBe(404);
    expect((await call('/environment')).status).toBe(200);
  });
});

describe('query encoding', () => {
  const base = `${UD}/users/usr_okta_01?integrated_account_id=acc_okta`;
  test.each([
    ['empty brackets', '&truto_exclude_fields[]=remote_data&truto_exclude_fields[]=emails'],
    ['indices', '&truto_exclude_fields[0]=remote_data&truto_exclude_fields[1]=emails'],
    ['percent-encoded', '&truto_exclude_fields%5B%5D=remote_data&truto_exclude_fields%5B%5D=emails'],
    ['encoded indices', '&truto_exclude_fields%5B0%5D=remote_data&truto_exclude_fields%5B1%5D=emails'],
    ['comma string', '&truto_exclude_fields=remote_data,emails'],
  ])('truto_exclude_fields as %s', async (_name, qsPart) => {
    const res = await call(base + qsPart);
    expect(res.status).toBe(200);
    expect(res.json.id).toBe('usr_okta_01');
    expect(res.json).not.toHaveProperty('remote_data');
    expect(res.json).not.toHaveProperty('emails');
    expect(res.json).toHaveProperty('phones');
  });

  test('nested remote_query in bracket and encoded forms reach the same object', async () => {
    const a = await call(`${base}&remote_query[filter][status]=ACTIVE&remote_query[tags][]=x`);
    const b = await call(`${base}&remote_query%5Bfilter%5D%5Bstatus%5D=ACTIVE&remote_query%5Btags%5D%5B0%5D=x`);
    const want = { filter: { status: 'ACTIVE' }, tags: ['x'] };
    expect(a.json.remote_data.remote_query).toEqual(want);
    expect(b.json.remote_data.remote_query).toEqual(want);
  });

  test('trailing ? and empty next_cursor are the first page', async () => {
    const bare = await call(`${UD}/groups?`, { token: undefined });
    expect(bare.status).toBe(400); // still needs the account
    const first = await call(`${UD}/groups?integrated_account_id=acc_okta&next_cursor=`);
    expect(first.status).toBe(200);
    expect(first.json.result[0].id).toBe('grp_engineering');
    const ta = await call(`/integrated-account?`);
    expect(ta.status).toBe(200);
  });

  test('+ in the query is a space (Python quote_plus)', async () => {
    const res = await call(`${UD}/organizations?integrated_account_id=acc_github&name=Acme+Labs`);
    expect(res.json.result.map((o: Json) => o.id)).toEqual(['acme-labs']);
  });
});

describe('ids in paths', () => {
  const org = (id: string) => `${UD}/organizations/${encodeURIComponent(id)}?integrated_account_id=acc_github`;

  test.each(['org/with/slash', 'org?q=1', 'org#frag', 'org with space', 'org+plus', '100%'])('finds %s when encoded', async (id) => {
    const res = await call(org(id));
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(id);
  });

  test('a raw slash is a different path; double encoding is not decoded twice', async () => {
    expect((await call(`${UD}/organizations/org/with/slash?integrated_account_id=acc_github`)).status).toBe(404);
    const twice = await call(`${UD}/organizations/org%252Fwith%252Fslash?integrated_account_id=acc_github`);
    expect(twice.status).toBe(404);
    expect(twice.json.truto_is_remote_error).toBe(true);
  });

  test('the id ".." works when the path is sent as is', async () => {
    const res = await rawGet(`${UD}/organizations/..?integrated_account_id=acc_github`);
    expect(res.status).toBe(200);
    expect(res.json.id).toBe('..');
  });

  test('malformed percent-encoding is a 400', async () => {
    expect((await call(`${UD}/users/%E0%A4%A?integrated_account_id=acc_okta`)).status).toBe(400);
  });
});

describe('lists and pagination', () => {
  async function walk(path: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const res = await call(`${path}&limit=${limit}&next_cursor=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(200);
      expect(res.json.result_count).toBe(res.json.result.length);
      ids.push(...res.json.result.map((r: Json) => r.id));
      cursor = res.json.next_cursor;
      pages++;
    } while (cursor);
    return { ids, pages };
  }

  test('a cursor walk returns every okta user exactly once', async () => {
    const { ids, pages } = await walk(`${UD}/users?integrated_account_id=acc_okta`, 7);
    expect(ids).toHaveLength(36);
    expect(new Set(ids).size).toBe(36);
    expect(pages).toBe(6);
  });

  test('default page size is 20, last page has next_cursor null', async () => {
    const first = await call(`${UD}/users?integrated_account_id=acc_okta`);
    expect(first.json.result).toHaveLength(20);
    expect(typeof first.json.next_cursor).toBe('string');
    const last = await call(`${UD}/users?integrated_account_id=acc_okta&next_cursor=${first.json.next_cursor}`);
    expect(last.json.result).toHaveLength(16);
    expect(last.json).toHaveProperty('next_cursor', null);
  });

  test('invalid cursor or limit is 400', async () => {
    expect((await call(`${UD}/users?integrated_account_id=acc_okta&next_cursor=garbage!`)).status).toBe(400);
    expect((await call(`${UD}/users?integrated_account_id=acc_okta&next_cursor=abc`)).status).toBe(400);
    expect((await call(`${UD}/users?integrated_account_id=acc_okta&limit=0`)).status).toBe(400);
    expect((await call(`${UD}/users?integrated_account_id=acc_okta&limit=ten`)).status).toBe(400);
  });

  test('truto_ignore_limit returns everything in one page', async () => {
    const res = await call(`${UD}/users?integrated_account_id=acc_okta&limit=5&truto_ignore_limit=true`);
    expect(res.json.result).toHaveLength(36);
    expect(res.json.next_cursor).toBeNull();
  });

  test('quirk: an empty first page with a cursor, then the data', async () => {
    mock.quirks.emptyPageWithCursor = true;
    const first = await call(`${UD}/groups?integrated_account_id=acc_okta`);
    expect(first.json.result).toEqual([]);
    expect(first.json.next_cursor).toBeTruthy();
    const { ids } = await walk(`${UD}/groups?integrated_account_id=acc_okta`, 4);
    expect(ids).toHaveLength(6);
  });

  test.each([
    ['missing', false, undefined],
    ['empty', true, ''],
    ['null', true, null],
  ] as const)('quirk: last page cursor %s', async (mode, present, value) => {
    mock.quirks.lastCursor = mode;
    const res = await call(`${UD}/groups?integrated_account_id=acc_okta`);
    expect(res.json.result).toHaveLength(6);
    expect(Object.prototype.hasOwnProperty.call(res.json, 'next_cursor')).toBe(present);
    if (present) expect(res.json.next_cursor).toBe(value);
    const { ids } = await walk(`${UD}/users?integrated_account_id=acc_okta`, 10);
    expect(ids).toHaveLength(36);
  });

  test('reset clears quirks', async () => {
    mock.quirks.lastCursor = 'missing';
    mock.reset();
    expect(mock.quirks).toEqual({});
  });

  test('filters: status counts, emails, names, group_id; unknown filters ignored', async () => {
    const count = async (f: string) =>
      (await call(`${UD}/users?integrated_account_id=acc_okta&truto_ignore_limit=true&${f}`)).json.result.length;
    expect(await count('status=active')).toBe(28);
    expect(await count('status=inactive')).toBe(4);
    expect(await count('status=invited')).toBe(2);
    expect(await count('status=deleted')).toBe(2);
    expect(await count('status[]=invited&status[]=deleted')).toBe(4);
    expect(await count('status[in]=invited,deleted')).toBe(4);
    expect(await count('emails=AVERY.CHEN@example.net')).toBe(1);
    expect(await count('first_name=Hannah&last_name=M%C3%BCller')).toBe(1);
    expect(await count('group_id=grp_admins')).toBe(3);
    expect(await count('made_up_filter=1')).toBe(36);
    const orgs = await call(`${UD}/organizations?integrated_account_id=acc_github&name=Acme%20Corporation`);
    expect(orgs.json.result.map((o: Json) => o.id)).toEqual(['acme-corp']);
  });

  test('seed shape: some users lack phone or title', async () => {
    const res = await call(`${UD}/users?integrated_account_id=acc_okta&truto_ignore_limit=true`);
    const users: Json[] = res.json.result;
    expect(users.filter((u) => u.phones.length === 0).length).toBeGreaterThan(0);
    expect(users.filter((u) => u.title === null).length).toBeGreaterThan(0);
    for (const u of users) expect(u.remote_data).toBeDefined();
  });

  test('truto_key_by keys the result by a field', async () => {
    const res = await call(`${UD}/groups?integrated_account_id=acc_okta&truto_key_by=id&truto_exclude_fields=id`);
    expect(Array.isArray(res.json.result)).toBe(false);
    expect(Object.keys(res.json.result)).toHaveLength(6);
    expect(res.json.result.grp_sales.name).toBe('Sales');
    expect(res.json.result.grp_sales).not.toHaveProperty('id');
  });

  test('truto_ignore_remote_data drops remote_data', async () => {
    const res = await call(`${UD}/users?integrated_account_id=acc_okta&truto_ignore_remote_data=true`);
    for (const u of res.json.result) expect(u).not.toHaveProperty('remote_data');
  });

  test('me is a list envelope with the connected user; me has no get', async () => {
    const me = await call(`${UD}/me?integrated_account_id=acc_okta`);
    expect(me.json.result).toHaveLength(1);
    expect(me.json.result[0].id).toBe('usr_okta_01');
    expect(me.json.next_cursor).toBeNull();
    expect((await call(`${UD}/me/usr_okta_01?integrated_account_id=acc_okta`)).status).toBe(404);
  });
});

describe('response formats', () => {
  const user = `${UD}/users/usr_okta_07?integrated_account_id=acc_okta`;

  test('raw gives the provider record; remote_query is echoed', async () => {
    const res = await call(`${user}&truto_response_format=raw&remote_query[expand]=groups`);
    expect(res.json.profile.firstName).toBe('Hannah');
    expect(res.json.status).toBe('SUSPENDED');
    expect(res.json.remote_query).toEqual({ expand: 'groups' });
    const list = await call(`${UD}/organizations?integrated_account_id=acc_github&truto_response_format=raw&limit=1`);
    expect(list.json.result[0].login).toBe('acme-corp');
  });

  test('unified echoes remote_query into remote_data', async () => {
    const res = await call(`${user}&remote_query[foo]=bar`);
    expect(res.json.remote_data.remote_query).toEqual({ foo: 'bar' });
    const plain = await call(user);
    expect(plain.json.remote_data).not.toHaveProperty('remote_query');
  });

  test('normalized drops null fields and says so in a header', async () => {
    const res = await call(`${user}&truto_response_format=normalized`);
    expect(res.headers.get('x-mock-response-format')).toBe('normalized');
    expect(res.json.id).toBe('usr_okta_07');
    expect(res.json).not.toHaveProperty('external_id');
    const unified = await call(user);
    expect(unified.json.external_id).toBeNull();
  });

  test('stream answers the record bytes as a download', async () => {
    const res = await call(`${UD}/organizations/org%2Fwith%2Fslash?integrated_account_id=acc_github&truto_response_format=stream`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="organizations-org_with_slash.json"');
    const body = JSON.parse(res.text);
    expect(body.id).toBe('org/with/slash');
    expect(body).not.toHaveProperty('result');
  });

  test('unknown format is 400', async () => {
    expect((await call(`${user}&truto_response_format=xml`)).status).toBe(400);
  });
});

describe('writes', () => {
  test('delete returns the object, a second delete is a remote 404', async () => {
    const path = `${UD}/organizations/org%2Fwith%2Fslash?integrated_account_id=acc_github`;
    const first = await call(path, { method: 'DELETE' });
    expect(first.status).toBe(200);
    expect(first.json.id).toBe('org/with/slash');
    const again = await call(path, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      truto_is_remote_error: true,
      raw_response: { message: 'Not Found' },
    });
    expect(typeof again.json.message).toBe('string');
    expect(again.json.truto_error_insight.remote_error.description).toEqual(expect.any(String));
    expect((await call(path)).status).toBe(404);
    const list = await call(`${UD}/organizations?integrated_account_id=acc_github`);
    expect(list.json.result.map((o: Json) => o.id)).not.toContain('org/with/slash');
  });

  test('juniper-mist deletes answer 204 with an empty body', async () => {
    const res = await call(`${UD}/organizations/mist_org_2?integrated_account_id=acc_mist`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const gone = await call(`${UD}/organizations/mist_org_2?integrated_account_id=acc_mist`);
    expect(gone.json.truto_is_remote_error).toBe(true);
  });

  test('okta has no organization delete: Truto 404, not remote', async () => {
    const res = await call(`${UD}/organizations/org_globex?integrated_account_id=acc_okta`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.json.truto_is_remote_error).toBeUndefined();
  });

  test('sandbox accounts answer 405 to writes', async () => {
    for (const [method, path] of [
      ['DELETE', `${UD}/organizations/sandbox-org-1`],
      ['POST', `${UD}/users`],
      ['PATCH', `${UD}/users/usr_gh_01`],
    ]) {
      const res = await call(`${path}?integrated_account_id=acc_sandbox`, { method, body: {} });
      expect(res.status).toBe(405);
      expect(res.json.error).toBe('Method Not Allowed');
      expect(res.json.message).toMatch(/sandbox/i);
    }
    expect((await call(`${UD}/organizations/sandbox-org-1?integrated_account_id=acc_sandbox`)).status).toBe(200);
  });

  test('create validates like the provider: 422 with missing_required_body_fields', async () => {
    const res = await call(`${UD}/users?integrated_account_id=acc_github`, { method: 'POST', body: { first_name: 'No' } });
    expect(res.status).toBe(422);
    expect(res.json.truto_is_remote_error).toBe(true);
    expect(res.json.truto_error_insight.missing_required_body_fields.value).toEqual(['emails']);
    const bad = await call(`${UD}/users?integrated_account_id=acc_github`, { method: 'POST', body: { emails: [{ email: 'nope' }] } });
    expect(bad.status).toBe(422);
    expect(bad.json.message).toBe('Email is invalid');
  });

  test('create, get, update and remote_data passthrough', async () => {
    const created = await call(`${UD}/users?integrated_account_id=acc_okta`, {
      method: 'POST',
      body: { first_name: 'Rosa', last_name: 'Parks', emails: [{ email: 'rosa@globex.com' }], groups: ['grp_sales'], remote_data: { profile_extra: 1 } },
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect(created.json).toMatchObject({ name: 'Rosa Parks', groups: [{ id: 'grp_sales', name: 'Sales' }] });
    expect(created.json.remote_data.profile_extra).toBe(1);
    const updated = await call(`${UD}/users/${id}?integrated_account_id=acc_okta`, { method: 'PATCH', body: { title: 'Activist' } });
    expect(updated.json.title).toBe('Activist');
    expect(updated.json.remote_data.profile.title).toBe('Activist');
    const got = await call(`${UD}/users/${id}?integrated_account_id=acc_okta`);
    expect(got.json.title).toBe('Activist');
    const count = await call(`${UD}/users?integrated_account_id=acc_okta&truto_ignore_limit=true`);
    expect(count.json.result).toHaveLength(37);
    mock.reset();
    expect((await call(`${UD}/users/${id}?integrated_account_id=acc_okta`)).status).toBe(404);
  });

  test('mist organization update renames from remote_data', async () => {
    const res = await call(`${UD}/organizations/mist_org_1?integrated_account_id=acc_mist`, {
      method: 'PATCH',
      body: { remote_data: { name: 'Acme HQ Wi-Fi' } },
    });
    expect(res.status).toBe(200);
    expect(res.json.name).toBe('Acme HQ Wi-Fi');
    expect(res.json.remote_data.name).toBe('Acme HQ Wi-Fi');
  });

  test('custom methods answer {result}', async () => {
    const ua = await call(`${UD}/users/unassign-role?integrated_account_id=acc_okta`, {
      method: 'POST',
      body: { user_id: 'usr_okta_01', role_id: 'rol_super_admin' },
    });
    expect(ua.status).toBe(200);
    expect(ua.json.result.id).toBe('usr_okta_01');
    expect(ua.json.result.roles).toEqual([]);
    const ru = await call(`${UD}/groups/remove-user?integrated_account_id=acc_okta`, {
      method: 'POST',
      body: { group_id: 'grp_admins', user_id: 'usr_okta_02' },
    });
    expect(ru.json.result.id).toBe('grp_admins');
    const members = await call(`${UD}/users?integrated_account_id=acc_okta&group_id=grp_admins`);
    expect(members.json.result.map((u: Json) => u.id)).toEqual(['usr_okta_01', 'usr_okta_11']);
    const missing = await call(`${UD}/groups/remove-user?integrated_account_id=acc_okta`, { method: 'POST', body: {} });
    expect(missing.status).toBe(422);
  });

  test('invalid JSON body is a 400', async () => {
    const res = await fetch(`${mock.url}${UD}/groups?integrated_account_id=acc_okta`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(mock.requests[0].body).toBe('{not json');
  });
});

describe('capabilities agree with routes', () => {
  const MISSING = '__missing__';

  async function probe(acc: string, resource: string, method: string): Promise<Answer> {
    const q = `?integrated_account_id=${acc}`;
    const base = `${UD}/${resource}`;
    if (CUSTOM_METHODS.has(method)) return call(`${base}/${method}${q}`, { method: 'POST', body: {} });
    switch (method) {
      case 'list':
        return call(base + q);
      case 'get':
        return call(`${base}/${MISSING}${q}`);
      case 'create':
        return call(base + q, { method: 'POST', body: {} });
      case 'update':
        return call(`${base}/${MISSING}${q}`, { method: 'PATCH', body: {} });
      default:
        return call(`${base}/${MISSING}${q}`, { method: 'DELETE' });
    }
  }

  test.each(ACCOUNTS.map((a) => a.id))('%s', async (acc) => {
    const caps = await call(`/integrated-account/${acc}/capabilities?type=unified`);
    expect(caps.status).toBe(200);
    expect(caps.json.account.id).toBe(acc);
    const listed = new Map<string, string[]>(caps.json.unified.map((e: Json) => [e.resource, e.methods]));
    for (const e of caps.json.unified) {
      expect(e).toMatchObject({ model: 'user-directory', model_label: 'User Directory', env_overridden: false });
    }
    const sandbox = ACCOUNTS.find((a) => a.id === acc)!.is_sandbox;
    for (const resource of RESOURCES) {
      for (const method of RESOURCE_METHODS[resource]) {
        const res = await probe(acc, resource, method);
        const supported = listed.get(resource)?.includes(method) ?? false;
        if (supported) {
          // Supported: 200, or the provider's own 404/422 for the placeholder id/body.
          expect([200, 404, 422]).toContain(res.status);
          if (res.status !== 200) expect(res.json.truto_is_remote_error).toBe(true);
        } else if (sandbox && method !== 'list' && method !== 'get') {
          expect(res.status).toBe(405);
        } else {
          expect(res.status).toBe(404);
          expect(res.json.truto_is_remote_error).toBeUndefined();
        }
      }
    }
  });

  test('filters: resource, methods, type', async () => {
    const byRes = await call('/integrated-account/acc_okta/capabilities?type=unified&resource=users');
    expect(byRes.json.unified.map((e: Json) => e.resource)).toEqual(['users']);
    const byMethod = await call('/integrated-account/acc_github/capabilities?methods=delete');
    expect(byMethod.json.unified.map((e: Json) => e.resource)).toEqual(['users', 'groups', 'organizations']);
    const proxy = await call('/integrated-account/acc_github/capabilities?type=proxy');
    expect(proxy.json.unified).toEqual([]);
    expect((await call('/integrated-account/acc_nope/capabilities')).status).toBe(404);
  });
});

describe('rate limiting', () => {
  test('429 with Retry-After and ratelimit headers, then the window resets', async () => {
    mock.setRateLimit({ perAccount: 2, perToken: 100, windowMs: 200 });
    const path = `${UD}/groups?integrated_account_id=acc_okta`;
    const ok1 = await call(path);
    expect(ok1.status).toBe(200);
    expect(ok1.headers.get('ratelimit-limit')).toBe('2;w=0.2');
    expect(ok1.headers.get('ratelimit-remaining')).toBe('1');
    const ok2 = await call(path);
    expect(ok2.headers.get('ratelimit-remaining')).toBe('0');
    const limited = await call(path);
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('ratelimit-limit')).toBe('2;w=0.2');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('ratelimit-reset'));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(0.2);
    // another account is counted separately
    expect((await call(`${UD}/groups?integrated_account_id=acc_github`)).status).toBe(200);
    await sleep(220);
    expect((await call(path)).status).toBe(200);
  });

  test('admin routes count against the token only', async () => {
    mock.setRateLimit({ perAccount: 100, perToken: 2, windowMs: 200 });
    expect((await call('/integrated-account')).status).toBe(200);
    expect((await call(`${UD}/groups?integrated_account_id=acc_okta`)).status).toBe(200);
    const limited = await call('/environment');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit-limit')).toBe('2;w=0.2');
  });

  test('whole-second windows use integer seconds', async () => {
    mock.setRateLimit({ perAccount: 1, perToken: 10, windowMs: 10_000 });
    await call(`${UD}/groups?integrated_account_id=acc_okta`);
    const limited = await call(`${UD}/groups?integrated_account_id=acc_okta`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(limited.headers.get('ratelimit-reset')).toBe('10');
    expect(limited.headers.get('ratelimit-limit')).toBe('1;w=10');
  });

  test('off by default: no ratelimit headers', async () => {
    const res = await call(`${UD}/groups?integrated_account_id=acc_okta`);
    expect(res.headers.get('ratelimit-limit')).toBeNull();
  });
});

describe('faults', () => {
  test('status faults use the Truto body, match, count down, then stop', async () => {
    mock.inject({ match: { accountId: 'acc_okta', method: 'GET' }, status: 503, times: 2 });
    const other = await call(`${UD}/groups?integrated_account_id=acc_github`);
    expect(other.status).toBe(200);
    const a = await call(`${UD}/groups?integrated_account_id=acc_okta`);
    expect(a.status).toBe(503);
    expect(a.json).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.any(String) });
    expect((await call(`${UD}/groups?integrated_account_id=acc_okta`)).status).toBe(503);
    expect((await call(`${UD}/groups?integrated_account_id=acc_okta`)).status).toBe(200);
  });

  test('faults apply in order', async () => {
    mock.inject({ status: 502 });
    mock.inject({ status: 500 });
    expect((await call('/environment')).status).toBe(502);
    expect((await call('/environment')).status).toBe(500);
    expect((await call('/environment')).status).toBe(200);
  });

  test('429 faults send Retry-After: 1 unless overridden; remote faults add remote fields', async () => {
    mock.inject({ status: 429 });
    mock.inject({ status: 429, headers: { 'Retry-After': '3' }, remote: true, match: { pathIncludes: '/users' } });
    const a = await call('/environment');
    expect(a.headers.get('retry-after')).toBe('1');
    expect(a.json.error).toBe('Too Many Requests');
    const b = await call(`${UD}/users?integrated_account_id=acc_okta`);
    expect(b.headers.get('retry-after')).toBe('3');
    expect(b.json.truto_is_remote_error).toBe(true);
    expect(b.json.raw_response).toBeDefined();
    expect(b.json.truto_error_insight.remote_error).toBeDefined();
  });

  test('custom body is sent as given', async () => {
    mock.inject({ status: 409, body: { anything: true } });
    const res = await call('/environment');
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ anything: true });
  });

  test('reset destroys the connection', async () => {
    mock.inject({ reset: true, match: { pathIncludes: 'org/with/slash' } });
    await expect(call(`${UD}/organizations/org%2Fwith%2Fslash?integrated_account_id=acc_github`)).rejects.toThrow();
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0].status).toBeUndefined();
    expect(mock.stats().byStatus.reset).toBe(1);
    expect((await call(`${UD}/organizations/org%2Fwith%2Fslash?integrated_account_id=acc_github`)).status).toBe(200);
  });

  test('delay answers normally but late; latency applies to all', async () => {
    mock.inject({ delayMs: 150 });
    let t = Date.now();
    expect((await call('/environment')).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    mock.setLatency(60);
    t = Date.now();
    await call('/environment');
    expect(Date.now() - t).toBeGreaterThanOrEqual(55);
  });

  test('faults fire before auth and are recorded', async () => {
    mock.inject({ status: 500 });
    const res = await call('/environment', { token: null });
    expect(res.status).toBe(500);
    expect(mock.requests[0].status).toBe(500);
  });
});

describe('bulk account', () => {
  let big: MockTruto;
  beforeAll(async () => {
    big = await startMockTruto({ seed: { users: 2000, organizations: 3000 }, pageSize: 50, token: 'bench-token' });
  });
  afterAll(() => big.close());

  async function get(path: string): Promise<Json> {
    const res = await fetch(big.url + path, { headers: { authorization: 'Bearer bench-token' } });
    expect(res.status).toBe(200);
    return res.json();
  }

  test('cursor walk with a deleted record in the middle', async () => {
    const del = await fetch(`${big.url}${UD}/users/bulk_user_000100?integrated_account_id=acc_bulk`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer bench-token' },
    });
    expect(del.status).toBe(200);
    const ids = new Set<string>();
    let cursor = '';
    do {
      const page = await get(`${UD}/users?integrated_account_id=acc_bulk&limit=500&next_cursor=${cursor}`);
      for (const u of page.result) ids.add(u.id);
      cursor = page.next_cursor;
    } while (cursor);
    expect(ids.size).toBe(1999);
    expect(ids.has('bulk_user_000100')).toBe(false);
    expect(ids.has("bulk_user_001999")).toBe(true);
  });

  test('default page size option, get by id, organizations count', async () => {
    const page = await get(`${UD}/organizations?integrated_account_id=acc_bulk`);
    expect(page.result).toHaveLength(50);
    const one = await get(`${UD}/users/bulk_user_001999?integrated_account_id=acc_bulk`);
    expect(one.remote_data).toBeDefined();
    const all = await get(`${UD}/organizations?integrated_account_id=acc_bulk&truto_ignore_limit=true&truto_ignore_remote_data=true`);
    expect(all.result).toHaveLength(3000);
    const capped = await get(`${UD}/organizations?integrated_account_id=acc_bulk&limit=5000`);
    expect(capped.result).toHaveLength(1000);
  });
});
