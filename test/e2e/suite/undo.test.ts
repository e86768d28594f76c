// Nothing lost: every quick fix and the section writer, applied to real-looking retros
// (the evaluation set, CRLF and BOM files included), is undone byte for byte by one undo.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, everyEditUndoes, workspaceFile } from './helpers';

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
      const done = await everyEditUndoes(document, original, { maxDiagnostics: 3 });
      checked += done.quickFixes + (done.sectionWritten ? 1 : 0);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.ok(checked >= 100, `edits checked: ${checked}`);
  });
});
