import * as vscode from 'vscode';
import { buildWorkspaceReport, renderReportMarkdown, REPORT_FILE_NAME, type WorkspaceReport } from '../core/report';
import type { RetroSetService } from './retroSetService';
import { collectWorkspaceRetros } from './workspaceRetros';
import { readSettings } from './settings';

/** The report and where each of its files is (the report names them workspace-relative). */
export interface ComputedReport {
  report: WorkspaceReport;
  files: ReadonlyMap<string, vscode.Uri>;
}

/**
 * The "retro of retros": every retro in the workspace analysed with a cancellable progress
 * notification that counts files, then turned into the workspace report model. Undefined when
 * cancelled, from the notification or through `token`.
 */
export async function computeWorkspaceReport(retroSets: RetroSetService, token?: vscode.CancellationToken): Promise<WorkspaceReport | undefined> {
  return (await computeWorkspaceReportWithFiles(retroSets, token))?.report;
}

/** computeWorkspaceReport, with the URI of every retro it read. */
export async function computeWorkspaceReportWithFiles(retroSets: RetroSetService, token?: vscode.CancellationToken): Promise<ComputedReport | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Retro Health: reading retros', cancellable: true },
    async (progress, progressToken) => {
      // Cancelled by the notification's button or by the caller, whichever comes first.
      const source = new vscode.CancellationTokenSource();
      const links = [progressToken.onCancellationRequested(() => source.cancel()), token?.onCancellationRequested(() => source.cancel())];
      if (token?.isCancellationRequested) source.cancel();
      try {
        let reported = 0;
        const retros = await collectWorkspaceRetros(retroSets, source.token, ({ done, total }) => {
          const percent = total ? (done / total) * 100 : 100;
          progress.report({ message: `${done} of ${total} files`, increment: percent - reported });
          reported = percent;
        });
        if (!retros || source.token.isCancellationRequested) return undefined;
        return {
          // One report for every folder: the window's setting, not a folder's.
          report: buildWorkspaceReport(
            retros.map(({ file, analysis, placement }) => ({ file, analysis, placement })),
            { staleAfterDays: readSettings(undefined, () => undefined).staleAfterDays },
          ),
          files: new Map(retros.map((retro) => [retro.file, retro.uri])),
        };
      } finally {
        for (const link of links) link?.dispose();
        source.dispose();
      }
    },
  );
}

/**
 * "Export report as Markdown": the same document as `retro-health report --format markdown`.
 * Asks where to save it, unless `target` is given (a file, or a folder to write
 * retro-health-report.md into). Resolves to where it was written; undefined when the dialog was dismissed.
 */
export async function exportReportMarkdown(report: WorkspaceReport, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  let destination = target;
  if (!destination) {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    destination = await vscode.window.showSaveDialog({
      ...(root ? { defaultUri: vscode.Uri.joinPath(root, REPORT_FILE_NAME) } : {}),
      filters: { Markdown: ['md'] },
      title: 'Export Retro Health report',
    });
  } else if (await isDirectory(destination)) {
    destination = vscode.Uri.joinPath(destination, REPORT_FILE_NAME);
  }
  if (!destination) return undefined;
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(renderReportMarkdown(report)));
  return destination;
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
