// Sets the stage for the driver's screenshot (test/e2e/out/screenshot.png, meant for the README):
// the payments retro open with its Retro Health diagnostics and the Problems panel showing them.
// Runs after a passing suite, only under the code-server driver, which sets RETRO_E2E_SYNC to a
// directory for the hand-over: the host writes `scene-ready`, the driver shoots and writes `shot-done`.
// (The shot must be taken before run() settles: the extension host exits then, and its diagnostics go.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function screenshotScene(syncDir: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const uri = vscode.Uri.joinPath(folder.uri, 'retros', '2026-03-14-payments.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  await vscode.commands.executeCommand('retroHealth.analyzeFile');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  for (let i = 0; i < 40 && vscode.languages.getDiagnostics(uri).length === 0; i++) await sleep(50);
  await sleep(500); // let the workbench paint the squiggle and the panel
  fs.writeFileSync(path.join(syncDir, 'scene-ready'), '');
  for (let i = 0; i < 300 && !fs.existsSync(path.join(syncDir, 'shot-done')); i++) await sleep(50);
}
