// The extension's entry in VS Code's web worker extension host (vscode.dev, github.dev, code-server's
// browser host): package.json "browser". No Node: the sentence model and the built-in catalog's
// compiled snapshot are read through workspace.fs, before activation returns, because the core asks
// for them synchronously on the first analysis.
import * as vscode from 'vscode';
import { builtSnapshotId, setSnapshotSource, snapshotFromFile } from '../core/matcher/snapshot';
import { setSentenceModelSource } from '../core/model';
import { activateRetroHealth, type RetroHealthExports } from './extension';

export async function activate(context: vscode.ExtensionContext): Promise<RetroHealthExports> {
  const file = (...path: string[]) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...path));
  const [model, snapshotFile] = await Promise.all([
    file('media', 'sentence-model.bin'),
    // Without it (a watch build, a read error) the catalog is compiled on the first retro instead.
    file('dist', 'catalog-snapshot.txt').then(
      (bytes) => new TextDecoder().decode(bytes),
      () => undefined,
    ),
  ]);
  setSentenceModelSource(() => model);
  const snapshot = snapshotFile === undefined ? undefined : snapshotFromFile(snapshotFile, builtSnapshotId());
  setSnapshotSource(() => snapshot);
  return activateRetroHealth(context);
}

export function deactivate(): void {}
