import { yieldToHost } from './yieldToHost';
import * as vscode from 'vscode';
import { isShownInTab, toDiagnostics } from './analysisService';
import type { RetroSetService } from './retroSetService';
import { readSettings } from './settings';
import type { TeamCatalogs } from './teamCatalogs';

/** File changes arriving together (a checkout, a formatter over many files) are read once. */
const REFRESH_DELAY_MS = 500;

export type ProblemsScope = 'open' | 'workspace';

/** `retroHealth.problems`: "workspace" when any workspace folder asks for it. */
export function problemsScope(): ProblemsScope {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const scopes = folders.length ? folders.map((folder) => folder.uri) : [undefined];
  return scopes.some((scope) => vscode.workspace.getConfiguration('retroHealth', scope).get('problems') === 'workspace') ? 'workspace' : 'open';
}

/**
 * `retroHealth.problems: "workspace"`: every retro of the workspace (the retro set: excludes and
 * the size limit honoured) is analysed in the background, with progress in the status bar and a
 * way to cancel, and its findings go to the Problems panel; file changes on disk are followed.
 * Retros open in an editor are left to the AnalysisService (their buffer, not the disk, counts),
 * so a file never shows its findings twice. "open" (the default) clears all of this.
 */
export class WorkspaceProblems implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('retro-health-workspace');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private watcher: vscode.FileSystemWatcher | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: vscode.CancellationTokenSource | undefined;
  /** How many workspace-wide passes finished (for the tests). */
  passes = 0;

  constructor(
    private readonly retroSets: RetroSetService,
    catalogs: TeamCatalogs,
    private readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('retroHealth') || event.affectsConfiguration('files.exclude') || event.affectsConfiguration('search.exclude')) this.apply();
      }),
      catalogs.onDidChange(() => this.schedule()),
      // A retro opened in an editor is the AnalysisService's; closed again, it is read from disk.
      vscode.window.tabGroups.onDidChangeTabs(() => this.schedule()),
      { dispose: () => this.stop() },
    );
    // After activation returns: the first settings read of a session costs the host ~5 ms, and this
    // background pass is no reason to hold up activation.
    const firstApply = setTimeout(() => this.apply(), 0);
    this.disposables.push({ dispose: () => clearTimeout(firstApply) });
  }

  private apply(): void {
    if (problemsScope() === 'workspace') {
      if (!this.watcher) {
        this.watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,mdown,mkd}');
        this.watcher.onDidCreate(() => this.schedule());
        this.watcher.onDidChange(() => this.schedule());
        this.watcher.onDidDelete(() => this.schedule());
      }
      this.schedule(0, true);
    } else {
      this.stop();
      this.diagnostics.clear();
    }
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running?.cancel();
    this.watcher?.dispose();
    this.watcher = undefined;
  }

  private schedule(delay = REFRESH_DELAY_MS, first = false): void {
    if (!this.watcher) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(first), delay);
  }

  /**
   * One pass over the workspace's retros; a newer pass cancels an older one. The first pass after
   * switching to "workspace" shows a notification with Cancel; later ones (files changed) only the
   * status bar.
   */
  private async refresh(first: boolean): Promise<void> {
    this.running?.cancel();
    const source = (this.running = new vscode.CancellationTokenSource());
    const location = first ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    try {
      await vscode.window.withProgress({ location, title: 'Retro Health: reading the workspace\u2019s retros for the Problems panel', cancellable: true }, async (progress, token) => {
        const link = token.onCancellationRequested(() => source.cancel());
        try {
          const retros = await this.retroSets.collect({ token: source.token, onProgress: (done, total) => progress.report({ message: `${done} of ${total} files` }) });
          if (!retros || source.token.isCancellationRequested) return;
          const next = new Map<string, vscode.Diagnostic[]>();
          for (const member of retros.set.retros) {
            const uri = retros.uriOf(member);
            if (isShownInTab(uri)) continue;
            const settings = readSettings(uri, () => undefined);
            if (!settings.enable) continue;
            next.set(uri.toString(), toDiagnostics(this.retroSets.analysisOf(member, uri), settings, uri));
            // Let other work of the extension host in between analyses.
            if (next.size % 10 === 0) await yieldToHost();
            if (source.token.isCancellationRequested) return;
          }
          this.diagnostics.clear();
          for (const [uri, diagnostics] of next) this.diagnostics.set(vscode.Uri.parse(uri), diagnostics);
          this.passes += 1;
        } finally {
          link.dispose();
        }
      });
    } catch (error) {
      this.output.appendLine(`[workspace problems] ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (this.running === source) this.running = undefined;
      source.dispose();
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
