import * as vscode from 'vscode';
import { clip, LIMITS, type FollowThrough, type Trend } from '../../shared/panelProtocol';
import type { RetroAnalysis } from '../../core/analyze';
import { retroFollowThrough } from '../../core/report/followThrough';
import type { Placement } from '../../core/report/teams';
import { readSettings } from '../settings';
import type { TeamCatalogs } from '../teamCatalogs';
import { toFollowThroughView } from './followThroughView';
import type { TeamRetroRecord, TeamRetros } from './teamRetros';
import { buildTrend, type TrendRecord } from './viewModel';

/** The trend is given up (and the panel says so) when reading the team's retros takes longer. */
const TREND_TIMEOUT_MS = 20_000;

const OUTSIDE_A_FOLDER = 'Open this retro inside a workspace folder to compare it with the team\u2019s earlier retros.';

/** What the panel hears from its trends. */
export interface PanelTrendsEvents {
  /** A trend is still wanted (the panel is open); a read that finishes otherwise is dropped. */
  isWanted(): boolean;
  /** The team's retros were read (or could not be): trendFor now answers from the cache. */
  onRead(): void;
  /** A markdown file was saved: the cached trend is refreshed on the next trendFor. */
  onStale(): void;
  /** The settings or the team file changed: everything read was forgotten. */
  onForgotten(): void;
}

interface TrendCache {
  key: string;
  team: string;
  others: TeamRetroRecord[] | undefined;
  /** Set when saved files may have changed the others: refreshed in the background. */
  stale: boolean;
  error?: string;
  unavailable?: string;
}

/** What the team's other retros are, for the trend and the follow-through alike. */
type OthersState = { status: 'ready'; others: TeamRetroRecord[] } | Exclude<Trend, { status: 'ready' }>;

/**
 * The Retrospective Panel's trend and follow-through: the team's other retros (read in the
 * background, with a timeout, through TeamRetros), cached for the last folder and team shown,
 * marked stale when a markdown file is saved and forgotten when the settings or the team file
 * change. The one place the panel reads other files.
 */
export class PanelTrends implements vscode.Disposable {
  private cache: TrendCache | undefined;
  /** The last follow-through computed: a state rebuilt for the same analysis and retros reuses it. */
  private followThroughMemo: { analysis: RetroAnalysis; others: readonly TeamRetroRecord[]; staleAfterDays: number; uri: string; view: FollowThrough } | undefined;
  /** Bumped to drop a read under way (the panel closed, or the cache was forgotten). */
  private generation = 0;
  private readonly disposables: vscode.Disposable[];

  constructor(
    /** Shared with the section writer: both read the team's retros the same way, from one cache. */
    private readonly teamRetros: TeamRetros,
    catalogs: TeamCatalogs,
    private readonly output: vscode.OutputChannel,
    private readonly events: PanelTrendsEvents,
  ) {
    this.disposables = [
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.languageId === 'markdown' && this.cache) {
          this.cache.stale = true;
          this.events.onStale();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('retroHealth')) this.forget();
      }),
      catalogs.onDidChange(() => this.forget()),
    ];
  }

  /**
   * The retro's team and date as the workspace's retro set places them (the report and the
   * section writer ask the same set). The first time, the set is read in the background and the
   * panel hears `onRead` when the answer may have changed.
   */
  placementOf(document: vscode.TextDocument): Placement {
    if (!this.teamRetros.hasSet() && !this.loadingSet && vscode.workspace.getWorkspaceFolder(document.uri)) void this.loadSet();
    return this.teamRetros.placementOf(document);
  }

  private loadingSet = false;

  private async loadSet(): Promise<void> {
    this.loadingSet = true;
    try {
      if ((await this.teamRetros.refreshSet(() => !this.events.isWanted())) && this.events.isWanted()) this.events.onRead();
    } catch (error) {
      this.output.appendLine(`[panel] reading the workspace's retros: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.loadingSet = false;
    }
  }

  /** The trend of `current` (the retro in `document`) from the cache when it is for this team and folder; otherwise `loading`, and reading starts. */
  trendFor(document: vscode.TextDocument, current: TrendRecord): Trend {
    if (!current.team || !current.date) return buildTrend(current, []);
    const others = this.othersFor(document, current.team);
    return others.status === 'ready' ? buildTrend(current, others.others) : others;
  }

  /**
   * What `current` carries from the team's earlier retros (the core's retroFollowThrough), from the
   * same cache as the trend: `loading` until the team's retros are read. Ages and staleness follow
   * retroHealth.staleAfterDays, the window's setting, as in the workspace report.
   */
  followThroughFor(document: vscode.TextDocument, current: TrendRecord, analysis: RetroAnalysis): FollowThrough {
    const input = { file: current.uri, analysis, placement: { team: current.team, date: current.date } };
    if (!current.team || !current.date) return toFollowThroughView(retroFollowThrough(input, []), () => current.label);
    const others = this.othersFor(document, current.team);
    if (others.status !== 'ready') return others;
    const { staleAfterDays } = readSettings(undefined, () => undefined);
    const memo = this.followThroughMemo;
    if (memo && memo.analysis === analysis && memo.others === others.others && memo.staleAfterDays === staleAfterDays && memo.uri === current.uri) return memo.view;
    const team = others.others.map((record) => ({ file: record.uri, analysis: record.analysis, placement: { team: record.team, date: record.date } }));
    const labels = new Map(others.others.map((record) => [record.uri, record.label]));
    const view = toFollowThroughView(retroFollowThrough(input, team, { staleAfterDays }), (uri) => labels.get(uri) ?? current.label);
    this.followThroughMemo = { analysis, others: others.others, staleAfterDays, uri: current.uri, view };
    return view;
  }

  /** The team's retros from the cache when it is for this folder and team; otherwise `loading`, and reading starts (again, when stale). */
  private othersFor(document: vscode.TextDocument, team: string): OthersState {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) return { status: 'none', reason: OUTSIDE_A_FOLDER };
    // Per folder and team: switching between the team's retros reuses what was read.
    const key = `${folder.uri.toString()}|${team}`;
    const cache = this.cache;
    if (!cache || cache.key !== key) {
      this.cache = { key, team, others: undefined, stale: false };
      void this.read(document, team, key);
      return { status: 'loading' };
    }
    if (cache.stale) {
      cache.stale = false;
      void this.read(document, team, key);
    }
    if (cache.error) return { status: 'error', message: cache.error };
    if (cache.unavailable) return { status: 'none', reason: cache.unavailable };
    return cache.others ? { status: 'ready', others: cache.others } : { status: 'loading' };
  }

  /** The panel closed: a read under way is dropped (what was read stays cached). */
  cancel(): void {
    this.generation += 1;
  }

  private async read(document: vscode.TextDocument, team: string, key: string): Promise<void> {
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation && this.cache?.key === key && this.events.isWanted();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TREND_TIMEOUT_MS)));
    try {
      const result = await Promise.race([this.teamRetros.find(document, team, () => !isCurrent()), timeout]);
      if (!isCurrent() || !this.cache) return;
      const cache = this.cache;
      cache.error = undefined;
      cache.unavailable = undefined;
      if (result === 'timeout') cache.error = `Reading the team\u2019s retros took longer than ${TREND_TIMEOUT_MS / 1000} s; the trend is left out.`;
      else if (result === undefined) cache.unavailable = OUTSIDE_A_FOLDER;
      else cache.others = result.records;
    } catch (error) {
      this.output.appendLine(`[panel] trend: ${error instanceof Error ? error.message : String(error)}`);
      if (!isCurrent() || !this.cache) return;
      this.cache.error = clip(`The team\u2019s earlier retros could not be read: ${error instanceof Error ? error.message : String(error)}`, LIMITS.prose);
    } finally {
      clearTimeout(timer);
    }
    if (!isCurrent()) return;
    this.events.onRead();
  }

  private forget(): void {
    this.teamRetros.clear();
    this.cache = undefined;
    this.followThroughMemo = undefined;
    this.generation += 1;
    this.events.onForgotten();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
