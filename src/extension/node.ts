// The extension's entry in VS Code's Node extension host (desktop, remote, code-server): package.json "main".
// The pure core is its own bundle (dist/core.js, loaded on first use: see esbuild.js), which registers
// the shipped sentence model (src/host/sentenceModelFile.ts) as it loads; the model file itself is
// read and decoded on the first retro analysed. Activation stays cheap.
import type * as vscode from 'vscode';
import { useShippedSentenceModel } from '../host/sentenceModelFile';
import { activateRetroHealth, type RetroHealthExports } from './extension';

/** Defined (true) by builds that put the core in its own bundle; a one-bundle build (watch) leaves it undefined. */
declare const __CORE_IN_ITS_OWN_BUNDLE__: boolean | undefined;

export function activate(context: vscode.ExtensionContext): RetroHealthExports {
  const activateStart = performance.now();
  if (typeof __CORE_IN_ITS_OWN_BUNDLE__ === 'undefined') useShippedSentenceModel();
  return activateRetroHealth(context, activateStart);
}

export function deactivate(): void {}
