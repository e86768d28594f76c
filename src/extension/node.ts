// The extension's entry in VS Code's Node extension host (desktop, remote, code-server): package.json "main".
import type * as vscode from 'vscode';
import { useShippedSentenceModel } from '../host/sentenceModelFile';
import { activateRetroHealth, type RetroHealthExports } from './extension';

export function activate(context: vscode.ExtensionContext): RetroHealthExports {
  const activateStart = performance.now();
  // Read and decoded on the first retro analysed, not here: activation stays cheap.
  useShippedSentenceModel();
  return activateRetroHealth(context, activateStart);
}

export function deactivate(): void {}
