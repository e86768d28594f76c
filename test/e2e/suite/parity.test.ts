// The editor and the CLI must agree: same findings, same ranges, codes and stage severities.
// Also: a markdown file that is not a retro costs no analysis and no catalog compile.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cliFindings, codeOf, diagnosticKey, findingKey, openNew, ours, stats, waitFor } from './helpers';
import { hostLog } from './setup';

describe('editor and CLI agree', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('diagnostics match the CLI findings for the same file: ranges, codes, severities', async () => {
    const text = [
      '# Quarterly retro', '', "## What didn't go well", '',
      '- Lots of requirements didn’t come out until UAT; stakeholders kept moving the goalposts.',
      '- Finance has hired its own developers and runs a parallel system 🙃.',
      '- I let their calls go to voicemail these days.',
      '| Mad | Sad |', '|---|---|', '| So much red tape | The CRM rollout landed four months late and well over budget |', '',
    ].join('\n');
    const editor = await openNew('retros/parity-retro.md', text);
    const uri = editor.document.uri;
    const expected = (cliFindings(uri.fsPath)[0] ?? []).map(findingKey).sort();
    assert.ok(expected.length >= 5, `the CLI should find several symptoms, found ${expected.length}`);
    const actual = await waitFor(
      () => `diagnostics equal to the CLI's ${JSON.stringify(expected)}; have ${JSON.stringify(ours(uri).map(codeOf))}`,
      () => {
        const mine = ours(uri).map(diagnosticKey).sort();
        return mine.length === expected.length ? mine : undefined;
      },
    );
    assert.deepEqual(actual, expected);
    // This workspace has no team file: the built-in catalog came from the build's snapshot, not a compile in the editor.
    assert.ok((await stats()).catalogsFromSnapshot > 0, 'the built-in catalog was compiled in the editor instead of loaded from dist/catalog-snapshot.txt');
  });

  it('a markdown file that is not a retro costs no analysis and compiles no catalog', async () => {
    // Let activation's deferred start-up work (open retros, the team file's check) finish first.
    await stats();
    await new Promise((resolve) => setTimeout(resolve, 800));
    const before = await stats();
    const editor = await openNew('docs/plain-notes.md', '# Notes\n\nIT just doesn’t get it, says the sticker on my laptop.\n');
    await new Promise((resolve) => setTimeout(resolve, 800));
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Typing here.\n'));
    await new Promise((resolve) => setTimeout(resolve, 800));
    const after = await stats();
    assert.equal(after.analyses, before.analyses, 'no analysis ran');
    assert.equal(after.catalogsCompiled, before.catalogsCompiled, 'no catalog was compiled');
    assert.deepEqual(ours(editor.document.uri), []);
    // The Node build keeps the core in dist/core.js, loaded on first use (esbuild.js): never by activation.
    assert.equal(after.coreLoadedAtActivation, false, 'activation loaded dist/core.js');
    hostLog(`[stats] module load ${after.moduleLoadMs.toFixed(1)} ms, activate() ${after.activateMs.toFixed(1)} ms, core load ${after.coreLoadMs?.toFixed(1) ?? 'not yet'} ms on first use`);
  });
});
