// Serves the built panel (dist/webview.js, media/panel.css, the copied codicons) from 127.0.0.1 in
// exactly the HTML the extension gives the webview (panelHtml), with a small acquireVsCodeApi
// stand-in that records posted messages and saved state, and lets a test send host messages.
// Driven by playwright-core with Debian's chromium (flags as in shared/docs/real-vscode.md).
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createNonce, panelHtml } from '../../src/extension/panel/html';
import type { Theme } from './themes';

export const ROOT = path.resolve(__dirname, '../..');
export const OUT = path.join(__dirname, 'out');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** What the harness serves: the page's HTML and the only files it may load (under dist/ and media/, as localResourceRoots allow). */
export interface Site {
  html(origin: string, nonce: string): string;
  files: Record<string, string>;
}

/** The Retrospective Panel (the default site). */
export const PANEL_SITE: Site = {
  html: (origin, nonce) =>
    panelHtml({
      cspSource: origin,
      nonce,
      scriptUri: `${origin}/dist/webview.js`,
      styleUri: `${origin}/media/panel.css`,
      codiconsUri: `${origin}/media/codicons/codicon.css`,
    }),
  files: {
    '/dist/webview.js': 'text/javascript',
    '/media/panel.css': 'text/css',
    '/media/codicons/codicon.css': 'text/css',
    '/media/codicons/codicon.ttf': 'font/ttf',
  },
};

export interface Recorded {
  posted: unknown[];
  state: unknown;
  cspViolations: { directive: string; blocked: string }[];
  alerts: string[];
}

declare global {
  interface Window {
    __rh: Recorded;
    __host(data: unknown): void;
    acquireVsCodeApi(): unknown;
  }
}

/** Runs in the page before any of its scripts: what VS Code injects into a webview, in small. */
function installVsCodeStandIn(saved: unknown): void {
  const recorded: Recorded = { posted: [], state: saved ?? undefined, cspViolations: [], alerts: [] };
  window.__rh = recorded;
  window.alert = (message?: unknown) => void recorded.alerts.push(String(message));
  document.addEventListener('securitypolicyviolation', (event) => recorded.cspViolations.push({ directive: event.violatedDirective, blocked: event.blockedURI }));
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    // Messages and state cross a structured-clone boundary in VS Code; JSON is the same for our data.
    const clone = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
    return Object.freeze({
      postMessage: (message: unknown) => void recorded.posted.push(clone(message)),
      getState: () => recorded.state,
      setState: (state: unknown) => {
        recorded.state = clone(state);
        return state;
      },
    });
  };
  window.__host = (data: unknown) => window.dispatchEvent(new MessageEvent('message', { data }));
}

export interface OpenOptions {
  /** What getState() returns at start (a reload with saved state). */
  saved?: unknown;
  theme?: Theme;
  /** Install Playwright's fake clock before the page loads (to reach the panel's deadlines). */
  clock?: boolean;
  viewport?: { width: number; height: number };
}

export class PanelPage {
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  readonly outsideRequests: string[] = [];
  readonly dialogs: string[] = [];

  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'warning') this.warnings.push(message.text());
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(String(error)));
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) this.outsideRequests.push(url);
    });
  }

  /** Sends a host -> webview message, as panel.webview.postMessage would. */
  async send(message: unknown): Promise<void> {
    await this.page.evaluate((data) => window.__host(data), message);
  }

  async recorded(): Promise<Recorded> {
    return this.page.evaluate(() => JSON.parse(JSON.stringify(window.__rh)) as Recorded);
  }

  async posted(): Promise<Record<string, unknown>[]> {
    return (await this.recorded()).posted as Record<string, unknown>[];
  }

  /** Waits until a posted message satisfies `test`, and returns it. */
  async waitForPosted(test: (message: Record<string, unknown>) => boolean, what: string, timeoutMs = 5_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.posted()).find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for the webview to post ${what}; posted: ${JSON.stringify(await this.posted())}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async applyTheme(theme: Theme): Promise<void> {
    await this.page.evaluate(({ bodyClass, variables }) => {
      // VS Code sets these on <html> through CSSOM, which the CSP allows.
      for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(name, value);
      document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast');
      document.body.classList.add(bodyClass);
      document.body.dataset.vscodeThemeKind = bodyClass;
    }, theme);
  }

  async appHtml(): Promise<string> {
    return this.page.locator('#app').evaluate((element) => element.innerHTML);
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

export class PanelHarness {
  private constructor(
    private readonly server: http.Server,
    private readonly browser: Browser,
    readonly origin: string,
  ) {}

  static async start(site: Site = PANEL_SITE): Promise<PanelHarness> {
    for (const file of Object.keys(site.files)) {
      if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm run test:webview does)`);
    }
    let origin = '';
    const server = http.createServer((request, response) => {
      const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (pathname === '/' || pathname === '/index.html') {
        const html = site.html(origin, createNonce());
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        response.end(html);
        return;
      }
      if (pathname === '/favicon.ico') {
        // The browser asks for it on its own; a webview never does.
        response.writeHead(204).end();
        return;
      }
      const type = site.files[pathname];
      if (!type) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(fs.readFileSync(path.join(ROOT, pathname)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return new PanelHarness(server, browser, origin);
  }

  /** A fresh page (own context, so nothing is shared between tests) with the panel loaded. */
  async open(options: OpenOptions = {}): Promise<PanelPage> {
    const context = await this.browser.newContext({ viewport: options.viewport ?? { width: 720, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const panel = new PanelPage(page, this.origin);
    if (options.clock) await page.clock.install();
    // tsx (esbuild keepNames) wraps named inner functions in __name(); functions sent to the page need it too.
    await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await page.addInitScript(installVsCodeStandIn, options.saved);
    await page.goto(`${this.origin}/`);
    if (options.theme) await panel.applyTheme(options.theme);
    await panel.waitForPosted((message) => message.type === 'ready', '"ready"');
    return panel;
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function ensureOut(): string {
  fs.mkdirSync(OUT, { recursive: true });
  return OUT;
}
