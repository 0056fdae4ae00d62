/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// A running n8n (`n8n start`) on loopback, and its REST API as the editor uses it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, n8nBin, n8nEnv, type N8nInstall } from './n8n';

export interface N8nServer {
  url: string;
  process: ChildProcess;
  /** everything n8n printed so far */
  output(): string;
  stop(): Promise<void>;
}

export async function startN8nServer(
  n8n: N8nInstall,
  userFolder: string,
  opts: { port?: number; env?: Record<string, string>; echo?: boolean; timeoutMs?: number } = {},
): Promise<N8nServer> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env = n8nEnv(n8n, userFolder, {
    N8N_PORT: String(port),
    N8N_EDITOR_BASE_URL: url,
    WEBHOOK_URL: `${url}/`,
    N8N_RUNNERS_BROKER_PORT: String(await freePort()),
    N8N_LOG_LEVEL: 'info',
    ...opts.env,
  });
  const child = spawn(join(n8n.nodeBin, 'node'), [n8nBin(n8n), 'start'], {
    env,
    cwd: userFolder,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (d: Buffer) => {
    output += d;
    if (opts.echo) process.stderr.write(d);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((done) => child.on('close', () => done()));

  const server: N8nServer = {
    url,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`n8n start exited ${child.exitCode}\n${output}`);
    try {
      // /healthz/readiness answers before n8n 1.x has mounted its REST API: wait for both.
      const ready = await fetch(`${url}/healthz/readiness`);
      if (ready.ok && (await fetch(`${url}/rest/settings`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await server.stop();
  throw new Error(`n8n did not become ready in time\n${output}`);
}

export const OWNER = {
  email: 'owner@example.com',
  firstName: 'Local',
  lastName: 'Owner',
  password: 'Local-Owner-123',
};

const BROWSER_ID = 'n8n-nodes-truto-local';

/** A REST client for a running n8n, logged in as the instance owner. */
export class RestClient {
  private cookie = '';

  constructor(readonly url: string) {}

  /** A call to the REST API (`/rest` + path). */
  async request<T = unknown>(method: string, path: string, body?: unknown) {
    return await this.call<T>(method, `/rest${path}`, body);
  }

  /** A call to any path of the editor's server, as the logged-in owner. */
  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'browser-id': BROWSER_ID,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T };
  }

  /** Sets up the owner account on a new instance, or logs in on one already set up. */
  async loginAsOwner() {
    const setup = await this.request('POST', '/owner/setup', OWNER);
    if (setup.status === 200 && this.cookie) return;
    const login = await this.request('POST', '/login', {
      emailOrLdapLoginId: OWNER.email,
      email: OWNER.email,
      password: OWNER.password,
    });
    if (login.status !== 200) {
      throw new Error(`owner login failed: ${login.status} ${JSON.stringify(login.body)}`);
    }
  }

  /**
   * What the credential modal's "Test" button does for a saved credential:
   * load it as the editor shows it (secrets redacted), then POST it to
   * /rest/credentials/test. Returns n8n's verdict.
   */
  async testSavedCredential(id: string): Promise<{ status: string; message: string }> {
    type Saved = { data: { name: string; type: string; data: Record<string, unknown> } };
    const saved = await this.request<Saved>('GET', `/credentials/${id}?includeData=true`);
    if (saved.status !== 200) throw new Error(`GET credential ${id}: ${saved.status}`);
    const { name, type, data } = saved.body.data;
    const credentials = { id, name, type, data };
    const res = await this.request<{ data: { status: string; message: string } }>(
      'POST',
      '/credentials/test',
      { credentials },
    );
    if (res.status !== 200) throw new Error(`credential test: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  }

  /** Activates a saved workflow as the editor does (its current version). */
  async activate(workflowId: string) {
    const saved = await this.request<{ data: { versionId: string } }>('GET', `/workflows/${workflowId}`);
    if (saved.status !== 200) throw new Error(`GET workflow ${workflowId}: ${saved.status}`);
    const res = await this.request('POST', `/workflows/${workflowId}/activate`, { versionId: saved.body.data.versionId });
    if (res.status !== 200) throw new Error(`activate ${workflowId}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async deactivate(workflowId: string) {
    const res = await this.request('POST', `/workflows/${workflowId}/deactivate`, {});
    if (res.status !== 200) throw new Error(`deactivate ${workflowId}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** The executions of a workflow, newest first, as the editor's list shows them. */
  async executions(workflowId: string): Promise<ExecutionSummary[]> {
    const filter = encodeURIComponent(JSON.stringify({ workflowId }));
    const res = await this.request<{ data: { results: ExecutionSummary[] } }>('GET', `/executions?filter=${filter}&limit=100`);
    if (res.status !== 200) throw new Error(`GET executions: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.results;
  }

  /** One execution with its run data (n8n sends it in its "flatted" form; `unflatten` reads it). */
  async execution(id: string, unflatten: (text: string) => unknown): Promise<{ status: string; mode: string; data: ExecutionData }> {
    const res = await this.request<{ data: { status: string; mode: string; data: string } }>('GET', `/executions/${id}`);
    if (res.status !== 200) throw new Error(`GET execution ${id}: ${res.status}`);
    const { status, mode, data } = res.body.data;
    return { status, mode, data: unflatten(data) as ExecutionData };
  }
}

export interface ExecutionSummary {
  id: string;
  status: string;
  mode: string;
  finished?: boolean;
  startedAt?: string;
  stoppedAt?: string;
}

export interface ExecutionData {
  resultData: {
    runData: Record<string, { data?: { main: ({ json: Record<string, unknown> }[] | null)[] } }[]>;
    error?: { message: string; description?: string };
  };
}
