import { STAGE_ILLNESS } from '../../core/types';
import type { Report } from '../model';

/** A markdown document a team can commit or post; table cells are escaped so retro text cannot break the layout. */
export function formatMarkdown(report: Report): string {
  const { summary } = report;
  const out = [
    '# Retro Health report',
    '',
    `${summary.documents} retros, ${summary.findings} symptoms; worst stage: **${summary.worstStage}** (${STAGE_ILLNESS[summary.worstStage]}).`,
    '',
    '| Retro | Date | Team | Stage | Score | Symptoms |',
    '|---|---|---|---|---:|---:|',
    ...report.documents.map(
      (d) => `| ${cell(d.file)} | ${d.date ?? '—'} | ${cell(d.team ?? '—')} | ${d.stage} | ${d.score} | ${d.findings.length} |`,
    ),
  ];
  for (const document of report.documents) {
    if (document.findings.length === 0) continue;
    out.push('', `## ${inline(document.file)}`, '', `**${document.stage}** (${STAGE_ILLNESS[document.stage]}), score ${document.score}/100. ${inline(document.explanation)}`, '');
    for (const finding of document.findings) {
      out.push(`- line ${finding.line}: “${inline(finding.text.replace(/\s+/g, ' '))}” — ${inline(finding.message)} \`${finding.symptom}\``);
    }
    out.push('', '**Treatment plan**', '');
    for (const treatment of document.treatments.slice(0, 3)) {
      for (const action of treatment.actions.slice(0, 1)) out.push(`- [ ] ${inline(action)} (${treatment.title})`);
    }
  }
  if (report.errors.length) {
    out.push('', '## Files not analysed', '');
    for (const error of report.errors) out.push(`- ${inline(error.file)}: ${inline(error.message)}`);
  }
  return out.join('\n') + '\n';
}

function inline(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`);
}

function cell(text: string): string {
  return inline(text).replace(/\r?\n/g, ' ');
}
