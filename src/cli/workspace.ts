import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { DEFAULT_EXCLUDES, excludeMatcher, globMatcher, type FileText, type RetroWorkspace, type WorkspaceFile } from '../core/retroSet';
import { DEFAULT_RETRO_GLOBS } from '../core/defaults';
import { TEAM_CONFIG_FILE } from '../core/teamConfig';
import { readTextFile, type FileProblem } from './files';

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const SETTINGS_FILE = '.vscode/settings.json';

/**
 * The workspace a command line works in, as VS Code would open it: `--root` when given, else the
 * nearest folder at or above the first existing path (or the current folder) holding
 * `.retro-health.json`, else the nearest holding `.git`, else that starting folder.
 */
export function findWorkspaceRoot(paths: readonly string[], explicitRoot: string | undefined, cwd = process.cwd()): string {
  if (explicitRoot !== undefined) return resolve(cwd, explicitRoot);
  const first = paths.map((path) => resolve(cwd, path)).find((path) => existsSync(path));
  const start = first === undefined ? cwd : statSync(first).isDirectory() ? first : dirname(first);
  return nearestHolding(start, TEAM_CONFIG_FILE) ?? nearestHolding(start, '.git') ?? start;
}

function nearestHolding(start: string, name: string): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, name))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

export function isInside(path: string, folder: string): boolean {
  const between = relative(folder, path);
  return between === '' || (!between.startsWith('..') && !between.startsWith(sep) && !/^[a-zA-Z]:/.test(between));
}

/** The editor settings the CLI honours, from the workspace's `.vscode/settings.json` (JSON with comments). */
export interface WorkspaceSettings {
  files: string[];
  excludes: string[];
}

export function readWorkspaceSettings(root: string, maxBytes: number, problems: FileProblem[]): WorkspaceSettings {
  const settings: WorkspaceSettings = { files: [...DEFAULT_RETRO_GLOBS], excludes: [...DEFAULT_EXCLUDES] };
  const path = join(root, SETTINGS_FILE);
  if (!existsSync(path)) return settings;
  const read = readTextFile(path, maxBytes);
  const where = relative(process.cwd(), path) || path;
  if (!read.ok) {
    problems.push({ file: where, message: read.message });
    return settings;
  }
  const errors: ParseError[] = [];
  const json: unknown = parse(read.text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof json !== 'object' || json === null) {
    const first = errors[0];
    problems.push({ file: where, message: first ? `not valid JSON (${printParseErrorCode(first.error)} at offset ${first.offset}); using the default retro globs and excludes` : 'not a JSON object' });
    return settings;
  }
  const values = json as Record<string, unknown>;
  const files = values['retroHealth.files'];
  if (files !== undefined) {
    if (Array.isArray(files) && files.every((glob) => typeof glob === 'string' && glob !== '')) settings.files = files as string[];
    else problems.push({ file: where, message: 'retroHealth.files must be a list of globs; using the default' });
  }
  for (const key of ['files.exclude', 'search.exclude']) {
    const excluded = values[key];
    if (typeof excluded !== 'object' || excluded === null) continue;
    for (const [pattern, enabled] of Object.entries(excluded)) if (enabled === true) settings.excludes.push(pattern);
  }
  return settings;
}

/**
 * Where to look, when not everywhere: markdown files directly in `folders`, and anywhere under
 * `trees` (root-relative, forward slashes, '' for the root).
 */
export interface WorkspaceScope {
  folders: ReadonlySet<string>;
  trees: readonly string[];
}

/** The workspace on disk, for the CLI: every markdown file under the root (or in the scope) that the settings do not exclude. */
export class NodeWorkspace implements RetroWorkspace {
  private readonly isExcluded: (path: string) => boolean;
  private readonly isRetroGlob: (path: string) => boolean;

  constructor(
    readonly root: string,
    settings: WorkspaceSettings,
    private readonly maxBytes: number,
    private readonly scope?: WorkspaceScope,
  ) {
    this.isExcluded = excludeMatcher(settings.excludes);
    this.isRetroGlob = globMatcher(settings.files);
  }

  /** The file as the workspace names it; undefined when it lies outside the root or is excluded. */
  fileAt(absolutePath: string): WorkspaceFile | undefined {
    if (!isInside(absolutePath, this.root)) return undefined;
    const path = relative(this.root, absolutePath).split(sep).join('/');
    return path === '' || this.isExcluded(path) ? undefined : { path, id: absolutePath };
  }

  async markdownFiles(): Promise<WorkspaceFile[]> {
    const found: WorkspaceFile[] = [];
    const walk = (folder: string, prefix: string, recursive: boolean) => {
      let entries;
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = prefix + entry.name;
        if (this.isExcluded(path)) continue;
        if (entry.isDirectory()) {
          if (recursive) walk(join(folder, entry.name), `${path}/`, true);
        } else if (entry.isFile() && MARKDOWN.test(entry.name)) found.push({ path, id: join(folder, entry.name) });
      }
    };
    if (!this.scope) {
      walk(this.root, '', true);
      return found;
    }
    // A tree holds its folders: walk each place once, and nothing inside a tree again.
    const trees = [...new Set(this.scope.trees)].filter((tree, _, all) => !all.some((other) => other !== tree && isUnder(tree, other)));
    for (const tree of trees) if (tree === '' || !this.isExcluded(tree)) walk(join(this.root, tree), tree === '' ? '' : `${tree}/`, true);
    for (const folder of this.scope.folders) {
      if (trees.some((tree) => folder === tree || isUnder(folder, tree)) || (folder !== '' && this.isExcluded(folder))) continue;
      walk(join(this.root, folder), folder === '' ? '' : `${folder}/`, false);
    }
    return found;
  }

  async read(file: WorkspaceFile): Promise<FileText> {
    return readTextFile(file.id, this.maxBytes);
  }

  matchesRetroGlobs(file: WorkspaceFile): boolean {
    return this.isRetroGlob(file.path);
  }
}

function isUnder(path: string, tree: string): boolean {
  return tree === '' || path.startsWith(`${tree}/`);
}
