import { yieldToHost } from './yieldToHost';
import type * as vscode from 'vscode';
import type { RetroAnalysis } from '../core/analyze';
import type { Placement } from '../core/report/teams';
import type { RetroSetService } from './retroSetService';

export interface WorkspaceRetro {
  /** Workspace-relative path with forward slashes (folder name first in a multi-root workspace). */
  file: string;
  uri: vscode.Uri;
  analysis: RetroAnalysis;
  /** Team and date as the workspace's retro set places them. */
  placement: Placement;
}

export interface CollectProgress {
  done: number;
  total: number;
}

/**
 * Every retro of every workspace folder — the workspace's retro set, the same one the CLI reads
 * from disk — analysed with each folder's catalog and settings. Unsaved buffers win over the
 * files on disk; cancellation takes effect within a file or two.
 */
export async function collectWorkspaceRetros(retroSets: RetroSetService, token: vscode.CancellationToken, onProgress: (progress: CollectProgress) => void): Promise<WorkspaceRetro[] | undefined> {
  const retros = await retroSets.collect({ token, onProgress: (done, total) => onProgress({ done, total }) });
  if (!retros || token.isCancellationRequested) return undefined;
  const collected: WorkspaceRetro[] = [];
  for (const member of retros.set.retros) {
    const uri = retros.uriOf(member);
    collected.push({ file: member.file.path, uri, analysis: retroSets.analysisOf(member, uri), placement: member.placement });
    // Let cancellation and other extension-host work in between analyses.
    if (collected.length % 10 === 0) await yieldToHost();
    if (token.isCancellationRequested) return undefined;
  }
  return collected;
}
