import * as vscode from 'vscode';
import { analyzeRetro, type RetroAnalysis } from '../core/analyze';
import type { SectionHistory } from '../core/healthSection/history';
import { collectRetroSet, memberSectionHistory, DEFAULT_EXCLUDES, excludeMatcher, globMatcher, type FileText, type RetroMember, type RetroSet, type RetroWorkspace, type UnreadFile, type WorkspaceFile } from '../core/retroSet';
import { analysisOptionsFor } from './analysisOptions';
import { readSettings, type Settings } from './settings';
import type { TeamCatalogs } from './teamCatalogs';

const MARKDOWN_GLOB = '**/*.{md,markdown,mdown,mkd}';

/** files.exclude and search.exclude of a folder (or the user), with VS Code's defaults, as they are set. */
export function excludePatterns(scope: vscode.Uri): string[] {
  const patterns = new Set<string>(DEFAULT_EXCLUDES);
  for (const section of ['files', 'search'] as const) {
    const excluded = vscode.workspace.getConfiguration(section, scope).get<Record<string, unknown>>('exclude') ?? {};
    for (const [pattern, enabled] of Object.entries(excluded)) if (enabled === true) patterns.add(pattern);
  }
  return [...patterns];
}

/** The document's path inside its workspace folder, or undefined outside every folder. */
export function pathInFolder(uri: vscode.Uri): string | undefined {
  if (!vscode.workspace.getWorkspaceFolder(uri)) return undefined;
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}

/** The user's excludes hide this file (files.exclude, search.exclude of its folder). */
export function isExcluded(uri: vscode.Uri): boolean {
  const path = pathInFolder(uri);
  return path !== undefined && excludeMatcher(excludePatterns(uri))(path);
}

/** The file matches `retroHealth.files` of its folder (a file outside every folder: by its name). */
export function matchesRetroGlobs(uri: vscode.Uri, globs: readonly string[]): boolean {
  return globMatcher(globs)(pathInFolder(uri) ?? uri.path.split('/').pop() ?? '');
}

interface CachedText {
  mtime: number;
  size: number;
  text: FileText;
}

/**
 * The workspace as the retro set reads it in VS Code: markdown files of every folder through
 * `findFiles` with the user's excludes (applied again exactly, as the CLI applies them), unsaved
 * buffers before the disk, files over the size limit or not UTF-8 refused. File texts are cached
 * by modification time and size.
 */
class VsCodeWorkspace implements RetroWorkspace {
  private readonly uris = new Map<string, vscode.Uri>();
  /** Settings per workspace folder for this pass: read and validated once, not once per file. */
  private readonly settingsByFolder = new Map<string, Settings>();

  constructor(
    private readonly cache: Map<string, CachedText>,
    private readonly token: vscode.CancellationToken | undefined,
  ) {}

  uriOf(file: WorkspaceFile): vscode.Uri {
    return this.uris.get(file.id) ?? vscode.Uri.parse(file.id);
  }

  async markdownFiles(): Promise<WorkspaceFile[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const files: WorkspaceFile[] = [];
    for (const folder of folders) {
      const patterns = excludePatterns(folder.uri);
      const excluded = excludeMatcher(patterns);
      // findFiles takes one exclude glob; a pattern holding a comma would split its brace list.
      const exclude = `{${patterns.filter((pattern) => !pattern.includes(',')).join(',')}}`;
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MARKDOWN_GLOB), exclude, undefined, this.token);
      for (const uri of uris) {
        const inFolder = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
        if (excluded(inFolder)) continue;
        const path = folders.length > 1 ? `${folder.name}/${inFolder}` : inFolder;
        this.uris.set(uri.toString(), uri);
        files.push({ path, id: uri.toString(), ...(path !== inFolder && { inFolder }) });
      }
    }
    return files;
  }

  async read(file: WorkspaceFile): Promise<FileText> {
    const uri = this.uriOf(file);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file.id);
    if (open?.isDirty) return { ok: true, text: open.getText() };
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const cached = this.cache.get(file.id);
      if (cached && cached.mtime === stat.mtime && cached.size === stat.size) return cached.text;
      const limitKB = this.settingsOf(uri).maxFileSizeKB;
      let text: FileText;
      if (stat.size > limitKB * 1024) text = { ok: false, message: `${Math.ceil(stat.size / 1024)} KB is over retroHealth.maxFileSizeKB (${limitKB} KB)` };
      else {
        try {
          text = { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri)) };
        } catch (error) {
          text = { ok: false, message: error instanceof TypeError ? 'not valid UTF-8 text' : String(error) };
        }
      }
      this.cache.set(file.id, { mtime: stat.mtime, size: stat.size, text });
      return text;
    } catch (error) {
      return { ok: false, message: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  matchesRetroGlobs(file: WorkspaceFile): boolean {
    const uri = this.uriOf(file);
    return globMatcher(this.settingsOf(uri).files)(file.inFolder ?? file.path);
  }

  private settingsOf(uri: vscode.Uri): Settings {
    const key = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? uri.toString();
    let settings = this.settingsByFolder.get(key);
    if (!settings) this.settingsByFolder.set(key, (settings = readSettings(uri, () => undefined)));
    return settings;
  }
}

export interface WorkspaceRetroSet {
  set: RetroSet;
  unread: UnreadFile[];
  uriOf(member: RetroMember): vscode.Uri;
}

/**
 * The editor's one owner of "which files are retros, whose, in what order": the workspace
 * report, the panel's trend and the section writer all ask it (the CLI asks the same core over
 * the disk). Reads are cached per file; analyses per file text.
 */
export class RetroSetService implements vscode.Disposable {
  private readonly texts = new Map<string, CachedText>();
  private readonly analyses = new Map<string, { text: string; analysis: RetroAnalysis }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly catalogs: TeamCatalogs) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('retroHealth')) this.analyses.clear();
      }),
      catalogs.onDidChange(() => this.analyses.clear()),
    );
  }

  /** The workspace's retro set now; undefined when cancelled. */
  async collect(options: { token?: vscode.CancellationToken; isCancelled?: () => boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<WorkspaceRetroSet | undefined> {
    const workspace = new VsCodeWorkspace(this.texts, options.token);
    const isCancelled = () => options.token?.isCancellationRequested === true || options.isCancelled?.() === true;
    const collected = await collectRetroSet(workspace, { isCancelled, ...(options.onProgress && { onProgress: options.onProgress }) });
    if (!collected) return undefined;
    return { ...collected, uriOf: (member) => workspace.uriOf(member.file) };
  }

  /** The member's analysis with its folder's catalog and settings, as the editor analyses it. */
  analysisOf(member: RetroMember, uri: vscode.Uri): RetroAnalysis {
    const cached = this.analyses.get(member.file.id);
    if (cached && cached.text === member.text) return cached.analysis;
    const analysis = analyzeRetro(member.text, { ...analysisOptionsFor(uri, readSettings(uri, () => undefined), this.catalogs), fileName: member.file.path });
    this.analyses.set(member.file.id, { text: member.text, analysis });
    return analysis;
  }

  /** What a retro's section says about its team's past, from the workspace (the core rule the CLI uses too). */
  sectionHistory(retros: WorkspaceRetroSet, member: RetroMember): SectionHistory {
    return memberSectionHistory(retros.set, member, (retro) => this.analysisOf(retro, retros.uriOf(retro)));
  }

  /** Forgets cached texts and analyses (tests, or a change the watchers cannot see). */
  clear(): void {
    this.texts.clear();
    this.analyses.clear();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
