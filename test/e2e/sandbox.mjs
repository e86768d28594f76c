// `npm run sandbox`: try Retro Health without installing anything into your own VS Code. Starts the
// same real VS Code the tests use (code-server 4.100.3, test/e2e/harness.mjs) on 127.0.0.1 with the
// extension loaded from this checkout and a copy of examples/ open, prints the URL to open in a
// browser, and stops cleanly on Ctrl+C (code-server and its temporary folders go away).
//
// `--check` (run by `npm run test:e2e`): starts it the same way, opens the URL in headless chromium,
// waits until the workbench is served and the extension host has activated Retro Health, then stops
// and exits 0 (1 when any step fails).
import fs from 'node:fs';
import path from 'node:path';
import { closeBrowser, launchBrowser, OUT, prepareRun, remote, requireFiles, ROOT, sleep, startCodeServer, stopCodeServer, workbenchUrl } from './harness.mjs';

const check = process.argv.includes('--check');
requireFiles([['the extension bundle', path.join(ROOT, 'dist', 'extension.js')]], 'run npm run sandbox (it builds and installs what is missing)');
fs.mkdirSync(OUT, { recursive: true });

const dirs = prepareRun({ prefix: 'rh-sandbox-', workspaceFrom: path.join(ROOT, 'examples') });
let server;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await stopCodeServer(server);
  dirs.rm();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  server = await startCodeServer(dirs, { logFile: path.join(OUT, 'sandbox-code-server.log') });
} catch (error) {
  console.error(`[sandbox] ${error.message}`);
  await stop(1);
}
const url = workbenchUrl(server, dirs, [['extensionDevelopmentPath', remote(server, ROOT)]]);

if (!check) {
  console.log(`\nRetro Health sandbox: VS Code with the extension from ${ROOT}\nand a copy of examples/ (your edits stay in ${dirs.workspace}).\n\n  Open  ${url}\n\nCtrl+C stops it.`);
  console.log(`\nSSH tunnel from your laptop: ssh -L ${server.authority.split(':')[1]}:${server.authority} <this machine>, then open the same URL.`);
  console.log(await server.exited);
  await stop(1);
} else {
  const { ctx, page } = await launchBrowser(dirs, { consoleLogFile: path.join(OUT, 'sandbox-browser-console.log') });
  let ok = false;
  try {
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    if (!response?.ok()) throw new Error(`the workbench answered ${response?.status()}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    console.log('[sandbox] the workbench is served');
    // examples/ holds .retro-health.json: "workspaceContains" activates the extension at start-up.
    let activation = null;
    for (let i = 0; i < 600 && !activation; i++) {
      activation = activationLogged(dirs.userData);
      if (!activation) await sleep(100);
    }
    if (!activation) throw new Error('the extension host never logged activating retro-health.retro-health (logs under the user-data dir)');
    console.log(`[sandbox] Retro Health is active in the extension host (${activation})`);
    ok = true;
  } catch (error) {
    console.error(`[sandbox] ${error.message}`);
  } finally {
    await closeBrowser(ctx);
  }
  await stop(ok ? 0 : 1);
}

/** The extension host's log line saying it activated Retro Health (code-server writes it under user-data/logs), or null. */
function activationLogged(userData) {
  const logs = path.join(userData, 'logs');
  if (!fs.existsSync(logs)) return null;
  for (const file of fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.log'))) {
    const line = fs.readFileSync(path.join(logs, file), 'utf8').split('\n').find((text) => /activat/i.test(text) && text.includes('retro-health.retro-health'));
    if (line) return `${file}: ${line.trim()}`;
  }
  return null;
}
