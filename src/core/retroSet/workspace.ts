/**
 * The files of a workspace as the retro set reads them (like vscode-markdown-languageservice's
 * `IWorkspace`): one implementation over VS Code's workspace (excludes, unsaved buffers,
 * multi-root), one over Node's file system for the CLI.
 */
export interface RetroWorkspace {
  /** Every markdown file, the user's excludes applied, in any order. */
  markdownFiles(): Promise<WorkspaceFile[]>;
  /** The file's text (an unsaved buffer wins over the disk), or why it cannot be read. */
  read(file: WorkspaceFile): Promise<FileText>;
  /** The file matches `retroHealth.files` of its workspace folder. */
  matchesRetroGlobs(file: WorkspaceFile): boolean;
}

export interface WorkspaceFile {
  /** Workspace-relative, forward slashes; the folder's name first in a multi-root workspace. */
  path: string;
  /** The implementation's handle: a URI string, an absolute path. */
  id: string;
  /** The path inside its own workspace folder, when that differs from `path` (multi-root): teams are placed by it. */
  inFolder?: string;
}

export type FileText = { ok: true; text: string } | { ok: false; message: string };

/** Excluded wherever the user's settings say nothing: VS Code's own defaults for files.exclude and search.exclude. */
export const DEFAULT_EXCLUDES: readonly string[] = ['**/.git', '**/.svn', '**/.hg', '**/CVS', '**/.DS_Store', '**/Thumbs.db', '**/node_modules', '**/bower_components'];
