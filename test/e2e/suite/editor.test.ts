// Named scenarios of the editor experience, run in a real VS Code extension host:
// live diagnostics from the buffer, hover, quick fixes with undo, suppression, settings,
// the team file, size limits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzeActiveFile, codeOf, describeDiagnostics, openNew, ours, setSetting, stats, waitFor, waitForDiagnostic, waitForNone, workspaceFile } from './helpers';

const LATE = 'Lots of requirements didn’t come out until UAT.';
const RETRO_CRLF = ['---', 'date: 2026-04-01', 'team: claims', '---', '# Sprint 7 retro', '', "## What didn't go well", '', `- ${LATE}`, '- Finance has hired its own developers and runs a parallel system.', '', '## Action items', '', '- [ ] Fix the flaky e2e test', ''].join('\r\n');

const isLate = (d: vscode.Diagnostic) => codeOf(d) === 'requirements-surface-late';

describe('editor: live symptoms', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const key of ['severity.early', 'files', 'maxFileSizeKB']) await setSetting(key, undefined);
  });

  it('a retro is analysed on open, with the stage severity and a link to the symptom', async () => {
    const editor = await openNew('retros/2026-04-01-claims.md', RETRO_CRLF);
    const late = await waitForDiagnostic(editor.document.uri, isLate, 'requirements-surface-late on open');
    assert.equal(late.severity, vscode.DiagnosticSeverity.Information, 'early stage → Information by default');
    assert.equal(editor.document.getText(late.range), 'Lots of requirements didn’t come out until UAT');
    assert.equal(late.range.start.line, 8);
    assert.equal(late.range.start.character, 2);
    const shadow = await waitForDiagnostic(editor.document.uri, (d) => codeOf(d) === 'shadow-it', 'shadow-it on open');
    assert.equal(shadow.severity, vscode.DiagnosticSeverity.Warning, 'advanced stage → Warning by default');
    const code = late.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.scheme, 'retro-health');
    const page = await vscode.workspace.openTextDocument(code.target);
    assert.match(page.getText(), /# Requirements surface only at acceptance testing/);
    // No team file here: the built-in catalog came from dist/catalog-snapshot.txt (in the VSIX too: this runs in the smoke).
    assert.ok((await stats()).catalogsFromSnapshot > 0, 'the built-in catalog was compiled instead of loaded from dist/catalog-snapshot.txt');
  });

  it('a markdown file that is not a retro is left alone until "Analyze This File"', async () => {
    const editor = await openNew('docs/notes.md', `# Notes\n\n${LATE}\n`);
    await new Promise((resolve) => setTimeout(resolve, 800));
    assert.deepEqual(ours(editor.document.uri), [], 'no diagnostics on a non-retro');
    const diagnosis = await analyzeActiveFile();
    assert.equal(diagnosis?.stage, 'early');
    await waitForDiagnostic(editor.document.uri, isLate, 'diagnostic after Analyze This File');
  });

  it('front matter "retro: true" makes any markdown file a retro', async () => {
    const editor = await openNew('docs/sync.md', `---\nretro: true\n---\n${LATE}\n`);
    await waitForDiagnostic(editor.document.uri, isLate, 'diagnostic on a retro: true file');
  });

  it('typing updates the diagnostics from the unsaved buffer, on the right ranges', async () => {
    const editor = await openNew('retros/typing-retro.md', '# Retro\n\n- All good this sprint.\n');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(ours(editor.document.uri), []);
    await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), `- ${LATE}\n`));
    assert.ok(editor.document.isDirty, 'never saved');
    const late = await waitForDiagnostic(editor.document.uri, isLate, 'diagnostic after typing');
    assert.equal(late.range.start.line, 2);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Intro line\n\n'));
    await waitForDiagnostic(editor.document.uri, (d) => isLate(d) && d.range.start.line === 4, 'the diagnostic to follow the text down two lines');
    await editor.edit((edit) => edit.delete(editor.document.lineAt(4).rangeIncludingLineBreak));
    await waitForNone(editor.document.uri, isLate, 'the diagnostic to go when the text goes');
  });

  it('closing the file clears its diagnostics', async () => {
    const editor = await openNew('retros/close-retro.md', `- ${LATE}\n`);
    const uri = editor.document.uri;
    await waitForDiagnostic(uri, isLate, 'diagnostic before closing');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => `diagnostics cleared; have ${describeDiagnostics(ours(uri))}`, () => (ours(uri).length === 0 ? true : undefined), 10_000);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostic(uri, isLate, 'diagnostics back when the file is reopened');
  });

  it('hover shows the stage, the side, what it signals and the treatments', async () => {
    const editor = await openNew('retros/hover-retro.md', `- ${LATE}\n`);
    const late = await waitForDiagnostic(editor.document.uri, isLate, 'diagnostic for hover');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, late.range.start.translate(0, 5));
    const text = hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Requirements surface only at acceptance testing/);
    assert.match(text, /early.*the sniffles/);
    assert.match(text, /IT side/);
    assert.match(text, /Treatments/);
  });

  it('quick fix adds the treatment under "Action items" once, keeps CRLF, and undo restores every byte', async () => {
    const editor = await openNew('retros/2026-04-02-fix.md', RETRO_CRLF);
    const uri = editor.document.uri;
    const before = editor.document.getText();
    const late = await waitForDiagnostic(uri, isLate, 'diagnostic for the quick fix');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, late.range, vscode.CodeActionKind.QuickFix.value);
    const add = actions.filter((a) => a.title.startsWith('Add action item: '));
    assert.ok(add.length >= 1 && add.length <= 2, actions.map((a) => a.title).join(' | '));
    assert.equal(add[0]?.isPreferred, true);
    assert.ok(actions.some((a) => a.title.includes('here')) && actions.some((a) => a.title.includes('in this file')));
    assert.ok(await vscode.workspace.applyEdit(add[0]?.edit as vscode.WorkspaceEdit));
    const item = add[0]?.title.slice('Add action item: '.length) as string;
    assert.equal(editor.document.getText(), before.replace('- [ ] Fix the flaky e2e test\r\n', `- [ ] Fix the flaky e2e test\r\n- [ ] ${item}\r\n`));
    const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, late.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(!again.some((a) => a.title === add[0]?.title), 'the same item is not offered twice');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => 'undo to restore the text', () => (editor.document.getText() === before ? true : undefined));
  });

  it('"Ignore … here" silences the symptom on that line only', async () => {
    const editor = await openNew('retros/ignore-retro.md', `- ${LATE}\n- ${LATE}\n`);
    const uri = editor.document.uri;
    await waitFor(() => `two findings; have ${describeDiagnostics(ours(uri))}`, () => (ours(uri).filter(isLate).length === 2 ? true : undefined));
    const first = ours(uri).filter(isLate).sort((a, b) => a.range.start.line - b.range.start.line)[0] as vscode.Diagnostic;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, first.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((a) => a.title.endsWith(' here'));
    assert.ok(ignore?.edit);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.equal(editor.document.getText(), `<!-- retro-health-disable-next-line requirements-surface-late -->\n- ${LATE}\n- ${LATE}\n`);
    await waitFor(() => `one finding left; have ${describeDiagnostics(ours(uri))}`, () => (ours(uri).filter(isLate).length === 1 ? true : undefined));
    assert.equal(ours(uri).filter(isLate)[0]?.range.start.line, 2);
  });

  it('"Ignore … in this file" puts one comment after the front matter and silences every finding of it', async () => {
    const editor = await openNew('retros/2026-04-03-file-ignore.md', RETRO_CRLF);
    const uri = editor.document.uri;
    const before = editor.document.getText();
    const late = await waitForDiagnostic(uri, isLate, 'diagnostic to ignore in the file');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, late.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((a) => a.title.endsWith(' in this file') && a.title.includes('acceptance testing'));
    assert.ok(ignore?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.equal(editor.document.getText(), before.replace('---\r\n# Sprint 7', '---\r\n<!-- retro-health-disable requirements-surface-late -->\r\n# Sprint 7'));
    await waitForNone(uri, isLate, 'no requirements-surface-late left');
    assert.ok(ours(uri).some((d) => codeOf(d) === 'shadow-it'), 'other symptoms stay');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => 'undo to restore the text', () => (editor.document.getText() === before ? true : undefined));
  });

  it('severity settings apply at once; an invalid value falls back to the default', async () => {
    const editor = await openNew('retros/settings-retro.md', `- ${LATE}\n`);
    const uri = editor.document.uri;
    await waitForDiagnostic(uri, isLate, 'diagnostic before settings');
    await setSetting('severity.early', 'off');
    await waitForNone(uri, isLate, 'early findings hidden by severity.early = off');
    await setSetting('severity.early', 'error');
    await waitForDiagnostic(uri, (d) => isLate(d) && d.severity === vscode.DiagnosticSeverity.Error, 'severity Error');
    await setSetting('severity.early', 'loud');
    await waitForDiagnostic(uri, (d) => isLate(d) && d.severity === vscode.DiagnosticSeverity.Information, 'the default (Information) for an invalid value');
  });

  it('a file over retroHealth.maxFileSizeKB is skipped, not analysed', async () => {
    await setSetting('maxFileSizeKB', 1);
    const editor = await openNew('retros/big-retro.md', `- ${LATE}\n${'Filler text for size. '.repeat(100)}\n`);
    await new Promise((resolve) => setTimeout(resolve, 800));
    assert.deepEqual(ours(editor.document.uri), []);
    const diagnosis = await analyzeActiveFile();
    assert.equal(diagnosis, undefined, 'Analyze This File refuses too');
  });
});

describe('editor: the team file', () => {
  const configUri = () => workspaceFile('.retro-health.json');
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try {
      await vscode.workspace.fs.delete(configUri());
    } catch {
      // already gone
    }
  });

  it('problems show at the offending property; the valid rest applies', async () => {
    const editor = await openNew('retros/team-retro.md', `- ${LATE}\n- So much red tape.\n`);
    const uri = editor.document.uri;
    await waitForDiagnostic(uri, (d) => codeOf(d) === 'red-tape', 'red-tape before the team file');
    const config = '{\n  "disable": ["red-tape"],\n  "restage": { "requirements-surface-late": "terminal" }\n}\n';
    await vscode.workspace.fs.writeFile(configUri(), Buffer.from(config, 'utf8'));
    await waitForNone(uri, (d) => codeOf(d) === 'red-tape', 'red-tape disabled by the team file', 10_000);
    const problem = await waitFor(
      () => `a problem in .retro-health.json; have ${describeDiagnostics(vscode.languages.getDiagnostics(configUri()))}`,
      () => vscode.languages.getDiagnostics(configUri()).find((d) => d.message.includes('restage.requirements-surface-late')),
      10_000,
    );
    assert.equal(problem.range.start.line, 2, 'on the line of the bad property');
    assert.ok(ours(uri).some(isLate), 'the symptom with the bad restage keeps its built-in stage');
  });

  it('"Not a symptom" records the sentence in .retro-health.json (created, saved, one undoable edit) and the finding goes', async () => {
    const editor = await openNew('retros/verdict-retro.md', `- ${LATE}\n- So much red tape.\n`);
    const uri = editor.document.uri;
    const late = await waitForDiagnostic(uri, isLate, 'the finding to judge');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, late.range, vscode.CodeActionKind.QuickFix.value);
    const notSymptom = actions.find((a) => a.title.startsWith('Not a symptom'));
    assert.ok(notSymptom?.command, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title.startsWith('This is a different symptom')), 'the relabel quick fix is offered too');
    await vscode.commands.executeCommand(notSymptom.command.command, ...(notSymptom.command.arguments ?? []));
    await waitForNone(uri, isLate, 'the judged finding gone', 10_000);
    assert.ok(ours(uri).some((d) => codeOf(d) === 'red-tape'), 'the other sentence is still judged by the detector');
    const saved = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(configUri())).toString('utf8')) as { verdicts: unknown };
    assert.deepEqual(saved.verdicts, [{ text: LATE.replace(/\.$/, ''), symptom: null }]);
    assert.equal(editor.document.getText(), `- ${LATE}\n- So much red tape.\n`, 'the retro itself is untouched');
  });

  it('a label given through the command applies to that sentence as the chosen symptom', async () => {
    const sentence = 'We have all quietly stopped inviting the store managers to planning';
    const editor = await openNew('retros/label-retro.md', `- ${sentence}.\n`);
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('retroHealth.labelSentence', { uri: uri.toString(), offset: 4, symptom: 'avoiding-the-client' });
    const labelled = await waitForDiagnostic(uri, (d) => codeOf(d) === 'avoiding-the-client', 'the labelled symptom', 10_000);
    assert.equal(editor.document.getText(labelled.range), sentence);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, labelled.range.start.translate(0, 3));
    const hoverText = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(hoverText, /Your team labelled this sentence/);
  });
});
