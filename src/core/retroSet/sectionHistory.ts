import type { RetroAnalysis } from '../analyze';
import { sectionHistoryOf, type SectionHistory } from '../healthSection/history';
import { lonePlacement, type RetroMember, type RetroSet } from './retroSet';

/**
 * What a retro's relationship-health section says about its team's past, from the workspace's
 * retro set: the editor's section writer and `retro-health write` both ask this.
 */
export function memberSectionHistory(set: RetroSet, member: RetroMember, analysisOf: (retro: RetroMember) => RetroAnalysis): SectionHistory {
  const { team, date } = member.placement;
  if (team === null) return {};
  if (date === null) return { team };
  const chain = [...set.earlierOf(member.file.path), member].map((retro) => ({ path: retro.file.path, date: retro.placement.date as string, source: retro.text, analysis: analysisOf(retro) }));
  return sectionHistoryOf(team, chain);
}

/** A file outside the workspace's retro set (outside a folder, excluded, named on its own): its own team, no history. */
export function loneSectionHistory(path: string, text: string): SectionHistory {
  const { team } = lonePlacement(path.replace(/\\/g, '/'), text);
  return team === null ? {} : { team };
}
