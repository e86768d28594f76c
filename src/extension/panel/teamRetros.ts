import * as vscode from 'vscode';
import { analyzeRetro } from '../../core/analyze';
import { openSectionItems } from '../../core/healthSection/section';
import { readFrontMatter } from '../../core/markdown/frontMatter';
import { analysisOptionsFor } from '../analysisOptions';
import { teamOfRetro } from '../retroDocuments';
import { readSettings } from '../settings';
import type { TeamCatalogs } from '../teamCatalogs';
import { excludeGlob } from '../workspaceRetros';
import type { TrendRecord } from './viewModel';

/** At most this many files per `retroHealth.files` glob are looked at. */
const MAX_FILES_PER_GLOB = 1000;
/** Yield to the extension host between batches, so reading many retros never blocks it. */
const BATCH = 10;

/** A retro of the team: its place in the trend, and what its relationship-health section leaves open. */
export type TeamRetroRecord = TrendRecord & { openItems: string[] };

export interface TeamRetrosResult {
  /** The team's retros in the document's workspace folder (the document itself included when it matches). */
  records: TeamRetroRecord[];
  /** Files that could not be read. */
  skipped: number;
}

interface CacheEntry {
  mtime: number;
  size: number;
  team: string | null;
  /** Only analysed for the team asked about; other teams' retros are only looked at. */
  record: TeamRetroRecord | undefined;
}

/**
 * Finds a team's retros with `retroHealth.files` in the document's workspace folder and analyses
 * each with its folder's catalog and settings, as the editor would. Only the front matter of
 * other teams' retros is read. Results are cached per file by modification time and size, so a
 * refresh after a save re-analyses only what changed; a file open with unsaved edits is read from
 * its buffer.
 */
export class TeamRetros {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly catalogs: TeamCatalogs,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** Forgets every cached analysis (the team file or the settings changed). */
  clear(): void {
    this.cache.clear();
  }

  async find(document: vscode.TextDocument, team: string, isCancelled: () => boolean): Promise<TeamRetrosResult | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) return undefined;
    const settings = readSettings(document.uri, () => undefined);
    const exclude = excludeGlob(folder.uri);
    const found = new Map<string, vscode.Uri>();
    for (const glob of settings.files) {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude, MAX_FILES_PER_GLOB);
      for (const uri of uris) found.set(uri.toString(), uri);
      if (isCancelled()) return undefined;
    }
    const records: TeamRetroRecord[] = [];
    let skipped = 0;
    let index = 0;
    for (const uri of found.values()) {
      if (++index % BATCH === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (isCancelled()) return undefined;
      }
      try {
        const entry = await this.read(uri, team);
        if (entry?.record && entry.team === team) records.push(entry.record);
      } catch (error) {
        skipped += 1;
        this.output.appendLine(`[panel] trend: skipped ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { records, skipped };
  }

  private async read(uri: vscode.Uri, team: string): Promise<CacheEntry | undefined> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    if (open?.isDirty) return this.analyse(uri, open.getText(), team);
    const stat = await vscode.workspace.fs.stat(uri);
    const cached = this.cache.get(key);
    if (cached && cached.mtime === stat.mtime && cached.size === stat.size && (cached.record !== undefined || cached.team !== team)) return cached;
    if (stat.size > readSettings(uri, () => undefined).maxFileSizeKB * 1024) return undefined;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
    const entry = { ...this.analyse(uri, text, team), mtime: stat.mtime, size: stat.size };
    this.cache.set(key, entry);
    return entry;
  }

  private analyse(uri: vscode.Uri, text: string, team: string): CacheEntry {
    const fileTeam = teamOfRetro(uri, readFrontMatter(text.replace(/^\uFEFF/, '')).fields.team?.trim() || null);
    if (fileTeam !== team) return { mtime: 0, size: 0, team: fileTeam, record: undefined };
    const settings = readSettings(uri, () => undefined);
    const analysis = analyzeRetro(text, analysisOptionsFor(uri, settings, this.catalogs));
    const record: TeamRetroRecord = {
      uri: uri.toString(),
      label: uri.path.split('/').pop() || uri.path,
      date: analysis.document.date,
      team: fileTeam,
      stage: analysis.diagnosis.stage,
      score: analysis.diagnosis.score,
      openItems: openSectionItems(analysis.document.text),
    };
    return { mtime: 0, size: 0, team: fileTeam, record };
  }
}
