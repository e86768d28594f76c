// extensionTestsPath entry of the end-to-end suite, bundled to test/e2e/out/suite.js. It runs INSIDE
// the real VS Code extension host, under code-server (run-e2e.mjs) or desktop VS Code (run-desktop.ts).
// VS Code calls run(): resolve = exit code 0, reject = failure.
//
// Add a scenario: write suite/<name>.test.ts with describe/it, then import it below. The import
// order matters: './setup' (mocha + its globals) must stay first.
import * as vscode from 'vscode';
import { hostLog, mocha } from './setup';
import { EXTENSION_ID } from './helpers';
import { screenshotScene } from './scene';
import './extension.test';
import './editor.test';
import './parity.test';
import './concurrency.test';
import './section.test';
import './preview.test';
import './panel.test';
import './report.test';
import './undo.test';
import './realRetros.test';
import './retroSet.test';
import './fixAll.test';
import './workspaceProblems.test';
import './multiRoot.test';

export function run(): Promise<void> {
  hostLog(
    `[suite] VS Code ${vscode.version} (${vscode.env.appName}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, ` +
      `remote ${vscode.env.remoteName ?? 'none'}), extension host Node ${process.version}, pid ${process.pid}`,
  );
  // Which copy of Retro Health is under test; with E2E_INSTALL_VSIX it must be the one installed from the VSIX.
  const underTest = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? 'not found';
  hostLog(`[suite] extension under test: ${underTest}`);
  const installedIn = process.env.RETRO_E2E_EXPECT_INSTALLED_IN;
  if (installedIn && !underTest.startsWith(installedIn)) return Promise.reject(new Error(`expected the extension installed in ${installedIn}, found ${underTest}`));
  return new Promise<void>((resolve, reject) => {
    const total = mocha.suite.total();
    if (total === 0) {
      reject(new Error('no e2e tests registered: import the test files in test/e2e/suite/index.ts'));
      return;
    }
    try {
      mocha.run((failures) => {
        if (failures > 0) {
          reject(new Error(`${failures} of ${total} e2e test(s) failed`));
          return;
        }
        const syncDir = process.env.RETRO_E2E_SYNC;
        if (!syncDir) {
          resolve();
          return;
        }
        screenshotScene(syncDir).then(resolve, (error: unknown) => {
          hostLog(`[suite] screenshot scene failed (tests still passed): ${String(error)}`);
          resolve();
        });
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
