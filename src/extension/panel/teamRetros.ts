import { yieldToHost } from '../yieldToHost';
import type * as vscode from 'vscode';
import type { RetroAnalysis } from '../../core/analyze';
import { openSectionItems } from '../../core/healthSection/section';
import type { Placement } from '../../core/report/teams';
import { lonePlacement, teamKey } from '../../core/retroSet';
import { pathInFolder, type RetroSetService, type WorkspaceRetroSet } from '../retroSetService';
import type { TrendRecord } from './viewModel';

/** Yield to the extension host between batches of analyses, so a big team never blocks it. */
const BATCH = 10;

/** A retro of the team: its place in the trend, what its relationship-health section leaves open, and its analysis (for the follow-through). */
export type TeamRetroRecord = TrendRecord & { openItems: string[]; analysis: RetroAnalysis };

export interface TeamRetrosResult {
  /** The team's retros in the workspace (the document itself included when it is one). */
  records: TeamRetroRecord[];
  /** Markdown files of the workspace that could not be read. */
  skipped: number;
}

/**
 * The panel's view of the workspace's retro set: a team's retros analysed for the trend, and a
 * document's team and date as the set places them (the report and the section writer ask the
 * same set). Until the set has been read once, a document is placed on its own.
 */
export class TeamRetros {
  private latest: WorkspaceRetroSet | undefined;

  constructor(private readonly retroSets: RetroSetService) {}

  /** Forgets the set last read (the team file or the settings changed). */
  clear(): void {
    this.latest = undefined;
    this.retroSets.clear();
  }

  /** The document's team and date: the set's placement when it is a member, else its own front matter, name and folders. */
  placementOf(document: vscode.TextDocument): Placement {
    const path = pathInFolder(document.uri) ?? document.uri.path.split('/').pop() ?? '';
    const member = this.latest?.set.member(path);
    if (member) return member.placement;
    return lonePlacement(path, document.getText());
  }

  /** The workspace's retro set has been read since the last change of settings or team file. */
  hasSet(): boolean {
    return this.latest !== undefined;
  }

  /** Reads the workspace's retro set (for placements); false when cancelled. */
  async refreshSet(isCancelled: () => boolean): Promise<boolean> {
    const retros = await this.retroSets.collect({ isCancelled });
    if (retros) this.latest = retros;
    return retros !== undefined;
  }

  async find(document: vscode.TextDocument, team: string, isCancelled: () => boolean): Promise<TeamRetrosResult | undefined> {
    if (pathInFolder(document.uri) === undefined) return undefined;
    const retros = await this.retroSets.collect({ isCancelled });
    if (!retros) return undefined;
    this.latest = retros;
    const records: TeamRetroRecord[] = [];
    let index = 0;
    for (const member of retros.set.teamRetros(team)) {
      if (++index % BATCH === 0) {
        await yieldToHost();
        if (isCancelled()) return undefined;
      }
      const uri = retros.uriOf(member);
      const analysis = this.retroSets.analysisOf(member, uri);
      records.push({
        uri: uri.toString(),
        label: member.file.path.split('/').pop() || member.file.path,
        date: member.placement.date,
        team: member.placement.team,
        stage: analysis.diagnosis.stage,
        score: analysis.diagnosis.score,
        openItems: openSectionItems(analysis.document.text),
        analysis,
      });
    }
    return { records: records.filter((record) => teamKey(record.team) === teamKey(team)), skipped: retros.unread.length };
  }
}
