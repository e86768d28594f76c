// Concurrency in a real VS Code: edits that arrive while analyses are scheduled and run, a section
// write-back racing an edit, and files closed while their analysis (or a write) is in flight.
// What the analysis service holds per document is read through the test-only inspection that
// activate() returns (`testing.heldFor`); the write-back race uses its `testing.sectionWrite` pause point.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, panelWhere, probe, cliFindings, codeOf, describeDiagnostics, diagnosticKey, findingKey, openNew, ours, sleep, stats, testing, waitFor, waitForDiagnostic, type CliFinding } from './helpers';

/** src/extension/analysisService.ts REFRESH_DELAY_MS: re-analysis runs this long after the last edit. */
const DEBOUNCE_MS = 300;
const LATE = 'Lots of requirements didn’t come out until UAT.';
const SHADOW = 'Finance has hired its own developers and runs a parallel system.';
const BEGIN = '<!-- retro-health:begin -->';
const END = '<!-- retro-health:end -->';
const isLate = (d: vscode.Diagnostic) => codeOf(d) === 'requirements-surface-late';
const count = (text: string, what: string) => text.split(what).length - 1;

/** Waits until nothing is pending for the document and its diagnostics are those of `expected`, for its current version. */
function settledOn(document: vscode.TextDocument, expected: readonly string[]): Promise<string[]> {
  const held = () => testing().heldFor(document.uri);
  return waitFor(
    () => `the analysis of version ${document.version} to settle on ${JSON.stringify(expected)}; held ${JSON.stringify(held())}, have ${JSON.stringify(ours(document.uri).map(diagnosticKey).sort())}`,
    () => {
      const now = held();
      const mine = ours(document.uri).map(diagnosticKey).sort();
      return now.includes(`analysed@${document.version}`) && !now.includes('timer') && JSON.stringify(mine) === JSON.stringify(expected) ? mine : undefined;
    },
    10_000,
  );
}

describe('concurrency: edits, write-backs and closing race the analysis', () => {
  before(activateExtension);
  afterEach(async () => {
    testing().sectionWrite.beforeApply = undefined;
    testing().sectionWrite.afterHistory = undefined;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a burst of edits above the symptoms ends with the diagnostics of a fresh analysis, on the current ranges', async () => {
    const lines = ['# Burst retro', ...Array.from({ length: 20 }, (_, i) => `Filler line ${i + 1}.`), '', "## What didn't go well", '', `- ${LATE}`, `- ${SHADOW}`, '- So much red tape.', ''];
    const editor = await openNew('retros/burst-retro.md', lines.join('\n'));
    const document = editor.document;
    const uri = document.uri;
    await waitFor(() => `three findings before the burst; have ${describeDiagnostics(ours(uri))}`, () => (ours(uri).length === 3 ? true : undefined));
    // The burst, typed in the workbench like a user (not versioned edits the editor could refuse), each
    // round's commands fired without waiting: lines typed above the symptoms, lines deleted above them
    // (never more deletions than filler lines, so the symptom lines themselves stay), once a line with a
    // new symptom. Between some rounds the keystrokes land and a pause lets the debounced analysis run
    // (or nearly), so the next round arrives just after or just before an analysis.
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const before = await stats();
    const pending: Thenable<unknown>[] = [];
    const fire = (command: string, args?: unknown) => pending.push(vscode.commands.executeCommand(command, args));
    const pauses = [0, 50, DEBOUNCE_MS + 150, 0, DEBOUNCE_MS - 30, 10, DEBOUNCE_MS + 150, 0, DEBOUNCE_MS - 10, 0, 0];
    let analysesDuringBurst = 0;
    for (const [round, pause] of pauses.entries()) {
      fire('type', { text: `Intro ${round}\n` });
      fire('type', { text: `More ${round}\n` });
      if (round % 3 !== 2) fire('editor.action.deleteLines');
      if (round === 4) fire('type', { text: 'Again: so much red tape.\n' });
      if (pause > 0) {
        await Promise.all(pending);
        await sleep(pause);
      }
      if (round === pauses.length - 2) analysesDuringBurst = (await stats()).analyses - before.analyses;
    }
    await Promise.all(pending);
    assert.ok(analysesDuringBurst >= 2, `analyses ran while the burst was arriving (${analysesDuringBurst})`);
    assert.ok(document.isDirty && document.version > 20, `the burst reached the buffer (version ${document.version})`);

    // A fresh analysis of the final text, by the CLI on the saved buffer.
    assert.ok(await document.save(), 'saved');
    const findings = cliFindings(uri.fsPath)[0] as CliFinding[];
    const expected = findings.map(findingKey).sort();
    assert.equal(findings.length, 4, `the CLI finds the three symptoms and the typed one: ${JSON.stringify(expected)}`);
    assert.deepEqual(await settledOn(document, expected), expected);
    // Nothing stale lands afterwards.
    await sleep(DEBOUNCE_MS + 300);
    assert.deepEqual(ours(uri).map(diagnosticKey).sort(), expected, 'still the final analysis after the debounce');
    // Every range covers its symptom's text in the current document.
    for (const diagnostic of ours(uri)) {
      const finding = findings.find((f) => findingKey(f) === diagnosticKey(diagnostic)) as CliFinding;
      assert.equal(document.getText(diagnostic.range), finding.text, `${diagnosticKey(diagnostic)} covers its text`);
    }
    for (const line of [`- ${LATE}`, `- ${SHADOW}`, '- So much red tape.']) assert.ok(document.getText().includes(`\n${line}\n`), `${line} is intact`);
  });

  describe('a section write-back against a document that changed between computing and applying', () => {
    const RETRO = ['---', 'date: 2026-05-02', 'team: race', '---', '# Race retro', '', `- ${LATE}`, ''].join('\r\n');
    const TYPED = `- ${SHADOW}\r\n`;
    /** The body after the user's edit: the new symptom line typed above the UAT line. */
    const EDITED = RETRO.replace(`- ${LATE}`, `${TYPED}- ${LATE}`);

    /** Exactly one section, after the edited body, which is intact, and the one for the final text. */
    async function assertOneUpToDateSection(document: vscode.TextDocument): Promise<void> {
      const text = document.getText();
      assert.equal(count(text, BEGIN), 1, 'one begin marker');
      assert.equal(count(text, END), 1, 'one end marker');
      assert.ok(text.startsWith(EDITED), `the text above the section is the edited retro, nothing lost: ${JSON.stringify(text.slice(0, EDITED.length + 40))}`);
      assert.match(text.slice(EDITED.length), new RegExp(`^\\r\\n${BEGIN}\\r\\n[^]*\\r\\n${END}\\r\\n$`), 'only the section follows');
      assert.match(text, /- Line 7: Shadow IT/i, 'the section lists the symptom typed meanwhile, at its line');
      assert.match(text, /- Line 8: Requirements surface only at acceptance testing/, 'and the UAT line where it is now');
      assert.ok(!/[^\r]\n/.test(text), 'CRLF kept');
      const version = document.version;
      assert.equal(await vscode.commands.executeCommand('retroHealth.writeHealthSection', document.uri.toString()), true);
      assert.equal(document.version, version, 'writing again changes nothing: the section matches the final text');
    }

    /** The user's edit: the new symptom line above the UAT line, as a keystroke in the editor would land. */
    const typeAbove = (editor: vscode.TextEditor) => editor.edit((builder) => builder.insert(new vscode.Position(6, 0), TYPED));

    it('an edit the writer had not seen yet: the editor refuses the stale section, the writer computes it again', async () => {
      const editor = await openNew('retros/2026-05-02-race.md', RETRO);
      const document = editor.document;
      let calls = 0;
      let typed: Thenable<boolean> | undefined;
      // Sent, not awaited: the edit lands in the editor just before the section computed for the old
      // text arrives there, and this extension host hears of it only afterwards.
      testing().sectionWrite.beforeApply = () => {
        calls += 1;
        if (calls === 1) typed = typeAbove(editor);
      };
      assert.equal(await vscode.commands.executeCommand('retroHealth.writeHealthSection', document.uri.toString()), true, 'the section is written');
      assert.equal(await typed, true, "the user's edit went in first");
      assert.equal(calls, 2, 'computed twice: refused once, then written');
      await assertOneUpToDateSection(document);
    });

    it('an edit the writer saw before applying: the stale section is never sent, it is computed again', async () => {
      const editor = await openNew('retros/2026-05-03-race.md', RETRO.replace('2026-05-02', '2026-05-03'));
      const document = editor.document;
      let calls = 0;
      testing().sectionWrite.beforeApply = async () => {
        calls += 1;
        if (calls === 1) assert.equal(await typeAbove(editor), true);
      };
      assert.equal(await vscode.commands.executeCommand('retroHealth.writeHealthSection', document.uri.toString()), true);
      assert.equal(calls, 2, 'computed twice');
      // the date differs from the first scenario: compare with that document's own body
      const text = document.getText();
      assert.equal(count(text, BEGIN), 1);
      assert.ok(text.startsWith(EDITED.replace('2026-05-02', '2026-05-03')), 'nothing lost above the section');
      assert.match(text, /- Line 7: Shadow IT/i);
      const version = document.version;
      assert.equal(await vscode.commands.executeCommand('retroHealth.writeHealthSection', document.uri.toString()), true);
      assert.equal(document.version, version, 'the section matches the final text');
    });

    it('a document that keeps changing: the writer gives up, writes nothing and loses nothing', async () => {
      const editor = await openNew('retros/2026-05-04-race.md', RETRO);
      const document = editor.document;
      let calls = 0;
      testing().sectionWrite.beforeApply = async (target) => {
        calls += 1;
        const edit = new vscode.WorkspaceEdit();
        edit.insert(target.uri, new vscode.Position(5, 0), `Typed ${calls}\r\n`);
        assert.equal(await vscode.workspace.applyEdit(edit), true);
      };
      assert.equal(await vscode.commands.executeCommand('retroHealth.writeHealthSection', document.uri.toString()), false, 'not written');
      assert.ok(calls >= 2, `tried again (${calls})`);
      const typed = Array.from({ length: calls }, (_, i) => `Typed ${calls - i}\r\n`).join('');
      assert.equal(document.getText(), RETRO.replace('# Race retro\r\n', `# Race retro\r\n${typed}`), 'exactly the user’s edits, no section');
    });
  });

  describe('closing a file mid-analysis leaks nothing', () => {
    /** Nothing for the file in the Problems view, and nothing held by the analysis service. */
    async function assertNothingLeft(uri: vscode.Uri, what: string): Promise<void> {
      await waitFor(
        () => `${what}: no diagnostics and nothing held; have ${describeDiagnostics(ours(uri))}, held ${JSON.stringify(testing().heldFor(uri))}`,
        () => (ours(uri).length === 0 && testing().heldFor(uri).length === 0 ? true : undefined),
      );
      await sleep(DEBOUNCE_MS + 300); // a pending re-analysis would have run by now
      assert.deepEqual(ours(uri), [], `${what}: no diagnostics came back`);
      assert.deepEqual(testing().heldFor(uri), [], `${what}: nothing held`);
    }

    it('closed while its re-analysis is pending: diagnostics cleared, no state, no timer', async () => {
      const editor = await openNew('retros/close-mid-analysis.md', `# Retro\n\n- ${LATE}\n`);
      const uri = editor.document.uri;
      await waitForDiagnostic(uri, isLate, 'the finding before the edit');
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'A new first line\n'));
      assert.ok(testing().heldFor(uri).includes('timer'), `a re-analysis is pending: ${JSON.stringify(testing().heldFor(uri))}`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await assertNothingLeft(uri, 'closed with a re-analysis pending');
    });

    it('a non-retro analysed with Analyze This File, edited, closed: not kept analysed', async () => {
      const editor = await openNew('docs/forced-then-closed.md', `# Notes\n\n- ${LATE}\n`);
      const uri = editor.document.uri;
      await vscode.commands.executeCommand('retroHealth.analyzeFile');
      await waitForDiagnostic(uri, isLate, 'the finding after Analyze This File');
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Typing.\n'));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await assertNothingLeft(uri, 'forced, edited, closed');
      // Reopened, it is a plain markdown file again.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await sleep(DEBOUNCE_MS + 300);
      assert.deepEqual(ours(uri), [], 'the forced analysis did not outlive the close');
    });

    it('closed while the section writer reads the team history: no state or diagnostics resurrected', async () => {
      const editor = await openNew('retros/2026-05-05-close-while-writing.md', `# Retro\n\n- ${LATE}\n`);
      const document = editor.document;
      const uri = document.uri;
      await waitForDiagnostic(uri, isLate, 'the finding before writing');
      // The history is read from a cache once the panel or an earlier write has read it: close at the hook, not by timing.
      testing().sectionWrite.afterHistory = () => vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      const written = await vscode.commands.executeCommand<boolean>('retroHealth.writeHealthSection', uri.toString());
      await assertNothingLeft(uri, 'closed while the section was being written');
      assert.equal(written, false, 'the closed retro was not written');
      assert.equal(document.getText(), `# Retro\n\n- ${LATE}\n`, 'nothing written into the closed retro');
    });

    it('the panel still showing a closed retro: reopened, it shows the retro and resurrects nothing', async () => {
      const editor = await openNew('retros/2026-05-07-panel-closed.md', `# Retro\n\n- ${LATE}\n`);
      const uri = editor.document.uri;
      await waitForDiagnostic(uri, isLate, 'the finding before the panel');
      await vscode.commands.executeCommand('retroHealth.openPanel');
      await panelWhere('the panel on the retro', (p) => p.webviewReady && p.status === 'ready' && p.documentUri === uri.toString());
      // Close the retro's tab only: the panel stays, still following it.
      const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
      assert.ok(tab);
      await vscode.window.tabGroups.close(tab);
      await assertNothingLeft(uri, 'retro tab closed');
      // "Open Retrospective Panel" with no retro in an editor: the panel rebuilds its view of the closed retro.
      await vscode.commands.executeCommand('retroHealth.openPanel');
      await sleep(500); // the panel posts its new state 25 ms after the command
      const panel = await probe();
      assert.deepEqual([panel.status, panel.documentUri, panel.stage], ['ready', uri.toString(), 'early'], 'the panel shows the closed retro');
      await assertNothingLeft(uri, 'the panel rebuilt its view of the closed retro');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await panelWhere('the panel to close', (p) => !p.open);
    });

    it('a retro open in no tab, written by URI: analysed for the command, nothing kept', async () => {
      const uri = (await openNew('retros/2026-05-06-no-tab.md', `# Retro\n\n- ${LATE}\n`)).document.uri;
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await assertNothingLeft(uri, 'tab closed');
      const document = await vscode.workspace.openTextDocument(uri); // the buffer, in no editor
      assert.equal(await vscode.commands.executeCommand('retroHealth.writeHealthSection', uri.toString()), true);
      assert.match(document.getText(), /- Line 3: Requirements surface only at acceptance testing/, 'the section is that of its analysis');
      await assertNothingLeft(uri, 'written by URI');
      // Back as it was: undo in an editor, then close without saving.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      await waitFor(() => 'the section undone', () => (document.getText() === `# Retro\n\n- ${LATE}\n` ? true : undefined));
    });
  });
});
