import { writeFileSync } from 'node:fs';
import { analyzeRetro } from '../core/analyze';
import { applyEdit } from '../core/edits/textEdit';
import { DamagedSectionError, healthSectionEdit, openSectionItems } from '../core/healthSection/section';
import { historyFor, teamOf, type RetroRecord } from '../core/healthSection/history';
import type { SymptomMatcher } from '../core/matcher/matcher';
import { discoverFiles, readTextFile, type FileProblem } from './files';

export interface WriteOptions {
  check: boolean;
  maxBytes: number;
  minConfidence: number;
  disabled: string[];
}

export interface WriteResult {
  updated: string[];
  upToDate: string[];
  errors: FileProblem[];
}

/**
 * `retro-health write`: inserts or refreshes each retro's relationship-health section. The
 * trend and carried-over items come from the same team's other retros among the given files.
 * Only the section changes; the rest of each file (line endings, BOM, final newline) is
 * written back byte for byte. With `check`, nothing is written.
 */
export function writeSections(inputs: string[], matcher: SymptomMatcher, options: WriteOptions): WriteResult {
  const { files, problems } = discoverFiles(inputs);
  const result: WriteResult = { updated: [], upToDate: [], errors: [...problems] };
  const records: (RetroRecord & { source: string; text: string })[] = [];
  for (const file of files) {
    const read = readTextFile(file, options.maxBytes);
    if (!read.ok) {
      result.errors.push({ file, message: read.message });
      continue;
    }
    const analysis = analyzeRetro(read.text, { fileName: file, matcher, minConfidence: options.minConfidence, disabledSymptoms: options.disabled });
    const { stage, score } = analysis.diagnosis;
    const text = analysis.document.text;
    records.push({ file, source: read.text, text, openItems: openSectionItems(text), date: analysis.document.date, team: teamOf(file, analysis.document.team), stage, score });
  }
  // Oldest first, so each retro carries over what its predecessor's fresh section leaves open.
  const byDate = [...records].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  for (const record of byDate) {
    const analysis = analyzeRetro(record.source, { fileName: record.file, matcher, minConfidence: options.minConfidence, disabledSymptoms: options.disabled });
    let edit;
    try {
      edit = healthSectionEdit(record.source, { analysis, ...historyFor(record, records) });
    } catch (error) {
      if (!(error instanceof DamagedSectionError)) throw error;
      result.errors.push({ file: record.file, message: error.message });
      continue;
    }
    if (!edit) {
      result.upToDate.push(record.file);
      continue;
    }
    result.updated.push(record.file);
    record.text = applyEdit(record.text, edit);
    // The next retro of the team carries over what this fresh section leaves open.
    record.openItems = openSectionItems(record.text);
    if (options.check) continue;
    const bom = record.source.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    try {
      writeFileSync(record.file, bom + record.text, 'utf8');
    } catch (error) {
      result.errors.push({ file: record.file, message: `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    }
  }
  result.updated.sort();
  result.upToDate.sort();
  return result;
}
