// Runs the SAME in-host suite (test/e2e/out/suite.js) in desktop VS Code through @vscode/test-electron,
// for machines where its VS Code download works (contributors' laptops, public CI). Our CI and the
// offline machines use the code-server route instead: test/e2e/run-e2e.sh.
//
//   npm run build && node test/e2e/build.mjs && npx tsx test/e2e/run-desktop.ts
//
// Env: VSCODE_E2E_VERSION (default 1.100.3, the VS Code inside code-server 4.100.3; 'stable' for the newest).
// On a Linux machine without a display, run it under xvfb-run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const e2e = __dirname;
  const extensionDevelopmentPath = path.resolve(e2e, '../..');
  const extensionTestsPath = path.join(e2e, 'out', 'suite.js');
  for (const file of [extensionTestsPath, path.join(extensionDevelopmentPath, 'dist', 'extension.js')]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build && node test/e2e/build.mjs\` first`);
  }
  // The tests may edit files: give them a fresh copy of the fixture workspace.
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-e2e-desktop-'));
  const workspace = path.join(run, 'workspace');
  fs.cpSync(path.join(e2e, 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_E2E_VERSION ?? '1.100.3',
      extensionDevelopmentPath,
      extensionTestsPath,
      // runTests adds --disable-workspace-trust, --skip-welcome and a private .vscode-test/user-data itself.
      launchArgs: [workspace, '--disable-extensions'], // other installed extensions stay out; built-ins (markdown) still load
    });
  } finally {
    fs.rmSync(run, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('[e2e:desktop] FAIL', error);
  process.exit(1);
});
