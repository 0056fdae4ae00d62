/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// npm run queue: n8n in queue mode on this machine, to try the package as a team
// running workers would. Redis and PostgreSQL (installed when missing, see
// scripts/setup-queue.sh), an n8n main and workers, each with the package
// installed; the example examples/delete-organizations-webhook.json imported and
// active against the project's mock Truto (rate limits on). Ctrl-C stops all.
//
// Settings: QUEUE_WORKERS (default 2), QUEUE_CONCURRENCY (jobs per worker, default 10),
// N8N_VERSION (default: scripts/versions.json), TRUTO_DEMO_SKIP_BUILD=1 packs the existing dist/.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startMockTruto } from '../test/mock';
import { DEFAULT_N8N_VERSION, makeTempDir, packPackage, setupN8n } from './lib/n8n';
import { startQueueN8n, webhookDeleteWorkflow } from './lib/queue';
import { OWNER, RestClient } from './lib/server';

const PATH = 'truto-delete-organizations';

async function main() {
  const n8n = setupN8n(process.env.N8N_VERSION || DEFAULT_N8N_VERSION);
  const dir = makeTempDir('n8n-nodes-truto-queue');
  const tarball = packPackage(join(dir, 'pack'), { build: process.env.TRUTO_DEMO_SKIP_BUILD !== '1' });
  const mock = await startMockTruto({ latencyMs: 20, rateLimit: { perAccount: 50, perToken: 500, windowMs: 10_000 }, seed: { organizations: 10_000 } });
  const queue = await startQueueN8n(n8n, {
    dir,
    tarball,
    credentials: [{ id: 'trutoCredential', name: 'Truto API (mock)', type: 'trutoApi', data: { apiToken: mock.token, baseUrl: mock.url } }],
    workflows: [webhookDeleteWorkflow({ id: 'trutoWebhookDelete', path: PATH, account: 'acc_bulk', credentialId: 'trutoCredential' })],
    workers: Number(process.env.QUEUE_WORKERS || 2),
    concurrency: Number(process.env.QUEUE_CONCURRENCY || 10),
  });
  const rest = new RestClient(queue.url);
  await rest.loginAsOwner();
  await rest.activate('trutoWebhookDelete');

  const stop = async () => {
    process.stdout.write('\nstopping n8n, Redis and PostgreSQL…\n');
    await queue.stop();
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const ids = Array.from({ length: 3 }, (_, i) => ({ id: `bulk_org_${String(i).padStart(6, '0')}` }));
  process.stdout.write(
    [
      '',
      `n8n ${n8n.version} in queue mode: main ${queue.url}, ${queue.workers.length} workers; ${queue.services.versions}`,
      `editor: ${queue.url} (${OWNER.email} / ${OWNER.password})`,
      `mock Truto: ${mock.url} (50 requests per 10 s per account, 500 per token; organizations bulk_org_000000…009999 on acc_bulk)`,
      'Each POST starts one execution, queued and run by a worker:',
      `  curl -X POST ${queue.url}/webhook/${PATH} -H 'content-type: application/json' -d '${JSON.stringify({ ids })}'`,
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
