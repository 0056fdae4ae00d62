/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The package in the real n8n editor, as a user meets it: log in, find the node in
// the node creator, add "Delete an organization", pick the account from the pick list,
// fill the organization, run the step, read the output. Headless Chromium (Debian's
// package) driven by playwright-core; n8n and the mock Truto on loopback.
//
// Selectors are n8n's data-test-id attributes (read from the n8n 2.41 editor); texts
// that belong to the node (its name, the action, options, modes) are read from the
// node type n8n serves, so that a change of wording does not break the steps.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { selectors, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_N8N_VERSION, makeTempDir } from '../../scripts/lib/n8n';
import { OWNER, type N8nServer, type RestClient } from '../../scripts/lib/server';
import { startMockTruto, type MockTruto } from '../mock';
import { fetchFromMock, prepareN8n, serveN8n, type Prepared } from '../e2e/support';
import {
  PACKAGE_ASSETS,
  PageWatch,
  Screenshots,
  browserVersions,
  imageLoaded,
  launchChromium,
  waitUntil,
} from './support';

const NODE_TYPE = 'n8n-nodes-truto.trutoUserDirectory';
const CREDENTIAL_NAME = 'Truto (mock)'; // the good credential of test/e2e/support.ts
const ACCOUNT = 'acc_github';
const ORGANIZATION = 'acme-corp';
const ORGANIZATION_PATH = `/unified/user-directory/organizations/${ORGANIZATION}`;

interface Option {
  name: string;
  value: string;
  action?: string;
}
interface Property {
  name: string;
  displayName: string;
  options?: Option[];
  modes?: { name: string; displayName: string }[];
  displayOptions?: { show?: Record<string, unknown[]> };
}
interface NodeType {
  name: string;
  displayName: string;
  properties: Property[];
}

/** The words the editor shows for this node, as n8n serves its type. */
function nodeTexts(type: NodeType) {
  const shownFor = (p: Property, key: string, value: string) =>
    (p.displayOptions?.show?.[key] ?? []).includes(value);
  const resource = type.properties
    .find((p) => p.name === 'resource')
    ?.options?.find((o) => o.value === 'organization');
  // The last matching "operation" property is the one of the newest node version.
  const operation = type.properties
    .filter((p) => p.name === 'operation' && shownFor(p, 'resource', 'organization'))
    .pop()
    ?.options?.find((o) => o.value === 'delete');
  const byId = type.properties
    .find((p) => p.name === 'id' && shownFor(p, 'resource', 'organization'))
    ?.modes?.find((m) => m.name === 'id');
  if (!resource || !operation?.action || !byId) {
    throw new Error(`n8n serves ${type.name} without Organization → Delete and an organization ID mode`);
  }
  return {
    node: type.displayName,
    resource: resource.name,
    operation: operation.name,
    action: operation.action,
    byId: byId.displayName,
  };
}

describe.each(browserVersions())('n8n %s editor: Truto User Directory in a browser', (version) => {
  let mock: MockTruto;
  let env: Prepared;
  let server: N8nServer;
  let rest: RestClient;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let texts: ReturnType<typeof nodeTexts>;
  let accountName: string;
  const watch = new PageWatch();
  const shots = new Screenshots(
    `browser-${version}`,
    process.env.TRUTO_UPDATE_SCREENSHOTS === '1' && version === DEFAULT_N8N_VERSION,
  );

  // Steps run in order on one page; after a failed step the later ones say so instead of timing out.
  let failedStep: string | undefined;
  const step = (name: string, fn: () => Promise<void>) =>
    test(name, async () => {
      if (failedStep) throw new Error(`not run: the step "${failedStep}" failed`);
      let done = false;
      try {
        await fn();
        done = true;
      } finally {
        if (!done) {
          failedStep = name;
          // What the page showed when the step failed, beside the run's other screenshots.
          await page
            ?.screenshot({ path: join(shots.dir, `failed-step-${shots.taken.length + 1}.png`) })
            .catch(() => undefined);
        }
      }
    });

  const locator = (testId: string) => page.getByTestId(testId);

  beforeAll(async () => {
    selectors.setTestIdAttribute('data-test-id');
    mock = await startMockTruto();
    env = await prepareN8n(version, mock, 'browser');
    ({ server, rest } = await serveN8n(env)); // sets up the owner account the browser logs in with

    const types = (await rest.call<NodeType[]>('GET', '/types/nodes.json')).body;
    const type = types.find((t) => t.name === NODE_TYPE);
    if (!type) throw new Error(`n8n ${version} did not load ${NODE_TYPE}`);
    texts = nodeTexts(type);

    profile = makeTempDir('n8n-nodes-truto-chromium');
    context = await launchChromium(profile);
    await watch.attach(context);
    page = context.pages()[0] ?? (await context.newPage());
    process.stdout.write(
      `n8n ${version} at ${server.url}; Chromium ${context.browser()?.version() ?? ''}; screenshots in ${shots.dir}\n`,
    );
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await mock?.close();
    env?.cleanup();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  step('the owner logs in on the sign-in page', async () => {
    await page.goto(`${server.url}/signin`);
    await locator('emailOrLdapLoginId').locator('input').fill(OWNER.email);
    await locator('password').locator('input').fill(OWNER.password);
    await locator('form-submit-button').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  });

  step('the node creator of a new workflow finds the node by searching "Truto", with its icon', async () => {
    await page.goto(`${server.url}/workflow/new`);
    await locator('canvas-add-button').click();
    await locator('node-creator-search-bar').fill('Truto');
    const item = locator('node-creator')
      .getByTestId('item-iterator-item')
      .filter({ has: page.getByTestId('node-creator-item-name').getByText(texts.node, { exact: true }) });
    await item.waitFor();
    // The item holds the icon twice (the second for dragging): the first is the one shown.
    const icon = item.locator(`img[src*="${PACKAGE_ASSETS}"]`).first();
    await waitUntil('the node icon to load', () => imageLoaded(icon));
    await shots.take(page, 'node-creator.png');

    await item.click();
    const action = locator('node-creator')
      .getByTestId('item-iterator-item')
      .filter({ has: page.getByTestId('node-creator-item-name').getByText(texts.action, { exact: true }) });
    await action.scrollIntoViewIfNeeded();
    await waitUntil('the action icon to load', () => imageLoaded(action.locator('img').first()));
    await shots.take(page, 'node-creator-actions.png');
  });

  step('picking "Delete an organization" adds the node on Organization → Delete and opens it', async () => {
    await locator('node-creator')
      .getByTestId('item-iterator-item')
      .filter({ has: page.getByTestId('node-creator-item-name').getByText(texts.action, { exact: true }) })
      .click();
    await locator('ndv').waitFor();
    expect(await locator('parameter-input-resource').locator('input').inputValue()).toBe(texts.resource);
    expect(await locator('parameter-input-operation').locator('input').inputValue()).toBe(texts.operation);

    // Two credentials exist (test/e2e/support.ts): choose the one that works.
    await locator('node-credentials-select').click();
    // An option reads "<name> <credential type>".
    const escaped = CREDENTIAL_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await page.getByRole('option', { name: new RegExp(`^${escaped}(\\s|$)`) }).click();
    await waitUntil(
      'the credential to be selected',
      async () =>
        (await locator('node-credentials-select').locator('input').inputValue()) === CREDENTIAL_NAME,
    );
  });

  step('the Integrated Account pick list shows the accounts Truto (the mock) lists', async () => {
    mock.clearRequests();
    const listed = page.waitForResponse(
      (r) => r.url().includes('/rest/dynamic-node-parameters/resource-locator-results') && r.ok(),
    );
    await locator('resource-locator-integratedAccountId').getByTestId('rlc-input').click();
    type Results = { data: { results: { name: string; value: string }[] } };
    const { results } = ((await (await listed).json()) as Results).data;

    const accounts = (await fetchFromMock(mock, '/integrated-account', { limit: '100' })) as {
      result: { id: string }[];
    };
    expect(results.map((r) => r.value).sort()).toEqual(accounts.result.map((a) => a.id).sort());
    const github = results.find((r) => r.value === ACCOUNT);
    expect(github).toBeDefined();
    accountName = github!.name;

    const items = page.locator('[data-test-id="rlc-item"]:visible');
    await waitUntil('the pick list items', async () => (await items.count()) === results.length);
    expect(await items.allInnerTexts()).toEqual(results.map((r) => r.name));
    // The editor asked through n8n, and the node asked the mock.
    expect(mock.requests.some((r) => r.method === 'GET' && r.path === '/integrated-account')).toBe(true);
    await shots.take(page, 'account-pick-list.png');

    await items.filter({ hasText: accountName }).first().click();
    await waitUntil(
      'the account to be picked',
      async () =>
        (await locator('resource-locator-integratedAccountId').getByTestId('rlc-input').inputValue()) ===
        accountName,
    );
  });

  step('Execute step deletes the organization: the mock receives the DELETE and the output panel shows it', async () => {
    const organization = locator('resource-locator-id');
    await organization.getByTestId('rlc-mode-selector').click();
    await page.getByRole('option', { name: texts.byId, exact: true }).click();
    await organization.getByTestId('rlc-input').fill(ORGANIZATION);
    await page.mouse.move(1, 1); // no hover effects in the screenshot
    await shots.take(page, 'delete-organization-parameters.png');

    const before = await fetchFromMock(mock, ORGANIZATION_PATH, { integrated_account_id: ACCOUNT });
    expect(before.id).toBe(ORGANIZATION);
    const name = before.name as string;
    mock.clearRequests();

    await locator('node-execute-button').click();
    const output = locator('output-panel').getByTestId('ndv-data-container');
    await output.getByText(name, { exact: true }).first().waitFor();
    await expect(output.getByText(ORGANIZATION, { exact: true }).first().isVisible()).resolves.toBe(true);

    const deletes = mock.requests.filter((r) => r.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0].path).toBe(ORGANIZATION_PATH);
    expect(deletes[0].query).toEqual({ integrated_account_id: ACCOUNT });
    expect(deletes[0].headers.authorization).toBe(`Bearer ${mock.token}`);
    expect(deletes[0].status).toBe(200);
    // It is gone from the mock.
    await expect(fetchFromMock(mock, ORGANIZATION_PATH, { integrated_account_id: ACCOUNT })).rejects.toThrow(
      /404/,
    );
    await shots.take(page, 'output.png');
  });

  step('the canvas shows the manual trigger and the node, both run', async () => {
    // n8n 2.x closes the node view with an "x"; 1.x with "Back to canvas".
    await page
      .locator('[data-test-id="ndv-close-button"]:visible, [data-test-id="back-to-canvas"]:visible')
      .first()
      .click();
    await locator('ndv').waitFor({ state: 'hidden' });
    const nodes = locator('canvas-node');
    await waitUntil('two nodes on the canvas', async () => (await nodes.count()) === 2);
    await expect(nodes.filter({ hasText: texts.action }).count()).resolves.toBe(1);
    await shots.take(page, 'canvas.png');
  });

  // Runs even after a failed step: what the browser saw may explain it.
  test('no console error, page error or failed load comes from the package', async () => {
    process.stdout.write(
      [
        `n8n ${version}: screenshots ${shots.taken.join(', ')} in ${shots.dir}`,
        `package files loaded: ${[...watch.assetLoads.keys()].map((u) => new URL(u).pathname).join(', ')}`,
        `ignored, not from the package (${watch.noise.length}):`,
        ...PageWatch.lines(watch.noise).map((l) => `  ${l}`),
        '',
      ].join('\n'),
    );
    expect(PageWatch.lines(watch.problems)).toEqual([]);
    // The check above saw the package's files: the node icon was served.
    expect([...watch.assetLoads.keys()].some((u) => u.endsWith('/TrutoUserDirectory/truto.svg'))).toBe(true);
  });
});
