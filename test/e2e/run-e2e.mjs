// Driver of the end-to-end run (started by run-e2e.sh after install + build):
//  1. copies test/e2e/workspace to a private temp dir and starts code-server (VS Code 1.100.3) on a free
//     127.0.0.1 port, detached in its own process group, with private TMPDIR/user-data/extensions/config;
//  2. opens the workbench in headless Debian chromium (playwright-core) with the "payload" that makes
//     VS Code load the repo root as extensionDevelopmentPath and run test/e2e/out/suite.js
//     (extensionTestsPath) inside the real Node extension host;
//  3. streams the in-host mocha output (the suite appends it to $RETRO_E2E_LOG) to stdout, takes
//     out/screenshot.png when a passing suite has set the scene (hand-over files in $RETRO_E2E_SYNC),
//     waits for the workbench's codeAutomationExit(code) hook and exits with that code.
// A hard timeout (E2E_TIMEOUT_MS, default 240 s) kills everything and fails. Cleanup always runs.
// Env: E2E_EXTENSION_DIR (default: repo root), E2E_TIMEOUT_MS, CODE_SERVER, CHROMIUM.
// Artefacts in test/e2e/out/: mocha.log, code-server.log, browser-console.log, screenshot.png.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const E2E = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(E2E, '../..');
// The extension under test: the repo root (package.json + dist/extension.js), or another unpacked copy.
const EXTENSION = path.resolve(process.env.E2E_EXTENSION_DIR || ROOT);
const OUT = path.join(E2E, 'out');
const SUITE = path.join(OUT, 'suite.js');
const CODE_SERVER = process.env.CODE_SERVER || path.join(E2E, 'node_modules/.bin/code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 240_000);

const t0 = Date.now();
const log = (s) => console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const [what, file] of [['code-server', CODE_SERVER], ['chromium', CHROMIUM], ['test bundle', SUITE], ['extension manifest', path.join(EXTENSION, 'package.json')]]) {
  if (!fs.existsSync(file)) { console.error(`[e2e] ${what} not found at ${file} (run test/e2e/run-e2e.sh)`); process.exit(2); }
}

// ---- private state: everything under one short temp dir (unix socket paths must stay < 108 chars) ----
fs.mkdirSync(OUT, { recursive: true });
for (const f of ['mocha.log', 'code-server.log', 'browser-console.log', 'screenshot.png']) fs.rmSync(path.join(OUT, f), { force: true });
const RUN = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-e2e-'));
const dir = (...p) => { const d = path.join(RUN, ...p); fs.mkdirSync(d, { recursive: true }); return d; };
const TMP = dir('tmp'); // code-server's TMPDIR: it leaves vscode-ipc-*.sock there
const USER_DATA = dir('user-data');
const EXTENSIONS = dir('extensions');
const PROFILE = dir('chromium');
const WS = path.join(RUN, 'workspace');
fs.cpSync(path.join(E2E, 'workspace'), WS, { recursive: true });
const SYNC = dir('sync'); // screenshot hand-over with the suite: scene-ready -> shot-done
const MOCHA_LOG = path.join(RUN, 'mocha.log');
fs.writeFileSync(MOCHA_LOG, '');
fs.writeFileSync(path.join(dir('user-data', 'User'), 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none', 'workbench.tips.enabled': false,
  'workbench.enableExperiments': false, 'chat.disableAIFeatures': true, 'git.enabled': false, 'files.autoSave': 'off',
}, null, 2));
const CONFIG = path.join(RUN, 'config.yaml');
fs.writeFileSync(CONFIG, 'auth: none\n');

// ---- state shared with cleanup -------------------------------------------------------------------------
let cs; // code-server child (process-group leader)
let ctx; // playwright browser context
let exitCode = 1;
let tailPos = 0;

/** Prints what the in-host suite appended to the mocha log since the last call. */
function flushHostLog() {
  let buf;
  try { buf = fs.readFileSync(MOCHA_LOG); } catch { return; }
  if (buf.length <= tailPos) return;
  const chunk = buf.subarray(tailPos).toString('utf8');
  const lastNewline = chunk.lastIndexOf('\n');
  if (lastNewline < 0) return; // wait for a complete line
  tailPos += Buffer.byteLength(chunk.slice(0, lastNewline + 1));
  for (const line of chunk.slice(0, lastNewline).split('\n')) console.log(`[host] ${line}`);
}
const tail = setInterval(flushHostLog, 200);

const tailOf = (file, n) => { try { return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n); } catch { return []; } };

async function cleanup() {
  clearInterval(tail);
  flushHostLog();
  // the browser first (bounded: a wedged chromium must not hold up the rest; playwright kills it at exit anyway)
  try { await Promise.race([ctx?.close(), sleep(5_000)]); } catch { /* already gone */ }
  if (cs?.pid) {
    // only the process group we created (detached spawn): code-server, its extension host, watchers, pty host
    try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* gone */ }
    for (let i = 0; i < 50 && cs.exitCode === null && cs.signalCode === null; i++) await sleep(100);
    try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* gone */ }
  }
  try { fs.copyFileSync(MOCHA_LOG, path.join(OUT, 'mocha.log')); } catch { /* none */ }
  fs.rmSync(RUN, { recursive: true, force: true });
}

/** Cleans up, prints the logs' tails on failure and exits. The first caller's code wins (e.g. the watchdog's). */
let finishing;
function finish(code, reason) {
  finishing ??= (async () => {
    if (reason) log(reason);
    await cleanup();
    if (code !== 0) {
      // make failures readable in CI logs without opening artefacts
      const csTail = tailOf(path.join(OUT, 'code-server.log'), 40);
      if (csTail.length) { console.log('[e2e] ---- last lines of out/code-server.log ----'); for (const l of csTail) console.log(`[code-server] ${l}`); }
      const errors = tailOf(path.join(OUT, 'browser-console.log'), 400).filter((l) => l.startsWith('[error]') || l.startsWith('[pageerror]')).slice(-25);
      if (errors.length) { console.log('[e2e] ---- last errors of out/browser-console.log ----'); for (const l of errors) console.log(`[browser] ${l}`); }
    }
    log(code === 0 ? 'E2E PASS' : `E2E FAIL (exit ${code})`);
    process.exit(code);
  })();
  return finishing;
}

const watchdog = setTimeout(() => { void finish(3, `TIMEOUT: no result after ${TIMEOUT_MS / 1000} s, killing code-server and chromium`); }, TIMEOUT_MS);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { void finish(130, `interrupted by ${sig}`); });

try {
  const port = await new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => { const p = srv.address().port; srv.close(() => resolve(p)); });
  });
  const authority = `127.0.0.1:${port}`;

  cs = spawn(CODE_SERVER, [
    '--config', CONFIG, '--bind-addr', authority, '--auth', 'none',
    '--user-data-dir', USER_DATA, '--extensions-dir', EXTENSIONS,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', WS,
  ], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: TMP, RETRO_E2E_LOG: MOCHA_LOG, RETRO_E2E_SYNC: SYNC } });
  const csLog = fs.createWriteStream(path.join(OUT, 'code-server.log'));
  cs.stdout.pipe(csLog);
  cs.stderr.pipe(csLog);
  let csGone = null;
  const csExited = new Promise((resolve) => cs.once('exit', (code, signal) => { csGone = `code-server exited (${signal ?? code})`; resolve(csGone); }));

  for (let i = 0; ; i++) {
    try { if ((await fetch(`http://${authority}/healthz`)).ok) break; } catch { /* not yet */ }
    if (csGone) throw new Error(`${csGone} before it answered, see test/e2e/out/code-server.log`);
    if (i > 300) throw new Error('code-server did not answer /healthz within 30 s, see test/e2e/out/code-server.log');
    await sleep(100);
  }
  log(`code-server up on http://${authority}`);

  ctx = await chromium.launchPersistentContext(PROFILE, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  const consoleLog = fs.createWriteStream(path.join(OUT, 'browser-console.log'));
  page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e?.stack || e}\n`));
  // VS Code's test hook: when run() in the suite settles, the workbench calls window.codeAutomationExit(code).
  let reportExit;
  const testsDone = new Promise((resolve) => { reportExit = resolve; });
  await page.exposeFunction('codeAutomationExit', (code) => { reportExit(Number(code)); });

  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(EXTENSION)],
    ['extensionTestsPath', remote(SUITE)],
  ]);
  await page.goto(`http://${authority}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(payload)}`);
  log(`workbench loading with workspace ${WS}; the suite runs inside the extension host`);

  // While the suite runs: when it has set the scene (retro open, diagnostics, Problems panel), shoot it.
  const SHOT = path.join(OUT, 'screenshot.png');
  let settled = false;
  let shot = false;
  const shooter = (async () => {
    while (!settled) {
      if (fs.existsSync(path.join(SYNC, 'scene-ready'))) {
        try { await page.screenshot({ path: SHOT }); shot = true; log('screenshot: test/e2e/out/screenshot.png'); } catch (e) { log(`screenshot failed: ${e?.message || e}`); }
        fs.writeFileSync(path.join(SYNC, 'shot-done'), '');
        return;
      }
      await sleep(100);
    }
  })();

  const outcome = await Promise.race([testsDone, csExited]);
  settled = true;
  await shooter;
  if (typeof outcome === 'string') throw new Error(`${outcome} while the tests were running`);
  exitCode = outcome;
  await sleep(300); // the last reporter lines
  flushHostLog();
  log(`codeAutomationExit(${exitCode}) from the extension host`);
  if (fs.statSync(MOCHA_LOG).size === 0) {
    log('WARNING: the in-host suite wrote nothing to RETRO_E2E_LOG (did the extension host start the suite?)');
    if (exitCode === 0) exitCode = 4;
  }
  if (!shot) { // failed run: keep the workbench as it was at the end
    try { await page.screenshot({ path: SHOT }); log('screenshot (end state): test/e2e/out/screenshot.png'); } catch (e) { log(`screenshot failed: ${e?.message || e}`); }
  }
} catch (e) {
  if (!finishing) log(`ERROR ${e?.stack || e}`); // after the watchdog fired, errors are its consequences
  exitCode = exitCode === 0 ? 1 : exitCode || 1;
} finally {
  clearTimeout(watchdog);
  await finish(exitCode);
}
