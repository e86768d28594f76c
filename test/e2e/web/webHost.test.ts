// Retro Health as a web extension, in code-server's web worker extension host (the closest real one to
// vscode.dev / github.dev that runs here): no Node at all, files only through workspace.fs. Diagnostics
// on a retro, a quick fix applied and undone, the panel, the section writer and the workspace report.
import * as vscode from 'vscode';

const EXTENSION_ID = 'retro-health.retro-health';
const LATE = 'Lots of requirements didn’t come out until UAT.';
const RETRO = `# Sprint 12 retro\n\n## What didn't go well\n\n- ${LATE}\n- Finance has hired its own developers and runs a parallel system.\n\n## Action items\n\n- [ ] Fix the flaky e2e test\n`;

function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function waitFor<T>(what: string | (() => string), probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Retro Health');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function openRetro(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'a workspace folder is open');
  const uri = vscode.Uri.joinPath(folder.uri, 'retros', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(RETRO));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

async function undoTo(document: vscode.TextDocument, original: string, what: string): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('undo');
  await waitFor(`one undo of ${what} to restore the retro`, () => (document.getText() === original ? true : undefined), 5_000);
}

describe('web worker extension host', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs the browser bundle, with no Node around it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    ok(extension, 'Retro Health is installed');
    await extension.activate();
    ok(extension.isActive, 'activated');
    const scope = globalThis as { importScripts?: unknown; process?: { versions?: { node?: string } } };
    ok(typeof scope.importScripts === 'function', 'the tests (and so the extension) run in a web worker');
    ok(scope.process?.versions?.node === undefined, 'no Node.js in this host');
    ok((extension.packageJSON as { browser?: string }).browser === './dist/web/extension.js', 'the manifest names the browser entry');
  });

  it('highlights the symptoms of a retro', async () => {
    const document = await openRetro('2026-06-12-web.md');
    const late = await waitFor('the late-requirements finding', () => ours(document.uri).find((d) => codeOf(d) === 'requirements-surface-late'));
    ok(document.getText(late.range).length > 0, 'on the sentence');
    ok(ours(document.uri).some((d) => codeOf(d) !== 'requirements-surface-late'), 'the other symptom too (the sentence model is loaded)');
    const stats = await vscode.commands.executeCommand<{ catalogsFromSnapshot: number }>('retroHealth.internal.stats');
    ok(stats.catalogsFromSnapshot > 0, 'the built-in catalog came from dist/catalog-snapshot.txt (read through workspace.fs), not compiled in the worker');
  });

  it('applies a quick fix and one undo takes it back', async () => {
    const document = await openRetro('2026-06-13-web.md');
    const late = await waitFor('a finding', () => ours(document.uri).find((d) => codeOf(d) === 'requirements-surface-late'));
    let offered: string[] = [];
    const fix = await waitFor(
      () => `a treatment quick fix among: ${offered.join(' | ')}`,
      async () => {
        const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, late.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
        offered = actions.map((action) => action.title);
        return actions.find((action) => action.edit !== undefined || action.command?.command === 'retroHealth.addActionItem');
      },
    );
    if (fix.edit) ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    else if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    ok(document.getText() !== RETRO, 'the retro changed');
    await undoTo(document, RETRO, fix.title);
  });

  it('writes the health section (one undo takes it back)', async () => {
    const document = await openRetro('2026-06-14-web.md');
    await waitFor('a finding', () => ours(document.uri)[0]);
    ok((await vscode.commands.executeCommand('retroHealth.writeHealthSection', document.uri.toString())) === true, 'the section is written');
    ok(document.getText().includes('<!-- retro-health:begin'), 'the section markers are in the retro');
    await undoTo(document, RETRO, 'the section');
  });

  it('opens the retrospective panel', async () => {
    await openRetro('2026-06-15-web.md');
    await vscode.commands.executeCommand('retroHealth.openPanel');
    const probe = () => vscode.commands.executeCommand<{ open: boolean; webviewReady: boolean; findings?: number }>('retroHealth.internal.panel');
    await waitFor('the panel webview to be ready', async () => {
      const state = await probe();
      return state.open && state.webviewReady ? state : undefined;
    });
  });

  it('builds the workspace report from workspace.fs', async () => {
    await openRetro('2026-06-16-web.md');
    const shown = await vscode.commands.executeCommand<{ status: string }>('retroHealth.showWorkspaceReport');
    ok(shown.status === 'ready', `report status ${shown.status}`);
    const probe = await vscode.commands.executeCommand<{ report?: { retros: number } }>('retroHealth.internal.report');
    // The two fixture retros and the five this suite wrote, found on disk through findFiles, not only the open one.
    ok((probe.report?.retros ?? 0) >= 7, `the report counts the workspace's retros: ${JSON.stringify(probe.report?.retros)}`);
  });
});
