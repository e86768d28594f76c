import { teamFromFolder } from '../report/teams';
import type { DocumentStage } from '../types';
import type { HealthSectionInput, TrendPoint } from './section';

/** What the section needs to know about one retro of the workspace. */
export interface RetroRecord {
  file: string;
  date: string | null;
  team: string | null;
  stage: DocumentStage;
  score: number;
  /** The still-open checklist items of its relationship-health section (`openSectionItems`). */
  openItems: string[];
}

/**
 * A retro's team, as the workspace report places it: front matter `team`, else the nearest
 * folder that names a team, skipping dated and generic ones (retros/payments/2026-03/… →
 * payments). Give a workspace-relative path, so folders above the workspace never count.
 */
export function teamOf(file: string, frontMatterTeam: string | null): string | null {
  return frontMatterTeam?.trim() || teamFromFolder(file.replace(/\\/g, '/'));
}

/** The team's earlier retros as a trend, and the open items of the one just before. */
export function historyFor(target: RetroRecord, all: readonly RetroRecord[]): Pick<HealthSectionInput, 'trend' | 'carriedOver' | 'team'> {
  if (!target.team || !target.date) return { team: target.team };
  const earlier = all
    .filter((record) => record.file !== target.file && record.team === target.team && record.date !== null && record.date < (target.date as string))
    .sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : 1));
  const trend: TrendPoint[] = earlier.map(({ date, stage, score }) => ({ date, stage, score }));
  const previous = earlier[earlier.length - 1];
  const items = previous ? [...previous.openItems] : [];
  return { team: target.team, trend, ...(previous && items.length ? { carriedOver: { date: previous.date, items } } : {}) };
}
