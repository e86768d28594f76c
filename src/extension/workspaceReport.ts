import * as vscode from 'vscode';
import { buildWorkspaceReport, renderReportMarkdown, REPORT_FILE_NAME, type WorkspaceReport } from '../core/report';
import type { TeamCatalogs } from './teamCatalogs';
import { collectWorkspaceRetros } from './workspaceRetros';

/**
 * The "retro of retros": every retro in the workspace analysed with a cancellable progress
 * notification that counts files, then turned into the workspace report model.
 */
export async function computeWorkspaceReport(catalogs: TeamCatalogs): Promise<WorkspaceReport | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Retro Health: reading retros', cancellable: true },
    async (progress, token) => {
      let reported = 0;
      const retros = await collectWorkspaceRetros(catalogs, token, ({ done, total }) => {
        const percent = total ? (done / total) * 100 : 100;
        progress.report({ message: `${done} of ${total} files`, increment: percent - reported });
        reported = percent;
      });
      if (!retros || token.isCancellationRequested) return undefined;
      return buildWorkspaceReport(retros.map(({ file, analysis }) => ({ file, analysis })));
    },
  );
}

/** "Export report as Markdown": the same document as `retro-health report --format markdown`. */
export async function exportReportMarkdown(report: WorkspaceReport): Promise<vscode.Uri | undefined> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    ...(root ? { defaultUri: vscode.Uri.joinPath(root, REPORT_FILE_NAME) } : {}),
    filters: { Markdown: ['md'] },
    title: 'Export Retro Health report',
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderReportMarkdown(report)));
  return target;
}
