import { statSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { collectRetroSet, membershipOf, RetroSet, type RetroMember, type WorkspaceFile } from '../core/retroSet';
import { discoverFiles, readTextFile, type FileProblem } from './files';
import { findWorkspaceRoot, isInside, NodeWorkspace, readWorkspaceSettings } from './workspace';

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
  const workspace = new NodeWorkspace(root, readWorkspaceSettings(root, options.maxBytes, problems), options.maxBytes);
  const { set } = (await collectRetroSet(workspace)) as NonNullable<Awaited<ReturnType<typeof collectRetroSet>>>;
  const workspaceFiles = await workspace.markdownFiles();
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
    const read = readTextFile(display, options.maxBytes);
    if (!read.ok) {
      // Whether it is a retro cannot be told: say so rather than skip it quietly.
      problems.push({ file: display, message: read.message });
      return;
    }
    const outside = file === undefined;
    if (explicit || options.allMarkdown || (outside && membershipOf({ path: display, text: read.text, matchesGlobs: false }).retro)) retros.push({ display, text: read.text, member: undefined });
  };
  for (const raw of inputs) {
    const input = raw.replace(/\\/g, '/');
    const stats = statOrNull(input);
    if (stats?.isDirectory() && isInside(resolve(input), root)) {
      const prefix = posix.relative(root.split('\\').join('/'), resolve(input).split('\\').join('/'));
      for (const file of sortedByPath(workspaceFiles)) {
        if (prefix === '' || file.path.startsWith(`${prefix}/`)) add(posix.join(input, prefix === '' ? file.path : file.path.slice(prefix.length + 1)), false);
      }
    } else if (stats?.isDirectory() || (!stats && isDynamicPattern(input))) {
      const found = stats ? discoverFiles([input]).files : globSync(input, { ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false }).sort();
      if (found.length === 0 && !stats) problems.push({ file: input, message: 'no files match this pattern' });
      for (const file of found) add(file, false);
    } else if (stats) {
      add(input, true);
    } else {
      problems.push({ file: input, message: 'no such file or directory' });
    }
  }
  return { root, set, retros, problems };
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
