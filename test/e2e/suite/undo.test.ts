// Nothing lost: every quick fix and the section writer, applied to real-looking retros
// (the evaluation set, CRLF and BOM files included), is undone byte for byte by one undo.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ours, waitFor, workspaceFile } from './helpers';

const EXTENSION_ID = 'retro-health.retro-health';

async function undoRestores(document: vscode.TextDocument, original: string, what: string): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('undo');
  await waitFor(() => `one undo of ${what} to restore ${path.basename(document.uri.path)} byte for byte`, () => (document.getText() === original ? true : undefined));
}

describe('nothing lost: every edit undoes byte for byte', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('quick fixes and the section writer on the evaluation retros', async function () {
    this.timeout(180_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const source = path.join(extension.extensionPath, 'test', 'fixtures', 'eval');
    const files = fs.readdirSync(source).filter((name) => name.endsWith('.md')).sort();
    assert.ok(files.length >= 40, `the evaluation set is there (${files.length})`);
    let checked = 0;
    for (const name of files) {
      const target = workspaceFile('retros', 'undo', name);
      const bytes = fs.readFileSync(path.join(source, name));
      await vscode.workspace.fs.writeFile(target, bytes);
      const document = await vscode.workspace.openTextDocument(target);
      await vscode.window.showTextDocument(document);
      const original = document.getText();
      assert.equal(original, bytes.toString('utf8').replace(/^\uFEFF/, ''), `${name} opened as written`);
      const diagnostics = ours(target);
      for (const diagnostic of diagnostics.slice(0, 3)) {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', target, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        for (const action of actions.filter((a) => a.edit)) {
          assert.ok(await vscode.workspace.applyEdit(action.edit as vscode.WorkspaceEdit), `${name}: ${action.title}`);
          assert.notEqual(document.getText(), original, `${name}: ${action.title} changed nothing`);
          await undoRestores(document, original, action.title);
          checked += 1;
        }
      }
      if (await vscode.commands.executeCommand('retroHealth.writeHealthSection', target.toString())) {
        if (document.getText() !== original) {
          await undoRestores(document, original, 'the relationship-health section');
          checked += 1;
        }
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.ok(checked >= 100, `edits checked: ${checked}`);
  });
});
