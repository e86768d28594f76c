// Driver of the end-to-end run (started by run-e2e.sh after install + build):
//  1. copies test/e2e/workspace to a private temp dir and starts code-server (VS Code 1.100.3) on a free
//     127.0.0.1 port, detached in its own process group, with private TMPDIR/user-data/extensions/config;
//  2. opens the workbench in headless Debian chromium (playwright-core) with the "payload" that makes
//     VS Code load the repo root as extensionDevelopmentPath and run test/e2e/out/suite.js
//     (extensionTestsPath) inside the real Node extension host;
//  3. streams the in-host mocha output (the suite appends it to $RETRO_E2E_LOG) to stdout, takes
//     out/screenshot.png when a passing suite has set the scene (hand-over files in $RETRO_E2E_SYNC),
//     waits for the workbench's codeAutomationExit(code) hook and exits with that code.
// A hard timeout (E2E_TIMEOUT_MS, default 420 s) kills everything and fails. Cleanup always runs.
// Env: E2E_EXTENSION_DIR (default: repo root), E2E_INSTALL_VSIX, E2E_TIMEOUT_MS, E2E_REAL_RETROS, CODE_SERVER, CHROMIUM,
// RETRO_HEALTH_TEST_MODE (passed to code-server, default 1: the extension's test probes; 0 checks they are absent).
// E2E_INSTALL_VSIX=<file.vsix>: install that VSIX into the run's extensions dir (code-server
// --install-extension, as a user would) and test it; the suite then rides on an empty runner extension.
// Artefacts in test/e2e/out/: mocha.log, code-server.log, browser-console.log, screenshot.png.
// The start-up (temp dirs, code-server, chromium) is shared with screenshots.mjs: harness.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { closeBrowser, CODE_SERVER, launchBrowser, OUT, prepareRun, remote, requireFiles, ROOT, sleep, startCodeServer, stopCodeServer, workbenchUrl } from './harness.mjs';

// The extension under test: the repo root (package.json + dist/extension.js), another unpacked copy,
// or — with E2E_INSTALL_VSIX — the installed VSIX, the development path then being only the runner.
const INSTALL_VSIX = process.env.E2E_INSTALL_VSIX ? path.resolve(process.env.E2E_INSTALL_VSIX) : null;
const EXTENSION = INSTALL_VSIX ? path.join(ROOT, 'test', 'e2e', 'runner-extension') : path.resolve(process.env.E2E_EXTENSION_DIR || ROOT);
// E2E_LAYOUT=web: the extension runs in the browser's web worker extension host (its "browser" bundle) and
// so does out/web-suite.js; its reporter lines reach us through the browser console (prefix [web-suite]).
const WEB = process.env.E2E_LAYOUT === 'web';
const SUITE = path.join(OUT, WEB ? 'web-suite.js' : 'suite.js');
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 420_000);
// Other teams' real retrospectives for the "nothing lost on real text" scenario: read only, never copied into the repo.
const REAL_RETROS = path.resolve(process.env.E2E_REAL_RETROS || path.join(ROOT, '../shared/corpus/real-retros'));

const t0 = Date.now();
const log = (s) => console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);

requireFiles([['test bundle', SUITE], ['extension manifest', path.join(EXTENSION, 'package.json')]]);
if (!fs.existsSync(REAL_RETROS)) log(`WARNING: real-retros corpus not found at ${REAL_RETROS}: "nothing lost on real text" will be skipped (set E2E_REAL_RETROS)`);

// ---- private state: everything under one short temp dir (harness.prepareRun) ---------------------------
fs.mkdirSync(OUT, { recursive: true });
for (const f of ['mocha.log', 'code-server.log', 'browser-console.log', 'screenshot.png']) fs.rmSync(path.join(OUT, f), { force: true });
// E2E_LAYOUT=multi-root: open test/e2e/multi-root/retros.code-workspace and run only the multi-root scenarios.
const MULTI_ROOT = process.env.E2E_LAYOUT === 'multi-root';
// E2E_LAYOUT=web: remote.extensionKind ["web"] is what sends an extension that also has a Node entry to the
// browser's web worker host in a code-server window (the workbench ignores extensionDevelopmentKind there).
const WEB_EXTENSION_KIND = { 'remote.extensionKind': { 'retro-health.retro-health': ['web'] } };
const dirs = MULTI_ROOT
  ? prepareRun({ workspaceFrom: path.join(ROOT, 'test', 'e2e', 'multi-root'), workspaceFile: 'retros.code-workspace' })
  : prepareRun(WEB ? { settings: WEB_EXTENSION_KIND } : {});
const SYNC = dirs.dir('sync'); // screenshot hand-over with the suite: scene-ready -> shot-done
const MOCHA_LOG = path.join(dirs.run, 'mocha.log');
fs.writeFileSync(MOCHA_LOG, '');
if (INSTALL_VSIX) {
  requireFiles([['VSIX', INSTALL_VSIX]]);
  const install = spawnSync(CODE_SERVER, ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', INSTALL_VSIX], { encoding: 'utf8', env: { ...process.env, TMPDIR: dirs.tmp } });
  if (install.status !== 0 || !/successfully installed/.test(install.stdout)) {
    console.error(`[e2e] installing ${INSTALL_VSIX} failed (exit ${install.status}):\n${install.stdout}${install.stderr}`);
    process.exit(2);
  }
  log(`installed ${path.relative(ROOT, INSTALL_VSIX)} into the run's extensions dir`);
}

// ---- state shared with cleanup -------------------------------------------------------------------------
let server; // code-server (process-group leader) and its authority
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
  await closeBrowser(ctx); // the browser first
  await stopCodeServer(server);
  try { fs.copyFileSync(MOCHA_LOG, path.join(OUT, 'mocha.log')); } catch { /* none */ }
  dirs.rm();
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
  const expectInstalled = INSTALL_VSIX ? { RETRO_E2E_EXPECT_INSTALLED_IN: dirs.extensions } : {};
  // RETRO_HEALTH_TEST_MODE=1: the extension registers its test probes (retroHealth.internal.*, src/extension/testMode.ts)
  // even when installed from the VSIX, which VS Code runs in ExtensionMode.Production. The extension host inherits it.
  const testMode = { RETRO_HEALTH_TEST_MODE: process.env.RETRO_HEALTH_TEST_MODE ?? '1' };
  server = await startCodeServer(dirs, { env: { RETRO_E2E_LOG: MOCHA_LOG, ...(MULTI_ROOT || WEB ? {} : { RETRO_E2E_SYNC: SYNC }), RETRO_E2E_REAL_RETROS: REAL_RETROS, RETRO_E2E_LAYOUT: MULTI_ROOT ? 'multi-root' : 'folder', ...testMode, ...expectInstalled }, onSpawn: (s) => { server = s; } });
  log(`code-server up on http://${server.authority}`);

  let page;
  ({ ctx, page } = await launchBrowser(dirs));
  if (WEB) {
    page.on('console', (message) => {
      const text = message.text();
      // The workbench re-logs the worker's console with a styled prefix ("%c INFO color: …"): find ours inside.
      const at = text.indexOf('[web-suite] ');
      if (at >= 0) fs.appendFileSync(MOCHA_LOG, `${text.slice(at + '[web-suite] '.length)}\n`);
    });
  }
  // VS Code's test hook: when run() in the suite settles, the workbench calls window.codeAutomationExit(code).
  let reportExit;
  const testsDone = new Promise((resolve) => { reportExit = resolve; });
  await page.exposeFunction('codeAutomationExit', (code) => { reportExit(Number(code)); });

  await page.goto(workbenchUrl(server, dirs, [
    ['extensionDevelopmentPath', remote(server, EXTENSION)],
    ['extensionTestsPath', remote(server, SUITE)],
    ...(WEB ? [['extensionDevelopmentKind', 'web']] : []),
  ]));
  log(`workbench loading with workspace ${dirs.workspaceFile ?? dirs.workspace}; the suite runs inside the extension host`);

  // While the suite runs: when it has set the scene (retro open, diagnostics, Problems panel), shoot it.
  // The multi-root pass runs after a passing main pass: its logs replace the main pass's, its picture does not.
  const SHOT = path.join(OUT, MULTI_ROOT ? 'screenshot-multi-root.png' : WEB ? 'screenshot-web.png' : 'screenshot.png');
  let settled = false;
  let shot = false;
  const shooter = (async () => {
    while (!settled) {
      if (fs.existsSync(path.join(SYNC, 'scene-ready'))) {
        try { await page.screenshot({ path: SHOT }); shot = true; log(`screenshot: ${path.relative(ROOT, SHOT)}`); } catch (e) { log(`screenshot failed: ${e?.message || e}`); }
        fs.writeFileSync(path.join(SYNC, 'shot-done'), '');
        return;
      }
      await sleep(100);
    }
  })();

  // The web pass: the worker host has not always handed the run's end back to the workbench (see
  // test/e2e/web/setup.ts), so mocha's own summary, relayed from the browser console, is a verdict too.
  const webResult = WEB ? (async () => {
    for (;;) {
      const summary = fs.readFileSync(MOCHA_LOG, 'utf8');
      const passing = /^\s*(\d+) passing/m.exec(summary);
      if (passing) {
        await sleep(1500); // "M failing" and the failures follow the passing line
        const failing = /^\s*(\d+) failing/m.exec(fs.readFileSync(MOCHA_LOG, 'utf8'));
        log(`web suite: ${passing[1]} passing, ${failing ? failing[1] : 0} failing (mocha's summary)`);
        return failing || Number(passing[1]) === 0 ? 1 : 0;
      }
      await sleep(200);
    }
  })() : new Promise(() => {});
  const outcome = await Promise.race([testsDone, server.exited, webResult]);
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
    try { await page.screenshot({ path: SHOT }); log(`screenshot (end state): ${path.relative(ROOT, SHOT)}`); } catch (e) { log(`screenshot failed: ${e?.message || e}`); }
  }
} catch (e) {
  if (!finishing) log(`ERROR ${e?.stack || e}`); // after the watchdog fired, errors are its consequences
  exitCode = exitCode === 0 ? 1 : exitCode || 1;
} finally {
  clearTimeout(watchdog);
  await finish(exitCode);
}
