/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// npm run demo: the example workflow (a list of organization ids -> Truto User
// Directory: Delete Organization) executed in a real n8n, with the package
// built, packed and installed as a community package.
//
// By default it runs against the project's mock Truto on 127.0.0.1 (no Truto
// account needed). With TRUTO_API_TOKEN set it runs against the real Truto:
//   TRUTO_API_TOKEN          API token (never printed)
//   TRUTO_BASE_URL           default https://api.truto.one
//   TRUTO_INTEGRATED_ACCOUNT_ID, TRUTO_ORGANIZATION_IDS (comma-separated):
//                            what to delete; required, as the deletes are real
// Other settings: N8N_VERSION (default: scripts/versions.json), TRUTO_DEMO_KEEP=1 keeps the
// n8n user folder, TRUTO_DEMO_SKIP_BUILD=1 packs the existing dist/.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startMockTruto, type MockTruto } from '../test/mock';
import {
  DEFAULT_N8N_VERSION,
  ROOT,
  importWorkflows,
  makeTempDir,
  packPackage,
  prepareUserFolder,
  setupN8n,
} from './lib/n8n';
import { executeOne, nodeItems, type Item } from './lib/run';

const WORKFLOW_FILE = join(ROOT, 'examples', 'delete-organizations.json');
const WORKFLOW_ID = 'trutoDemoDelete1';
const TRUTO_NODE = 'Delete organization';
const INPUT_NODE = 'Organizations to delete';

interface Target {
  label: string;
  baseUrl: string;
  token: string;
  accountId?: string;
  organizationIds?: string[];
}

let secrets: string[] = [];
const redact = (text: string) => secrets.reduce((t, s) => (s ? t.split(s).join('***') : t), text);
const say = (text = '') => process.stdout.write(redact(text) + '\n');
const step = (text: string) => process.stderr.write(redact(`» ${text}`) + '\n');

function realTruto(): Target | undefined {
  const token = process.env.TRUTO_API_TOKEN;
  if (!token) return undefined;
  const accountId = process.env.TRUTO_INTEGRATED_ACCOUNT_ID;
  const organizationIds = (process.env.TRUTO_ORGANIZATION_IDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!accountId || organizationIds.length === 0) {
    throw new Error(
      'TRUTO_API_TOKEN is set, so the demo would delete real organizations in Truto. ' +
        'Say which: TRUTO_INTEGRATED_ACCOUNT_ID=<account> TRUTO_ORGANIZATION_IDS=<id>,<id> (or unset TRUTO_API_TOKEN to use the mock).',
    );
  }
  const baseUrl = process.env.TRUTO_BASE_URL || 'https://api.truto.one';
  return { label: `Truto at ${baseUrl}`, baseUrl, token, accountId, organizationIds };
}

/** The example workflow, with the account and ids to delete put in when given. */
function demoWorkflow(target: Target) {
  const wf = JSON.parse(readFileSync(WORKFLOW_FILE, 'utf8'));
  wf.id = WORKFLOW_ID;
  if (target.accountId) {
    const input = wf.nodes.find((n: { name: string }) => n.name === INPUT_NODE);
    input.parameters.jsonOutput = JSON.stringify(
      { integratedAccountId: target.accountId, organizationIds: target.organizationIds },
      null,
      2,
    );
  }
  return wf;
}

function describeItem(item: Item, index: number) {
  const { json } = item;
  if (typeof json.error === 'string') return `${index + 1}. failed: ${json.error}`;
  const name = typeof json.name === 'string' ? `  "${json.name}"` : '';
  const note = json.deleted === true ? '  (no content returned; deleted)' : '';
  return `${index + 1}. ${json.id ?? '(no id)'}${name}${note}`;
}

async function main() {
  const version = process.env.N8N_VERSION || DEFAULT_N8N_VERSION;
  let mock: MockTruto | undefined;
  let target = realTruto();
  const work = makeTempDir('n8n-nodes-truto-demo');
  const cleanup = async () => {
    await mock?.close();
    if (!process.env.TRUTO_DEMO_KEEP) rmSync(work, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    if (!target) {
      mock = await startMockTruto({ port: 0 });
      target = { label: `the mock Truto at ${mock.url}`, baseUrl: mock.url, token: mock.token };
    }
    secrets = [target.token];

    step(`n8n ${version}`);
    const n8n = setupN8n(version);
    step(process.env.TRUTO_DEMO_SKIP_BUILD === '1' ? 'packing dist/' : 'building and packing the package');
    const tarball = packPackage(join(work, 'pack'), { build: process.env.TRUTO_DEMO_SKIP_BUILD !== '1' });
    step('installing it as a community package and importing the demo credential');
    const userFolder = join(work, 'n8n');
    const installed = await prepareUserFolder(n8n, userFolder, tarball, [
      {
        id: 'trutoDemoCredential',
        name: 'Truto account',
        type: 'trutoApi',
        data: { apiToken: target.token, baseUrl: target.baseUrl },
      },
    ]);
    step(
      `installed ${installed.packageName}@${installed.installedVersion}: ${installed.nodes.map((n) => n.type).join(', ')}`,
    );
    const workflow = demoWorkflow(target);
    await importWorkflows(n8n, userFolder, [workflow]);
    step(`executing "${workflow.name}" against ${target.label}`);
    const { run, cli } = await executeOne(n8n, userFolder, WORKFLOW_ID);

    const input = (nodeItems(run, INPUT_NODE)[0]?.json ?? {}) as {
      integratedAccountId?: string;
      organizationIds?: string[];
    };
    const items = nodeItems(run, TRUTO_NODE);
    const error = run?.data.resultData.error;
    say();
    say(`n8n ${version} ran "${workflow.name}" against ${target.label}`);
    say(`Integrated account: ${input.integratedAccountId ?? '?'}`);
    say(`Organizations to delete: ${(input.organizationIds ?? []).join(', ')}`);
    say();
    if (error || !run) {
      say('The run failed.');
      if (error)
        say(
          `${error.node?.name ?? 'n8n'}: ${error.message}${error.description ? `\n${error.description}` : ''}`,
        );
      else say(cli.stdout + cli.stderr);
      process.exitCode = 1;
    } else {
      say(
        `Deleted organizations (${items.length} item${items.length === 1 ? '' : 's'} from "${TRUTO_NODE}"):`,
      );
      items.forEach((item, i) => say(`  ${describeItem(item, i)}`));
      say();
      say('Items as n8n returned them:');
      say(
        JSON.stringify(
          items.map((i) => i.json),
          null,
          2,
        ),
      );
    }
    if (mock) {
      say();
      say('Requests the mock Truto received:');
      for (const r of mock.requests) say(`  ${r.method} ${r.rawUrl} -> ${r.status}`);
    }
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  process.stderr.write(
    redact(`demo failed: ${error instanceof Error ? error.message : String(error)}`) + '\n',
  );
  process.exit(1);
});
