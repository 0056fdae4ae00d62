/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Starts the mock and prints {"url","token"} as one JSON line.
// Usage: tsx test/mock/cli.ts [--port N] [--latency MS] [--rate perAccount,perToken,windowMs]
//        [--users N] [--organizations N] [--page-size N]
import { startMockTruto } from './index';
import type { MockOptions } from './types';

function parseArgs(argv: string[]): MockOptions {
  const opts: MockOptions = {};
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const v = argv[i + 1];
    switch (flag) {
      case '--port':
        opts.port = num(flag, v);
        break;
      case '--latency':
        opts.latencyMs = num(flag, v);
        break;
      case '--rate': {
        const [perAccount, perToken, windowMs] = (v ?? '').split(',').map((x) => num(flag, x));
        opts.rateLimit = { perAccount, perToken, windowMs };
        break;
      }
      case '--users':
        opts.seed = { ...opts.seed, users: num(flag, v) };
        break;
      case '--organizations':
        opts.seed = { ...opts.seed, organizations: num(flag, v) };
        break;
      case '--page-size':
        opts.pageSize = num(flag, v);
        break;
      default:
        throw new Error(`Unknown option ${flag}`);
    }
    i++;
  }
  return opts;
}

async function main(): Promise<void> {
  const mock = await startMockTruto(parseArgs(process.argv.slice(2)));
  process.stdout.write(JSON.stringify({ url: mock.url, token: mock.token }) + '\n');
  const stop = () => {
    void mock.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
