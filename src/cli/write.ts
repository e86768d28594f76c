import { writeFileSync } from 'node:fs';
import type { RetroAnalysis } from '../core/analyze';
import { applyEdit } from '../core/edits/textEdit';
import { DamagedSectionError, healthSectionEdit } from '../core/healthSection/section';
import { loneSectionHistory, memberSectionHistory, type RetroMember, type RetroSet } from '../core/retroSet';
import type { FileProblem } from './files';
import type { SelectedRetro } from './selection';

export interface WriteResult {
  updated: string[];
  upToDate: string[];
  errors: FileProblem[];
}

/**
 * `retro-health write`: inserts or refreshes each selected retro's relationship-health section.
 * The trend and carried-over items come from the earlier retros of the same team in the whole
 * workspace (its retro set), so a file gets the same bytes whether written alone or with others.
 * Only the section changes; the rest of each file (line endings, BOM, final newline) is written
 * back byte for byte. With `check`, nothing is written.
 */
export function writeSections(selected: readonly SelectedRetro[], set: RetroSet, analyse: (text: string, file: string) => RetroAnalysis, check: boolean): WriteResult {
  const result: WriteResult = { updated: [], upToDate: [], errors: [] };
  const analyses = new Map<RetroMember, RetroAnalysis>();
  const analysisOf = (member: RetroMember) => {
    let analysis = analyses.get(member);
    if (!analysis) analyses.set(member, (analysis = analyse(member.text, member.file.path)));
    return analysis;
  };
  for (const retro of selected) {
    const analysis = retro.member ? analysisOf(retro.member) : analyse(retro.text, retro.display);
    const history = retro.member ? memberSectionHistory(set, retro.member, analysisOf) : loneSectionHistory(retro.display, retro.text);
    let edit;
    try {
      edit = healthSectionEdit(retro.text, { analysis, ...history });
    } catch (error) {
      if (!(error instanceof DamagedSectionError)) throw error;
      result.errors.push({ file: retro.display, message: error.message });
      continue;
    }
    if (!edit) {
      result.upToDate.push(retro.display);
      continue;
    }
    result.updated.push(retro.display);
    if (check) continue;
    const bom = retro.text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    try {
      writeFileSync(retro.display, bom + applyEdit(analysis.document.text, edit), 'utf8');
    } catch (error) {
      result.errors.push({ file: retro.display, message: `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    }
  }
  result.updated.sort();
  result.upToDate.sort();
  return result;
}
