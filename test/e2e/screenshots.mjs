// The README's pictures, taken in a real VS Code (code-server 4.100.3 in headless chromium, the same
// start-up as the e2e run: harness.mjs) and driven like a user, with the keyboard and the command palette:
//   docs/screenshot-hover.png     the hover on the payments retro's finding
//   docs/screenshot-quickfix.png  the quick-fix menu on that finding ("Add action item: …")
//   docs/screenshot-section.png   the relationship-health section after "Write Relationship Health Section"
// Not part of the test run. Needs what run-e2e.sh installs (run it once), then:
//   node test/e2e/screenshots.mjs
// It rebuilds dist/ first (node esbuild.js; SKIP_BUILD=1 skips that). Env: CODE_SERVER, CHROMIUM,
// SHOTS_TIMEOUT_MS (default 120000). Logs in test/e2e/out/screenshots-*.log.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { closeBrowser, launchBrowser, OUT, prepareRun, remote, requireFiles, ROOT, sleep, startCodeServer, stopCodeServer, workbenchUrl } from './harness.mjs';

const DOCS = path.join(ROOT, 'docs');
const RETRO = '2026-03-14-payments.md';
const SYMPTOM_LINE = 14; // "- Lots of requirements didn't come out until UAT …" in test/e2e/workspace/retros/
const TIMEOUT_MS = Number(process.env.SHOTS_TIMEOUT_MS || 120_000);
const t0 = Date.now();
const log = (s) => console.log(`[shots +${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);

if (process.env.SKIP_BUILD !== '1') {
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 2);
}
requireFiles([['extension bundle', path.join(ROOT, 'dist', 'extension.js')]], 'run `bash test/e2e/run-e2e.sh` once, or `node esbuild.js` at the repo root');
fs.mkdirSync(OUT, { recursive: true });
fs.mkdirSync(DOCS, { recursive: true });

const dirs = prepareRun({
  prefix: 'rh-shots-',
  settings: {
    'editor.fontSize': 15,
    'editor.lineHeight': 22,
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    'breadcrumbs.enabled': false,
    'editor.lightbulb.enabled': 'off',
    'editor.hover.delay': 100000, // only the hover we ask for
    'editor.hover.above': false, // below the line, where it has room to show whole
    'workbench.editor.enablePreview': false,
    'explorer.openEditors.visible': 0,
    'chat.commandCenter.enabled': false,
    'workbench.layoutControl.enabled': false,
  },
});
let server;
let ctx;
const watchdog = setTimeout(async () => { log(`TIMEOUT after ${TIMEOUT_MS / 1000} s`); await done(3); }, TIMEOUT_MS);
let finishing;
function done(code) {
  finishing ??= (async () => {
    clearTimeout(watchdog);
    await closeBrowser(ctx);
    await stopCodeServer(server);
    dirs.rm();
    process.exit(code);
  })();
  return finishing;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { void done(130); });

try {
  server = await startCodeServer(dirs, { logFile: path.join(OUT, 'screenshots-code-server.log'), onSpawn: (s) => { server = s; } });
  log(`code-server up on http://${server.authority}`);
  let page;
  ({ ctx, page } = await launchBrowser(dirs, { consoleLogFile: path.join(OUT, 'screenshots-browser-console.log'), viewport: { width: 1280, height: 800 } }));
  // The extension from the repo, as an extension in development (no test runner).
  await page.goto(workbenchUrl(server, dirs, [['extensionDevelopmentPath', remote(server, ROOT)], ['skipWelcome', 'true']]));
  await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
  await sleep(1_000);

  const press = async (...keys) => { for (const key of keys) { await page.keyboard.press(key); await sleep(150); } };
  /** Runs a command by its label through the command palette (F1), like a user. */
  const palette = async (label) => {
    await press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${label}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await sleep(300);
    await press('Enter');
  };
  const shoot = async (name, what) => {
    const file = path.join(DOCS, name);
    await sleep(600); // let the workbench finish painting
    await page.screenshot({ path: file });
    log(`${what}: ${path.relative(ROOT, file)}`);
  };

  // Open the payments retro with Quick Open, wait for the extension's squiggle under the finding.
  await press('Control+P');
  await page.locator('.quick-input-widget input').fill(RETRO);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: RETRO }).first().waitFor();
  await sleep(300);
  await press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: 'Lots of requirements' }).waitFor({ timeout: 15_000 });
  await page.locator('.monaco-editor .squiggly-info, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
  log('the retro is open with its Retro Health diagnostic');
  await palette('Close Primary Side Bar'); // more room for the editor and its widgets

  // 1. The hover: cursor into the finding (Go to Line), then "Show or Focus Hover".
  await press('Control+G');
  await page.locator('.quick-input-widget input').fill(`:${SYMPTOM_LINE}:12`);
  await sleep(200);
  await press('Enter');
  await palette('Show or Focus Hover');
  const hover = page.locator('.monaco-hover', { hasText: 'Retro Health' }).first();
  await hover.waitFor({ timeout: 10_000 });
  // The hover opens at a fixed height and scrolls: drag its bottom edge down (it is resizable) to show it whole.
  const sash = await page.locator('.monaco-resizable-hover .monaco-sash.horizontal.orthogonal-edge-south').first().boundingBox();
  if (sash) {
    const x = sash.x + sash.width / 2;
    const y = sash.y + sash.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(x, y + step * 16);
    await page.mouse.up();
    await page.mouse.move(1100, 150); // away from the hover and the text
  }
  await shoot('screenshot-hover.png', 'hover');
  await press('Escape', 'Escape');

  // 2. The quick-fix menu on the same finding (Ctrl+.).
  await press('Control+Period');
  await page.locator('.action-widget', { hasText: 'Add action item' }).first().waitFor({ timeout: 10_000 });
  await shoot('screenshot-quickfix.png', 'quick fixes');
  await press('Escape');

  // 3. "Write Relationship Health Section", then show the section.
  await palette('Retro Health: Write Relationship Health Section');
  await press('Control+End');
  await page.locator('.monaco-editor .view-lines', { hasText: 'retro-health:end' }).waitFor({ timeout: 15_000 });
  await shoot('screenshot-section.png', 'section');
  await done(0);
} catch (error) {
  log(`ERROR ${error?.stack || error}`);
  await done(1);
}
