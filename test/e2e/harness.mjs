// Start-up shared by the drivers of a real VS Code in a headless browser: run-e2e.mjs (the in-host
// test suite) and screenshots.mjs (the README's pictures). code-server 4.100.3 (VS Code 1.100.3) on a
// free 127.0.0.1 port, detached in its own process group, with private TMPDIR/user-data/extensions/
// config under one temp dir; Debian's chromium through playwright-core; a copy of test/e2e/workspace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const E2E = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(E2E, '../..');
export const OUT = path.join(E2E, 'out');
export const CODE_SERVER = process.env.CODE_SERVER || path.join(E2E, 'node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Exits with code 2 and a hint when one of the [what, file] pairs (code-server and chromium are always checked) is missing. */
export function requireFiles(pairs, hint = 'run test/e2e/run-e2e.sh') {
  for (const [what, file] of [['code-server', CODE_SERVER], ['chromium', CHROMIUM], ...pairs]) {
    if (!fs.existsSync(file)) { console.error(`[e2e] ${what} not found at ${file} (${hint})`); process.exit(2); }
  }
}

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none', 'workbench.tips.enabled': false,
  'workbench.enableExperiments': false, 'chat.disableAIFeatures': true, 'git.enabled': false, 'files.autoSave': 'off',
};

/**
 * Private state under one short temp dir (unix socket paths must stay < 108 chars): code-server's
 * TMPDIR, user data (with `settings` over the quiet defaults), extensions, chromium profile, config,
 * and a fresh copy of test/e2e/workspace. `rm()` removes it all.
 */
export function prepareRun({ prefix = 'rh-e2e-', settings = {}, workspaceFrom = path.join(E2E, 'workspace'), workspaceFile = null } = {}) {
  const run = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dir = (...p) => { const d = path.join(run, ...p); fs.mkdirSync(d, { recursive: true }); return d; };
  const dirs = {
    run,
    dir,
    tmp: dir('tmp'), // code-server's TMPDIR: it leaves vscode-ipc-*.sock there
    userData: dir('user-data'),
    extensions: dir('extensions'),
    profile: dir('chromium'),
    workspace: path.join(run, 'workspace'),
    // A .code-workspace file inside the copy: the workbench opens it (multi-root) instead of the folder.
    workspaceFile: workspaceFile ? path.join(run, 'workspace', workspaceFile) : null,
    config: path.join(run, 'config.yaml'),
    rm: () => fs.rmSync(run, { recursive: true, force: true }),
  };
  fs.cpSync(workspaceFrom, dirs.workspace, { recursive: true });
  fs.writeFileSync(path.join(dir('user-data', 'User'), 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  fs.writeFileSync(dirs.config, 'auth: none\n');
  return dirs;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => { const p = srv.address().port; srv.close(() => resolve(p)); });
  });
}

/**
 * Starts code-server on the run's workspace and waits for /healthz. `env` is added to its
 * environment (the extension host inherits it). Resolves to { cs, authority, exited, gone() }:
 * `exited` resolves to a message when code-server exits; `gone()` is that message or null.
 * `onSpawn(server)` gets the same object at once, so a caller's watchdog can stop it during start-up.
 */
export async function startCodeServer(dirs, { env = {}, logFile = path.join(OUT, 'code-server.log'), onSpawn } = {}) {
  const authority = `127.0.0.1:${await freePort()}`;
  const cs = spawn(CODE_SERVER, [
    '--config', dirs.config, '--bind-addr', authority, '--auth', 'none',
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', dirs.workspace,
  ], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: dirs.tmp, ...env } });
  const csLog = fs.createWriteStream(logFile);
  cs.stdout.pipe(csLog);
  cs.stderr.pipe(csLog);
  let csGone = null;
  const exited = new Promise((resolve) => cs.once('exit', (code, signal) => { csGone = `code-server exited (${signal ?? code})`; resolve(csGone); }));
  const server = { cs, authority, exited, gone: () => csGone };
  onSpawn?.(server);
  for (let i = 0; ; i++) {
    try { if ((await fetch(`http://${authority}/healthz`)).ok) break; } catch { /* not yet */ }
    if (csGone) { await stopCodeServer(server); throw new Error(`${csGone} before it answered, see ${logFile}`); }
    if (i > 300) { await stopCodeServer(server); throw new Error(`code-server did not answer /healthz within 30 s, see ${logFile}`); }
    await sleep(100);
  }
  return server;
}

/** Headless chromium on the run's profile; the page's console goes to `consoleLogFile`. Resolves to { ctx, page }. */
export async function launchBrowser(dirs, { consoleLogFile = path.join(OUT, 'browser-console.log'), viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, colorScheme } = {}) {
  const ctx = await chromium.launchPersistentContext(dirs.profile, {
    executablePath: CHROMIUM, headless: true, viewport, deviceScaleFactor, ...(colorScheme ? { colorScheme } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  const consoleLog = fs.createWriteStream(consoleLogFile);
  page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e?.stack || e}\n`));
  return { ctx, page };
}

/**
 * The workbench URL for the run's workspace. `payload`: VS Code's development options as
 * [name, value] pairs, e.g. [['extensionDevelopmentPath', remote(dir)]]; `remote(p)` makes the
 * vscode-remote:// URI of a path on this machine.
 */
export function workbenchUrl(server, dirs, payload = []) {
  const opened = dirs.workspaceFile ? `workspace=${encodeURIComponent(dirs.workspaceFile)}` : `folder=${encodeURIComponent(dirs.workspace)}`;
  return `http://${server.authority}/?${opened}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
}
export const remote = (server, p) => `vscode-remote://${server.authority}${p}`;

/** Closes the browser (bounded: a wedged chromium must not hold up the rest; playwright kills it at exit anyway). */
export async function closeBrowser(ctx) {
  try { await Promise.race([ctx?.close(), sleep(5_000)]); } catch { /* already gone */ }
}

/** Ends only the process group we created (detached spawn): code-server, its extension host, watchers, pty host. */
export async function stopCodeServer(server) {
  const cs = server?.cs;
  if (!cs?.pid) return;
  try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* gone */ }
  for (let i = 0; i < 50 && cs.exitCode === null && cs.signalCode === null; i++) await sleep(100);
  try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* gone */ }
}
