// Workspace-wide problems in a real VS Code: with retroHealth.problems = "workspace", a retro that
// is on disk but not open shows its findings in the Problems panel, follows changes made on disk,
// and the excluded or too-large stay out; back to "open", they are cleared.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { removeQuietly, setSetting, stats, waitFor, workspaceFile } from './helpers';

const SICK = '# Sprint 12 retro\n\n## What didn\'t go well\n\n- Lots of requirements didn’t come out until UAT.\n';
const HEALTHY = '# Sprint 12 retro\n\n## What went well\n\n- The deploy pipeline got faster.\n';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Retro Health');
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

describe('workspace-wide problems', function () {
  this.timeout(90_000);
  const onDisk = workspaceFile('retros', 'disk-only', '2026-06-01-disk-only.md');
  const tooLarge = workspaceFile('retros', 'disk-only', '2026-06-02-large-retro.md');

  after(async () => {
    await setSetting('problems', undefined);
    await setSetting('maxFileSizeKB', undefined);
    await removeQuietly(workspaceFile('retros', 'disk-only'));
  });

  it('shows a retro that is not open, follows edits and deletion on disk, skips files over the size limit, and clears on "open"', async () => {
    await write(onDisk, SICK);
    await write(tooLarge, SICK + `\n${'- filler line for size.\n'.repeat(200)}`);
    await setSetting('maxFileSizeKB', 2);
    await setSetting('problems', 'workspace');
    await stats().then((counters) => assert.ok(counters, 'the extension is active'));
    const found = await waitFor(() => `a finding for the unopened ${onDisk.path} (problems=${vscode.workspace.getConfiguration('retroHealth').get('problems')}; all: ${vscode.languages.getDiagnostics().filter(([, list]) => list.some((d) => d.source === 'Retro Health')).map(([uri]) => uri.path).join(', ')})`, () => (ours(onDisk).length > 0 ? ours(onDisk) : undefined), 30_000);
    assert.ok((await stats()).workspaceProblemPasses >= 1, 'at least one workspace pass');
    assert.equal(found[0]?.code && typeof found[0].code === 'object' ? found[0].code.value : undefined, 'requirements-surface-late');
    assert.equal(vscode.workspace.textDocuments.some((document) => document.uri.toString() === onDisk.toString()), false, 'the file was never opened');
    assert.equal(ours(tooLarge).length, 0, 'a file over retroHealth.maxFileSizeKB is not analysed');
    await write(onDisk, HEALTHY);
    await waitFor(() => 'the finding gone after the file changed on disk', () => (ours(onDisk).length === 0 ? true : undefined), 30_000);
    await write(onDisk, SICK);
    await waitFor(() => 'the finding back', () => (ours(onDisk).length > 0 ? true : undefined), 30_000);
    await vscode.workspace.fs.delete(onDisk);
    await waitFor(() => 'no findings for a deleted file', () => (ours(onDisk).length === 0 ? true : undefined), 30_000);
    await write(onDisk, SICK);
    await waitFor(() => 'the re-created file analysed', () => (ours(onDisk).length > 0 ? true : undefined), 30_000);
    await setSetting('problems', 'open');
    await waitFor(() => 'workspace problems cleared with "open"', () => (ours(onDisk).length === 0 ? true : undefined), 10_000);
  });
});
