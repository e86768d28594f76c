import * as vscode from 'vscode';
import { analyzeRetro, type RetroAnalysis } from '../core/analyze';
import { readFrontMatter } from '../core/markdown/frontMatter';
import { readSettings } from './settings';
import type { TeamCatalogs } from './teamCatalogs';

/** Files read at once: enough to keep the disk busy, few enough to keep memory flat. */
const READ_CONCURRENCY = 8;

export interface WorkspaceRetro {
  /** Workspace-relative path with forward slashes (folder name first in a multi-root workspace). */
  file: string;
  uri: vscode.Uri;
  analysis: RetroAnalysis;
}

export interface CollectProgress {
  done: number;
  total: number;
}

/**
 * Every retro of every workspace folder: the `retroHealth.files` globs, honouring
 * `files.exclude` and `search.exclude`, plus markdown files saying `retro: true`. Unsaved open
 * buffers win over the files on disk. Reads run with bounded concurrency and the loop yields
 * between files, so cancellation takes effect within a file or two.
 */
export async function collectWorkspaceRetros(
  catalogs: TeamCatalogs,
  token: vscode.CancellationToken,
  onProgress: (progress: CollectProgress) => void,
): Promise<WorkspaceRetro[] | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const uris = new Map<string, { uri: vscode.Uri; folder: vscode.WorkspaceFolder }>();
  for (const folder of folders) {
    const settings = readSettings(folder.uri, () => undefined);
    const exclude = excludeGlob(folder.uri);
    for (const pattern of [...settings.files, '**/*.{md,markdown}']) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), exclude, undefined, token);
      if (token.isCancellationRequested) return undefined;
      for (const uri of found) if (!uris.has(uri.toString())) uris.set(uri.toString(), { uri, folder });
    }
  }
  const openDocuments = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
  const entries = [...uris.values()].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  const results: (WorkspaceRetro | undefined)[] = new Array(entries.length);
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < entries.length && !token.isCancellationRequested) {
      const index = next++;
      const { uri, folder } = entries[index] as { uri: vscode.Uri; folder: vscode.WorkspaceFolder };
      results[index] = await readRetro(uri, folder, folders.length > 1, openDocuments.get(uri.toString()), catalogs);
      done += 1;
      onProgress({ done, total: entries.length });
      // Let cancellation and other extension-host work in between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  if (token.isCancellationRequested) return undefined;
  return results.filter((retro): retro is WorkspaceRetro => retro !== undefined);
}

async function readRetro(uri: vscode.Uri, folder: vscode.WorkspaceFolder, multiRoot: boolean, open: vscode.TextDocument | undefined, catalogs: TeamCatalogs): Promise<WorkspaceRetro | undefined> {
  const settings = readSettings(uri, () => undefined);
  let text: string;
  try {
    if (open) text = open.getText();
    else {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > settings.maxFileSizeKB * 1024) return undefined;
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    }
  } catch {
    return undefined;
  }
  if (!matchesRetroGlobs(uri, settings.files) && !/^(true|yes|on)$/i.test(readFrontMatter(text.slice(0, 4000)).fields.retro ?? '')) return undefined;
  const relative = vscode.workspace.asRelativePath(uri, multiRoot).replace(/\\/g, '/');
  const catalog = catalogs.for(uri);
  const analysis = analyzeRetro(text, { fileName: relative, matcher: catalog.matcher, minConfidence: settings.minConfidence, disabledSymptoms: [...settings.disabledSymptoms, ...catalog.disabled] });
  return { file: relative, uri, analysis };
}

function matchesRetroGlobs(uri: vscode.Uri, globs: string[]): boolean {
  return globs.some((pattern) => vscode.languages.match({ pattern }, { uri, languageId: 'markdown' } as vscode.TextDocument) > 0);
}

/**
 * files.exclude and search.exclude plus node_modules and .git, as one glob (findFiles takes one).
 * A pattern holding a comma would split the brace list, so it is left out.
 */
export function excludeGlob(scope: vscode.Uri): string {
  const patterns = new Set<string>(['**/node_modules/**', '**/.git/**']);
  for (const section of ['files', 'search'] as const) {
    const excluded = vscode.workspace.getConfiguration(section, scope).get<Record<string, unknown>>('exclude') ?? {};
    for (const [pattern, enabled] of Object.entries(excluded)) if (enabled === true && !pattern.includes(',')) patterns.add(pattern);
  }
  return `{${[...patterns].join(',')}}`;
}
