import { applyEdits, modify } from 'jsonc-parser';
import type { TeamVerdict } from '../verdicts';
import type { TextEdit } from './textEdit';

/**
 * The edit to `.retro-health.json` that records a verdict (creating the file's object or its
 * "verdicts" list if needed), keeping the file's comments and formatting.
 */
export function addVerdictEdit(configText: string, verdict: TeamVerdict): TextEdit {
  const base = configText.trim() === '' ? '{}' : configText;
  const hasList = /"verdicts"\s*:/.test(base);
  const eol = configText.includes('\r\n') ? '\r\n' : '\n';
  const text = applyEdits(base, modify(base, hasList ? ['verdicts', -1] : ['verdicts'], hasList ? verdict : [verdict], { formattingOptions: { insertSpaces: true, tabSize: 2, eol } }));
  if (configText.trim() === '') return { offset: 0, length: configText.length, newText: `${text}${eol}` };
  // One replacement of the changed middle, so undo restores the file byte for byte.
  let start = 0;
  while (start < configText.length && start < text.length && configText[start] === text[start]) start++;
  let endOld = configText.length;
  let endNew = text.length;
  while (endOld > start && endNew > start && configText[endOld - 1] === text[endNew - 1]) {
    endOld--;
    endNew--;
  }
  return { offset: start, length: endOld - start, newText: text.slice(start, endNew) };
}
