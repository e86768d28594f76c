// The extension's entry in VS Code's web worker extension host (vscode.dev, github.dev, code-server's
// browser host): package.json "browser". No Node: the sentence model is read through workspace.fs,
// before activation returns, because the core asks for it synchronously on the first analysis.
import * as vscode from 'vscode';
import { setSentenceModelSource } from '../core/model';
import { activateRetroHealth, type RetroHealthExports } from './extension';

export async function activate(context: vscode.ExtensionContext): Promise<RetroHealthExports> {
  const modelUri = vscode.Uri.joinPath(context.extensionUri, 'media', 'sentence-model.bin');
  const model = await vscode.workspace.fs.readFile(modelUri);
  setSentenceModelSource(() => model);
  return activateRetroHealth(context);
}

export function deactivate(): void {}
