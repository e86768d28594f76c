import type { RetroAnalysis } from '../analyze';
import { applyEdit } from '../edits/textEdit';
import { DamagedSectionError, healthSectionEdit, openSectionItems, type HealthSectionInput, type TrendPoint } from './section';

/** One dated retro of a team, as its section's history needs it. */
export interface TeamRetro {
  path: string;
  date: string;
  /** The file's text as read (BOM and all). */
  source: string;
  analysis: RetroAnalysis;
}

/** What a retro's section says about the team's past: the trend before it and what it carries over. */
export type SectionHistory = Pick<HealthSectionInput, 'team' | 'trend' | 'carriedOver'>;

/**
 * The history of the last of `chain` — a team's dated retros up to and including the target,
 * oldest first (the retro set's `earlierOf`, then the target). The trend is every retro dated
 * before the target; the carried-over items are those the previous retro's section leaves open
 * *once that section is itself up to date*, computed the same way down the chain. So a section
 * depends only on the workspace, never on which other files are written in the same run, and
 * writing all of them at once gives each the bytes writing it alone would.
 */
export function sectionHistoryOf(team: string, chain: readonly TeamRetro[]): SectionHistory {
  const openItems: string[][] = [];
  let history: SectionHistory = { team };
  for (let index = 0; index < chain.length; index++) {
    const retro = chain[index] as TeamRetro;
    // Retros of the same day are not each other's past.
    let before = index;
    while (before > 0 && (chain[before - 1] as TeamRetro).date >= retro.date) before--;
    const trend: TrendPoint[] = chain.slice(0, before).map(({ date, analysis }) => ({ date, stage: analysis.diagnosis.stage, score: analysis.diagnosis.score }));
    const previous = chain[before - 1];
    const carried = before > 0 ? (openItems[before - 1] as string[]) : [];
    history = { team, trend, ...(previous && carried.length ? { carriedOver: { date: previous.date, items: [...carried] } } : {}) };
    openItems.push(index < chain.length - 1 ? openItemsOnceWritten(retro, history) : []);
  }
  return history;
}

/** The open items of a retro's section once written with this history; as it stands when its section is damaged. */
function openItemsOnceWritten(retro: TeamRetro, history: SectionHistory): string[] {
  const text = retro.analysis.document.text;
  try {
    const edit = healthSectionEdit(retro.source, { analysis: retro.analysis, ...history });
    return openSectionItems(edit ? applyEdit(text, edit) : text);
  } catch (error) {
    if (!(error instanceof DamagedSectionError)) throw error;
    return openSectionItems(text);
  }
}
