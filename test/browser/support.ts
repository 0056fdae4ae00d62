/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The browser suite's pieces: Debian's Chromium driven by playwright-core, a watch
// over the page's console and network that separates the package's problems from
// n8n's own noise, and the screenshots.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DEFAULT_N8N_VERSION, ROOT } from '../../scripts/lib/n8n';

/** n8n versions for the browser suite: N8N_VERSIONS=2.41.0,1.123.81 (default: the default version). */
export function browserVersions(): string[] {
  const list = (process.env.N8N_VERSIONS ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return list.length ? list : [DEFAULT_N8N_VERSION];
}

/**
 * Flags for a headless Chromium on a machine without a network: without the
 * background-networking ones Chromium's own connections are refused and it stalls.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1440, height: 900 };

/** Chromium with a fresh profile (user data dir); no browser download (scripts/setup-chromium.sh). */
export async function launchChromium(profileDir: string): Promise<BrowserContext> {
  const executablePath = process.env.TRUTO_CHROMIUM_PATH || '/usr/bin/chromium';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: 'light',
  });
  context.setDefaultTimeout(45_000);
  return context;
}

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
/** Anything that names the package: its name, node and credential types, icon paths, texts. */
const PACKAGE_PATTERN = /truto/i;
/** Where n8n serves the package's icons and other files. */
export const PACKAGE_ASSETS = '/icons/n8n-nodes-truto/';

export interface Seen {
  kind: 'console' | 'pageerror' | 'requestfailed' | 'http';
  text: string;
  url: string;
}

/**
 * Watches a browser context for problems. The package's problems fail the test:
 * a console error or uncaught page error that names the package (its name, node
 * type, credential type, icon path or texts: /truto/i), and a failed load of one
 * of its files from n8n. Everything else is n8n's own noise (for example the
 * sign-in page's 401 for "who am I" before login): it is kept and printed, not failed on.
 *
 * The browser stays on loopback: requests to other hosts are blocked here (the
 * editor asks the npm registry about community packages for the node's details
 * panel; this machine has no route there). Their failures are listed as blocked.
 */
export class PageWatch {
  readonly problems: Seen[] = [];
  readonly noise: Seen[] = [];
  readonly blocked: string[] = [];
  /** successful loads of the package's files, by URL */
  readonly assetLoads = new Map<string, number>();

  async attach(context: BrowserContext) {
    await context.route(
      (url) => !isLoopback(url),
      async (route) => {
        this.blocked.push(route.request().url());
        await route.abort('blockedbyclient');
      },
    );
    context.on('console', (message) => {
      if (message.type() !== 'error') return;
      this.classify({ kind: 'console', text: message.text(), url: message.location().url ?? '' });
    });
    context.on('weberror', (error) => {
      const e = error.error();
      this.classify({ kind: 'pageerror', text: `${e.message}\n${e.stack ?? ''}`, url: error.page()?.url() ?? '' });
    });
    context.on('requestfailed', (request) => {
      const url = request.url();
      const failure = request.failure()?.errorText ?? 'failed';
      if (this.isAsset(url) && failure !== 'net::ERR_ABORTED') {
        this.problems.push({ kind: 'requestfailed', text: failure, url });
      } else {
        this.noise.push({ kind: 'requestfailed', text: failure, url });
      }
    });
    context.on('response', (response) => {
      const url = response.url();
      if (!this.isAsset(url)) return;
      if (response.status() >= 400) {
        this.problems.push({ kind: 'http', text: `HTTP ${response.status()}`, url });
      } else {
        this.assetLoads.set(url, (this.assetLoads.get(url) ?? 0) + 1);
      }
    });
  }

  private isAsset(url: string) {
    const parsed = new URL(url);
    return isLoopback(parsed) && parsed.pathname.startsWith(PACKAGE_ASSETS);
  }

  private classify(seen: Seen) {
    const external = seen.url && /^https?:/.test(seen.url) && !isLoopback(new URL(seen.url));
    if (external && this.blocked.includes(seen.url)) {
      this.noise.push({ ...seen, text: `${seen.text} (blocked: not on loopback)` });
    } else if (PACKAGE_PATTERN.test(seen.text) || PACKAGE_PATTERN.test(seen.url)) {
      this.problems.push(seen);
    } else {
      this.noise.push(seen);
    }
  }

  /** One line per entry, for the test's output and failure messages. */
  static lines(list: Seen[]) {
    return list.map((s) => `${s.kind}: ${s.text.split('\n')[0]}${s.url ? ` [${s.url}]` : ''}`);
  }
}

/**
 * Screenshots of one run: each goes into the run's artifacts folder (printed,
 * kept), and with TRUTO_UPDATE_SCREENSHOTS=1 also into docs/screenshots/, the
 * committed set the README shows (from the default n8n version only).
 */
export class Screenshots {
  readonly dir: string;
  readonly taken: string[] = [];

  constructor(
    label: string,
    private readonly updateDocs: boolean,
  ) {
    const base = process.env.TRUTO_ARTIFACTS || join(tmpdir(), 'n8n-nodes-truto-artifacts');
    mkdirSync(base, { recursive: true });
    this.dir = mkdtempSync(join(base, `${label}-${new Date().toISOString().replace(/[:.]/g, '-')}-`));
  }

  static docsDir() {
    return join(ROOT, 'docs', 'screenshots');
  }

  async take(page: Page, name: string) {
    const file = join(this.dir, name);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    this.taken.push(name);
    if (this.updateDocs) {
      mkdirSync(Screenshots.docsDir(), { recursive: true });
      copyFileSync(file, join(Screenshots.docsDir(), name));
    }
  }
}

/** Waits until a condition holds (polling), or fails with what it waited for. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Whether an <img> has loaded and has a size (a broken icon has none). */
export async function imageLoaded(img: Locator) {
  return await img.evaluate((e) => {
    const image = e as HTMLImageElement;
    return image.complete && image.naturalWidth > 0;
  });
}
