// Nothing lost on real text: other teams' published retrospectives (the read-only corpus in
// ../shared/corpus/real-retros, next to the repo; never copied into the repository) are copied into
// the run's temp workspace. On each: the editor finds what the CLI finds; every quick fix at every
// diagnostic, "Write Relationship Health Section" and "Add Action Item" each edit the file and one undo
// gives back every byte, CRLF included, and VS Code sees the buffer as saved again. The real texts have
// (almost) no findings, so a second pass types one symptom line at the end of each and runs every quick
// fix it gets ("Add action item" into the real action-item lists, "Ignore … in this file" after the real
// front matter, "Ignore … here") and the section writer with a finding, each undone to the typed text;
// a last undo takes the typed line away and the file is as it was.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, cliFindings, diagnosticKey, everyEditUndoes, findingKey, ours, testing, undoRestores, waitFor, workspaceFile } from './helpers';
import { hostLog } from './setup';

/** The corpus: RETRO_E2E_REAL_RETROS (set by run-e2e.mjs, E2E_REAL_RETROS overrides it), else next to the extension's folder. */
function corpusDir(): string {
  if (process.env.RETRO_E2E_REAL_RETROS) return process.env.RETRO_E2E_REAL_RETROS;
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return path.resolve(extension.extensionPath, '..', 'shared', 'corpus', 'real-retros');
}

const ACTION = 'Invite the business owner to the next retro';
const SYMPTOM = 'Lots of requirements didn’t come out until UAT.';

describe('nothing lost on real text', () => {
  const folder = () => workspaceFile('retros', 'real');
  before(activateExtension);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The copies go again, so later scenarios see the workspace as it was.
    try {
      await vscode.workspace.fs.delete(folder(), { recursive: true });
    } catch {
      // never created (corpus missing)
    }
  });

  it('real retrospectives of other teams: the section writer, Add Action Item and every quick fix (also at a typed symptom) undo byte for byte', async function () {
    this.timeout(420_000);
    const source = corpusDir();
    if (!fs.existsSync(source)) {
      hostLog(`[e2e] real-retros corpus not found at ${source}, skipping "nothing lost on real text" (set E2E_REAL_RETROS to the folder)`);
      this.skip();
    }
    const names = fs.readdirSync(source).filter((name) => name.toLowerCase().endsWith('.md')).sort();
    assert.ok(names.length >= 50, `the corpus has its markdown files (${names.length} in ${source})`);
    const started = Date.now();
    // All copies first: each section's trend and carried-over items then come from real neighbours.
    const uris = names.map((name) => vscode.Uri.joinPath(folder(), name));
    const bytes = names.map((name) => fs.readFileSync(path.join(source, name)));
    for (const [i, uri] of uris.entries()) await vscode.workspace.fs.writeFile(uri, bytes[i] as Buffer);
    const cli = cliFindings(...uris.map((uri) => uri.fsPath));
    const totals = { files: 0, crlf: 0, findings: 0, quickFixes: 0, sections: 0, actionItems: 0, seededQuickFixes: 0 };
    for (const [i, uri] of uris.entries()) {
      const name = names[i] as string;
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: false });
      const original = document.getText();
      assert.equal(original, (bytes[i] as Buffer).toString('utf8').replace(/^\uFEFF/, ''), `${name} opened as written`);
      if (original.includes('\r\n')) {
        assert.equal(document.eol, vscode.EndOfLine.CRLF, `${name} is CRLF`);
        totals.crlf += 1;
      }
      // The analysis of this version has run, so its diagnostics are all there: the CLI's findings.
      await waitFor(() => `${name} analysed; held ${JSON.stringify(testing().heldFor(uri))}`, () => (testing().heldFor(uri).includes(`analysed@${document.version}`) ? true : undefined));
      const expected = (cli[i] ?? []).map(findingKey).sort();
      assert.deepEqual(ours(uri).map(diagnosticKey).sort(), expected, `${name}: the editor finds what the CLI finds`);
      const done = await everyEditUndoes(document, original, { actionItem: ACTION, saved: true });
      assert.ok(done.sectionWritten, `${name}: the section writer edited it (and one undo took it back)`);
      assert.equal(done.diagnostics, expected.length, `${name}: quick fixes tried at every diagnostic`);
      // Second pass: one symptom typed at the end, so the quick fixes meet the real structure.
      const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const editor = await vscode.window.showTextDocument(document);
      // after a blank line, so that it is a paragraph of its own (not the tail of an HTML block or a table)
      const typed = `${original === '' || /\n$/.test(original) ? '' : eol}${eol}- ${SYMPTOM}${eol}`;
      assert.ok(await editor.edit((builder) => builder.insert(document.positionAt(original.length), typed)), `${name}: the symptom line typed`);
      const seeded = document.getText();
      await vscode.commands.executeCommand('retroHealth.analyzeFile');
      const seededDone = await everyEditUndoes(document, seeded);
      assert.ok(seededDone.diagnostics >= 1 && seededDone.quickFixes >= 3, `${name}: the typed symptom gets its quick fixes (${seededDone.quickFixes})`);
      assert.ok(seededDone.sectionWritten, `${name}: the section with the typed symptom`);
      await undoRestores(document, original, 'the typed symptom line', true);
      totals.seededQuickFixes += seededDone.quickFixes;
      assert.ok(fs.readFileSync(uri.fsPath).equals(bytes[i] as Buffer), `${name}: the copy on disk is untouched`);
      totals.files += 1;
      totals.findings += done.diagnostics;
      totals.quickFixes += done.quickFixes;
      totals.sections += 1;
      totals.actionItems += done.actionItemAdded ? 1 : 0;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.equal(totals.files, names.length);
    hostLog(
      `[real-retros] ${totals.files} files (${totals.crlf} CRLF) from ${source}: ${totals.sections} sections, ${totals.actionItems} action items, ` +
        `${totals.findings} diagnostics with ${totals.quickFixes} quick fixes; with a typed symptom ${totals.seededQuickFixes} quick fixes and ${totals.files} more sections; ` +
        `each undone byte for byte, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
