// extensionTestsPath entry of the web pass (E2E_LAYOUT=web), bundled to test/e2e/out/web-suite.js for
// VS Code's web worker extension host: code-server runs the extension there when the workbench is
// opened with extensionDevelopmentKind=web. './setup' (mocha's browser build) must stay first.
import * as vscode from 'vscode';
import { mocha, runMocha, webLog } from './setup';
import './webHost.test';

export function run(): Promise<void> {
  webLog(`[suite] VS Code ${vscode.version} (${vscode.env.appName}, uiKind ${vscode.UIKind[vscode.env.uiKind]}), web worker extension host`);
  return new Promise<void>((resolve, reject) => {
    const total = mocha.suite.total();
    if (total === 0) {
      reject(new Error('no web tests registered: import the test files in test/e2e/web/index.ts'));
      return;
    }
    runMocha((failures) => (failures > 0 ? reject(new Error(`${failures} of ${total} web test(s) failed`)) : resolve()));
  });
}
