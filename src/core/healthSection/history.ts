import type { DocumentStage } from '../types';
import { openSectionItems, type HealthSectionInput, type TrendPoint } from './section';

/** What the section needs to know about one retro of the workspace. */
export interface RetroRecord {
  file: string;
  date: string | null;
  team: string | null;
  stage: DocumentStage;
  score: number;
  text: string;
}

/** A retro's team: front matter `team`, else the folder it sits in (retros/payments/… → payments). */
export function teamOf(file: string, frontMatterTeam: string | null): string | null {
  if (frontMatterTeam) return frontMatterTeam;
  const folders = file.replace(/\\/g, '/').split('/').slice(0, -1);
  const folder = folders[folders.length - 1];
  return folder && !/^(retros?|retrospectives?|docs|\.)$/i.test(folder) ? folder : null;
}

/** The team's earlier retros as a trend, and the open items of the one just before. */
export function historyFor(target: RetroRecord, all: readonly RetroRecord[]): Pick<HealthSectionInput, 'trend' | 'carriedOver' | 'team'> {
  if (!target.team || !target.date) return { team: target.team };
  const earlier = all
    .filter((record) => record.file !== target.file && record.team === target.team && record.date !== null && record.date < (target.date as string))
    .sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : 1));
  const trend: TrendPoint[] = earlier.map(({ date, stage, score }) => ({ date, stage, score }));
  const previous = earlier[earlier.length - 1];
  const items = previous ? openSectionItems(previous.text) : [];
  return { team: target.team, trend, ...(previous && items.length ? { carriedOver: { date: previous.date, items } } : {}) };
}
