import * as vscode from 'vscode';
import { LineIndex } from '../core/markdown/positions';
import { SymptomMatcher } from '../core/matcher/matcher';
import { loadTeamCatalog, TEAM_CONFIG_FILE, type TeamCatalog } from '../core/teamConfig';

export interface FolderCatalog {
  matcher: SymptomMatcher;
  disabled: string[];
}

/**
 * One compiled catalog per workspace folder: the built-in catalog plus that folder's
 * `.retro-health.json`. Problems in the file become diagnostics at the offending property;
 * the valid rest still applies. Compiled lazily, on the first retro that needs it.
 */
export class TeamCatalogs implements vscode.Disposable {
  private readonly byFolder = new Map<string, FolderCatalog>();
  /** Folder -> its team file as last read from disk (through workspace.fs, so virtual workspaces work too); undefined: none. */
  private readonly onDisk = new Map<string, string | undefined>();
  /** How many catalogs were compiled (for the internal stats command). */
  compiled = 0;
  /** How many of them came from the build's snapshot (the built-in catalog, Node build) rather than compiled here. */
  fromSnapshot = 0;
  private readonly problems = vscode.languages.createDiagnosticCollection('retro-health-config');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.problems, this.changed];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${TEAM_CONFIG_FILE}`);
    const reset = (uri: vscode.Uri) => void this.reread(uri).then(() => this.reset(uri));
    this.disposables.push(
      watcher,
      watcher.onDidChange(reset),
      watcher.onDidCreate(reset),
      watcher.onDidDelete(reset),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (isTeamConfig(event.document.uri)) this.reset(event.document.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.byFolder.clear();
        void this.preload().then(() => this.changed.fire());
      }),
    );
  }

  /** The catalog for a document: its folder's, or the built-in one outside any folder. */
  for(uri: vscode.Uri): FolderCatalog {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let entry = this.byFolder.get(key);
    if (!entry) {
      entry = this.load(folder);
      this.byFolder.set(key, entry);
    }
    return entry;
  }

  /**
   * Reads every folder's team file; until a folder's is read, its retros get the built-in catalog.
   * A catalog compiled before the read and now out of date is dropped, and listeners told.
   */
  async preload(): Promise<void> {
    const dropped = await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.reread(vscode.Uri.joinPath(folder.uri, TEAM_CONFIG_FILE))));
    if (dropped.includes(true)) this.changed.fire();
  }

  /** Loads the folders that have a team file now, so its problems show before a retro is opened. */
  validateAll(): void {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (this.configText(vscode.Uri.joinPath(folder.uri, TEAM_CONFIG_FILE)) !== undefined) this.for(folder.uri);
    }
  }

  /** Reads a team file from disk again; true when a catalog compiled from what was known before is dropped. */
  private async reread(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.toString() !== vscode.Uri.joinPath(folder.uri, TEAM_CONFIG_FILE).toString()) return false;
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined;
    }
    const key = folder.uri.toString();
    const changed = !this.onDisk.has(key) || this.onDisk.get(key) !== text;
    this.onDisk.set(key, text);
    return changed && this.byFolder.delete(key);
  }

  /** The open editor's text when the file is open (unsaved edits count), else the file as last read from disk. */
  private configText(uri: vscode.Uri): string | undefined {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) return open.getText();
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.onDisk.get(folder.uri.toString()) : undefined;
  }

  private load(folder: vscode.WorkspaceFolder | undefined): FolderCatalog {
    this.compiled += 1;
    const loaded = this.loadFor(folder);
    if (loaded.matcher.fromSnapshot) this.fromSnapshot += 1;
    return loaded;
  }

  private loadFor(folder: vscode.WorkspaceFolder | undefined): FolderCatalog {
    if (!folder) return compile(loadTeamCatalog(undefined));
    const uri = vscode.Uri.joinPath(folder.uri, TEAM_CONFIG_FILE);
    const text = this.configText(uri);
    const team = loadTeamCatalog(text);
    if (text !== undefined) this.showProblems(uri, text, team);
    else this.problems.delete(uri);
    return compile(team);
  }

  private showProblems(uri: vscode.Uri, text: string, team: TeamCatalog): void {
    const lines = new LineIndex(text);
    const position = (offset: number) => {
      const { line, character } = lines.positionAt(offset);
      return new vscode.Position(line, character);
    };
    this.problems.set(
      uri,
      team.problems.map((problem) => {
        const offset = problem.offset ?? 0;
        const range = new vscode.Range(position(offset), position(offset + (problem.length ?? 1)));
        const where = problem.path.length ? `${problem.path.join('.')}: ` : '';
        const diagnostic = new vscode.Diagnostic(range, `${where}${problem.message}`, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'Retro Health';
        return diagnostic;
      }),
    );
  }

  private reset(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    this.byFolder.delete(folder?.uri.toString() ?? '');
    if (folder) this.for(folder.uri);
    this.changed.fire();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function compile(team: TeamCatalog): FolderCatalog {
  return { matcher: new SymptomMatcher(team.catalog, { verdicts: team.verdicts }), disabled: team.disabled };
}

export function isTeamConfig(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${TEAM_CONFIG_FILE}`);
}
