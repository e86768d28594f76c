import type { RetroAnalysis } from '../analyze';
import { sectionHistoryOf, type SectionHistory } from '../healthSection/history';
import type { RetroMember, RetroSet } from './retroSet';

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
