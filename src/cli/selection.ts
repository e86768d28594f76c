import { statSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { collectRetroSet, membershipOf, RetroSet, type RetroMember, type WorkspaceFile } from '../core/retroSet';
import { discoverFiles, readTextFile, type FileProblem } from './files';
import { findWorkspaceRoot, isInside, NodeWorkspace, readWorkspaceSettings, type WorkspaceScope } from './workspace';

/** One file the command line asked about: how to name it in the output, and what the workspace knows of it. */
export interface SelectedRetro {
  /** As the user named it (a directory's files under the directory as given). */
  display: string;
  text: string;
  /** Its place in the workspace's retro set; undefined for a file outside the workspace. */
  member: RetroMember | undefined;
}

export interface Selection {
  root: string;
  set: RetroSet;
  retros: SelectedRetro[];
  problems: FileProblem[];
}

export interface SelectionOptions {
  root: string | undefined;
  maxBytes: number;
  /** Every markdown file the arguments name, retro or not (labelled evaluation sets). */
  allMarkdown: boolean;
  /**
   * Read the whole workspace (`write`: a section's history spans the team's retros everywhere).
   * Otherwise only the folders the arguments reach are read: a retro's team and date depend on
   * its own folder alone, so the report places every file exactly as the whole set would.
   */
  wholeWorkspace: boolean;
}

/**
 * What `report` and `write` work on: the retros among the files, directories and globs given,
 * where "retro" is the workspace's answer (its retro set, the one the editor uses), and a file
 * named explicitly counts whatever it is. The whole workspace is read, so teams and history
 * never depend on which paths were on the command line.
 */
export async function selectRetros(inputs: readonly string[], options: SelectionOptions): Promise<Selection> {
  const problems: FileProblem[] = [];
  const root = findWorkspaceRoot(inputs, options.root);
  const expanded = inputs.map((raw) => expandInput(raw.replace(/\\/g, '/'), root));
  const scope = options.wholeWorkspace ? undefined : scopeOf(expanded, root);
  const workspace = new NodeWorkspace(root, readWorkspaceSettings(root, options.maxBytes, problems), options.maxBytes, scope);
  // The folder walk is done once: the set's file list also answers which files a folder argument holds.
  const { set, files: workspaceFiles } = (await collectRetroSet(workspace)) as NonNullable<Awaited<ReturnType<typeof collectRetroSet>>>;
  const retros: SelectedRetro[] = [];
  const seen = new Set<string>();
  const add = (display: string, explicit: boolean) => {
    const absolute = resolve(display);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const file = workspace.fileAt(absolute);
    const member = file && set.member(file.path);
    if (member) {
      retros.push({ display, text: member.text, member });
      return;
    }
    // A workspace file the set has read already is not read again.
    const known = file && set.textOf(file.path);
    const read = known !== undefined ? ({ ok: true, text: known } as const) : readTextFile(display, options.maxBytes);
    if (!read.ok) {
      // Whether it is a retro cannot be told: say so rather than skip it quietly.
      problems.push({ file: display, message: read.message });
      return;
    }
    const outside = file === undefined;
    if (explicit || options.allMarkdown || (outside && membershipOf({ path: display, text: read.text, matchesGlobs: false }).retro)) retros.push({ display, text: read.text, member: undefined });
  };
  for (const input of expanded) {
    switch (input.kind) {
      case 'tree':
        for (const file of sortedByPath(workspaceFiles)) {
          if (input.prefix === '' || file.path.startsWith(`${input.prefix}/`)) add(posix.join(input.input, input.prefix === '' ? file.path : file.path.slice(input.prefix.length + 1)), false);
        }
        break;
      case 'files':
        if (input.files.length === 0 && input.glob) problems.push({ file: input.input, message: 'no files match this pattern' });
        for (const file of input.files) add(file, false);
        break;
      case 'file':
        add(input.input, true);
        break;
      case 'missing':
        problems.push({ file: input.input, message: 'no such file or directory' });
    }
  }
  return { root, set, retros, problems };
}

/** One command-line argument, resolved: a folder of the workspace, some files, one named file, or nothing. */
type ExpandedInput =
  | { kind: 'tree'; input: string; prefix: string }
  | { kind: 'files'; input: string; files: string[]; glob: boolean }
  | { kind: 'file'; input: string }
  | { kind: 'missing'; input: string };

function expandInput(input: string, root: string): ExpandedInput {
  const stats = statOrNull(input);
  if (stats?.isDirectory() && isInside(resolve(input), root)) return { kind: 'tree', input, prefix: posix.relative(toPosix(root), toPosix(resolve(input))) };
  if (stats?.isDirectory()) return { kind: 'files', input, files: discoverFiles([input]).files, glob: false };
  if (stats) return { kind: 'file', input };
  if (isDynamicPattern(input)) return { kind: 'files', input, files: globSync(input, { ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false }).sort(), glob: true };
  return { kind: 'missing', input };
}

/** The folders the arguments reach inside the workspace: whole trees for folders, the own folder of each file. */
function scopeOf(inputs: readonly ExpandedInput[], root: string): WorkspaceScope {
  const trees: string[] = [];
  const folders = new Set<string>();
  const folderOf = (file: string) => {
    const absolute = resolve(file);
    if (isInside(absolute, root)) folders.add(posix.dirname(posix.relative(toPosix(root), toPosix(absolute))).replace(/^\.$/, ''));
  };
  for (const input of inputs) {
    if (input.kind === 'tree') trees.push(input.prefix);
    else if (input.kind === 'file') folderOf(input.input);
    else if (input.kind === 'files') input.files.forEach(folderOf);
  }
  return { trees, folders };
}

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

function sortedByPath(files: readonly WorkspaceFile[]): WorkspaceFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
