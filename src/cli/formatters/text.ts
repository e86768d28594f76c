import { STAGE_ILLNESS, type DocumentStage } from '../../core/types';
import type { Report, ReportDocument } from '../model';

export interface Palette {
  stage(stage: DocumentStage, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const ANSI_BY_STAGE: Record<DocumentStage, string> = { healthy: '32', early: '36', middle: '33', advanced: '35', end: '31' };

export function ansiPalette(enabled: boolean): Palette {
  const wrap = (code: string, text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    stage: (stage, text) => wrap(ANSI_BY_STAGE[stage], text),
    dim: (text) => wrap('2', text),
    bold: (text) => wrap('1', text),
  };
}

/** Human output; every finding starts with file:line:column so terminals turn it into a link. */
export function formatText(report: Report, palette: Palette): string {
  const out: string[] = [];
  for (const document of report.documents) out.push(...formatDocument(document, palette), '');
  const { summary } = report;
  const stages = Object.entries(summary.byStage)
    .map(([stage, count]) => `${stage} ${count}`)
    .join(' · ');
  out.push(
    palette.bold(
      `${summary.documents} ${summary.documents === 1 ? 'retro' : 'retros'} · ${summary.findings} ${summary.findings === 1 ? 'symptom' : 'symptoms'} · worst stage: `,
    ) + palette.stage(summary.worstStage, `${summary.worstStage} (${STAGE_ILLNESS[summary.worstStage]})`),
  );
  if (summary.findings > 0) out.push(palette.dim(`  by stage: ${stages}`));
  for (const error of report.errors) out.push(`error: ${error.file}: ${error.message}`);
  return out.join('\n') + '\n';
}

function formatDocument(document: ReportDocument, palette: Palette): string[] {
  const facts = [`score ${document.score}/100`, document.team && `team ${document.team}`, document.date].filter(Boolean).join(' · ');
  const lines = [
    `${palette.bold(document.file)}  ${palette.stage(document.stage, `${document.stage.toUpperCase()} (${STAGE_ILLNESS[document.stage]})`)}  ${palette.dim(facts)}`,
    `  ${document.explanation}`,
  ];
  for (const finding of document.findings) {
    const location = `${document.file}:${finding.line}:${finding.column}`;
    const quote = finding.text.replace(/\s+/g, ' ');
    lines.push(
      `  ${location}  ${palette.stage(finding.stage, finding.stage.padEnd(8))} ${finding.side.padEnd(8)} ${finding.title}  ${palette.dim(`“${quote}”  ${finding.symptom}`)}`,
    );
  }
  const plan = document.treatments.slice(0, 3).map((treatment, index) => `${index + 1}. ${treatment.title}`);
  if (plan.length) lines.push(`  ${palette.bold('treatments:')} ${plan.join('  ')}`);
  return lines;
}
